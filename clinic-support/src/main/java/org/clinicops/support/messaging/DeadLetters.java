package org.clinicops.support.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The service's dead-letter topics ({@code error.<destination>.<group>}, one per consumer binding), for the ops
 * team: {@code GET /actuator/deadletters} counts the messages not yet replayed, {@code POST /actuator/deadletters}
 * sends each of them back to the topic it came from, with its key and CloudEvents headers but without the failure's.
 * Replaying is safe because every consumer is idempotent on the event id; a message that fails again lands on the
 * dead-letter topic again. What was replayed is remembered as the committed offsets of a consumer group of its own.
 */
@Endpoint(id = "deadletters")
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Where the Kafka binder's dead-letter records say they came from. */
    private static final String ORIGINAL_TOPIC = "x-original-topic";
    private static final Pattern CONSUMER_BINDING = Pattern.compile(".+-in-\\d+");

    private final BindingServiceProperties bindings;
    private final StreamBridge streamBridge;
    private final Map<String, Object> consumerProperties;

    /**
     * @param kafkaConsumerProperties the service's Kafka client settings (bootstrap servers, SASL and TLS), for the
     *                                replay's own consumer
     */
    public DeadLetters(BindingServiceProperties bindings, StreamBridge streamBridge,
                       Map<String, Object> kafkaConsumerProperties, String applicationName) {
        this.bindings = bindings;
        this.streamBridge = streamBridge;
        this.consumerProperties = new HashMap<>(kafkaConsumerProperties);
        consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, applicationName + "-dead-letter-replay");
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    /** Messages waiting on each dead-letter topic of this service. */
    @ReadOperation
    public Map<String, Long> waiting() {
        Map<String, Long> waiting = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (String topic : topics()) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(Set.copyOf(partitions));
                waiting.put(topic, partitions.stream()
                        .mapToLong(p -> ends.get(p) - offset(replayed.get(p), consumer, p)).sum());
            }
        }
        return waiting;
    }

    /** Sends every waiting dead letter back to its topic; answers how many per dead-letter topic. */
    @WriteOperation
    public Map<String, Integer> replay() {
        Map<String, Integer> replayed = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (String topic : topics()) {
                replayed.put(topic, replay(consumer, topic));
            }
        }
        return replayed;
    }

    private int replay(KafkaConsumer<byte[], byte[]> consumer, String deadLetterTopic) {
        List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
        if (partitions.isEmpty()) {
            return 0;
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        partitions.forEach(p -> consumer.seek(p, offset(committed.get(p), consumer, p)));
        int sent = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    resend(record, deadLetterTopic);
                    sent++;
                }
            }
        }
        Map<TopicPartition, OffsetAndMetadata> done = new LinkedHashMap<>();
        ends.forEach((partition, end) -> done.put(partition, new OffsetAndMetadata(end)));
        consumer.commitSync(done);
        if (sent > 0) {
            log.info("Replayed {} dead letter(s) from {}", sent, deadLetterTopic);
        }
        return sent;
    }

    private void resend(ConsumerRecord<byte[], byte[]> record, String deadLetterTopic) {
        Header original = record.headers().lastHeader(ORIGINAL_TOPIC);
        String topic = original != null ? new String(original.value(), StandardCharsets.UTF_8)
                : originalTopicOf(deadLetterTopic);
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value());
        if (record.key() != null) {
            message.setHeader(KafkaHeaders.KEY, record.key());
        }
        for (Header header : record.headers()) {
            // the CloudEvents attributes travel on; the failure's own headers (x-exception-*, x-original-*) do not
            if (header.key().startsWith("ce_") || header.key().equals("content-type")) {
                message.setHeader(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        if (!streamBridge.send(topic, message.build())) {
            throw new IllegalStateException("Kafka did not accept the replay of " + record.topic() + "@"
                    + record.offset());
        }
    }

    /**
     * {@code error.<destination>.<group>} of every consumer binding ({@code <function>-in-<n>}) with a group, one per
     * destination of a binding that reads several ({@code clinic.screenings,clinic.sessions}). Output bindings are
     * skipped: they carry the default group too, but nothing dead-letters what a service sends.
     */
    List<String> topics() {
        List<String> topics = new ArrayList<>();
        bindings.getBindings().forEach((name, binding) -> {
            if (CONSUMER_BINDING.matcher(name).matches() && binding.getGroup() != null
                    && binding.getDestination() != null) {
                destinations(binding.getDestination())
                        .forEach(destination -> topics.add("error." + destination + "." + binding.getGroup()));
            }
        });
        return topics;
    }

    private String originalTopicOf(String deadLetterTopic) {
        return bindings.getBindings().values().stream().filter(b -> b.getDestination() != null)
                .flatMap(b -> destinations(b.getDestination()).stream()
                        .filter(destination -> deadLetterTopic.equals("error." + destination + "." + b.getGroup())))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No binding owns " + deadLetterTopic));
    }

    private static List<String> destinations(String destination) {
        return Arrays.stream(destination.split(",")).map(String::strip).filter(d -> !d.isEmpty()).toList();
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.listTopics().containsKey(topic)
                ? consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList()
                : List.of();
    }

    private static long offset(OffsetAndMetadata committed, KafkaConsumer<byte[], byte[]> consumer,
                               TopicPartition partition) {
        return committed != null ? committed.offset()
                : consumer.beginningOffsets(List.of(partition)).get(partition);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
