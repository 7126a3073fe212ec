package org.clinicops.support.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What ops watch of a service's consumers: how far each consumer group lags behind its topic, and how many records
 * each dead-letter topic received, counted from 0 so that the first one after a start shows.
 */
@ServiceTest(topics = {StreamMetricsStreamTests.TOPIC, StreamMetricsStreamTests.OTHER_TOPIC,
        StreamMetricsStreamTests.DEAD_LETTERS}, properties = {
        "spring.cloud.function.definition=failEvents",
        "spring.cloud.stream.bindings.failEvents-in-0.destination=" + StreamMetricsStreamTests.TOPIC + ","
                + StreamMetricsStreamTests.OTHER_TOPIC,
        "spring.cloud.stream.bindings.failEvents-in-0.group=support-test",
        "spring.cloud.stream.bindings.failEvents-in-0.consumer.max-attempts=1"})
@Import(StreamMetricsStreamTests.Failing.class)
class StreamMetricsStreamTests {

    static final String TOPIC = "support.metrics.events";
    static final String DEAD_LETTERS = "error.support.metrics.events.support-test";
    static final String OTHER_TOPIC = "support.metrics.others";

    @TestConfiguration(proxyBeanMethods = false)
    static class Failing {
        @Bean
        Consumer<Message<byte[]>> failEvents() {
            return message -> {
                throw new IllegalStateException("a bug in this release");
            };
        }
    }

    @Autowired
    MeterRegistry meters;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aRecordSentToADeadLetterTopicIsCountedUnderThatTopic_whichCountsFromZeroAtStartUp() throws Exception {
        assertThat(deadLetters()).as("counted before any dead letter").isZero();
        assertThat(meters.get(DeadLetterCount.METER).tag("topic", "error." + OTHER_TOPIC + ".support-test").counter()
                .count()).as("each topic of a binding that reads two").isZero();

        try (CloudEventProducer producer = new CloudEventProducer(broker.getBrokersAsString())) {
            producer.send(TOPIC, "patient-1", "{}".getBytes(StandardCharsets.UTF_8), Map.of("ce_specversion", "1.0",
                    "ce_id", "event-1", "ce_type", "org.clinicops.test.happened.v1", "ce_source", "/support-test"));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters() == 1);
        assertThat(meters.find(DeadLetterCount.METER).counters()).as("one counter per dead-letter topic, no other tag")
                .hasSize(2).allSatisfy(c -> assertThat(c.getId().getTags()).hasSize(1));
    }

    @Test
    void theConsumerGroupsLagIsMeasuredByItsKafkaClient_andPerTopicByTheBinder() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges())
                    .as("the binder's consumer reports its lag, its client id naming the group")
                    .anySatisfy(g -> assertThat(g.getId().getTag("client.id")).contains("support-test"));
            Gauge offset = meters.find("spring.cloud.stream.binder.kafka.offset")
                    .tags("group", "support-test", "topic", TOPIC).gauge();
            assertThat(offset).as("the binder's lag of the group on its topic").isNotNull();
            assertThat(offset.value()).isGreaterThanOrEqualTo(0);
        });
    }

    private double deadLetters() {
        return meters.get(DeadLetterCount.METER).tag("topic", DEAD_LETTERS).counter().count();
    }
}
