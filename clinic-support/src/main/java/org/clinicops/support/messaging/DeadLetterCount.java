package org.clinicops.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/**
 * {@code clinic.deadletters{topic}}: records the Kafka binder sent to a dead-letter topic. The binder asks this for
 * the partition of every record it dead-letters, and tells the consumer group too, which is why the count lives here;
 * the partition stays the record's own, as without it. Each dead-letter topic of the service is counted from 0 at
 * start-up, so that the first dead letter after a start shows as an increase. Tagged with the topic's name only: it
 * names a destination and a group, never a patient.
 */
public class DeadLetterCount implements DlqPartitionFunction {

    static final String METER = "clinic.deadletters";

    private final MeterRegistry meters;

    public DeadLetterCount(DeadLetters deadLetters, MeterRegistry meters) {
        this.meters = meters;
        deadLetters.topics().forEach(this::counter);
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable failure) {
        counter("error." + record.topic() + "." + group).increment();
        return ORIGINAL_PARTITION.apply(group, record, failure);
    }

    private Counter counter(String deadLetterTopic) {
        return Counter.builder(METER)
                .description("Records sent to a dead-letter topic")
                .tag("topic", deadLetterTopic)
                .register(meters);
    }
}
