package org.clinicops.support.messaging;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ops can send what failed back to its topic once the cause is fixed, and only once. */
@ServiceTest(topics = {DeadLetterReplayStreamTests.TOPIC, DeadLetterReplayStreamTests.DEAD_LETTERS}, properties = {
        "spring.cloud.function.definition=rememberEvents",
        "spring.cloud.stream.bindings.rememberEvents-in-0.destination=" + DeadLetterReplayStreamTests.TOPIC,
        "spring.cloud.stream.bindings.rememberEvents-in-0.group=support-test",
        "spring.cloud.stream.bindings.rememberEvents-in-0.consumer.max-attempts=1",
        "spring.cloud.stream.kafka.bindings.rememberEvents-in-0.consumer.enable-dlq=true"})
@Import(DeadLetterReplayStreamTests.Reaction.class)
class DeadLetterReplayStreamTests {

    static final String TOPIC = "support.test.events";
    static final String DEAD_LETTERS = "error.support.test.events.support-test";

    /** A consumer whose processing fails until the test "fixes" it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Reaction {
        final AtomicBoolean broken = new AtomicBoolean(true);
        final List<String> processed = new CopyOnWriteArrayList<>();

        @Bean
        Consumer<Message<byte[]>> rememberEvents(CloudEventReader reader) {
            return message -> {
                IncomingEvent event = reader.read(message);
                if (broken.get()) {
                    throw new IllegalStateException("a bug in this release");
                }
                processed.add(event.type() + " " + event.id() + " "
                        + new String(message.getPayload(), StandardCharsets.UTF_8));
            };
        }
    }

    @Autowired
    DeadLetters deadLetters;
    @Autowired
    Reaction reaction;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aDeadLetterIsReplayedToItsTopicWithItsCloudEventHeadersOnceTheCauseIsFixed() throws Exception {
        try (CloudEventProducer producer = new CloudEventProducer(broker.getBrokersAsString())) {
            producer.send(TOPIC, "patient-1", bytes("{\"n\":1}"), Map.of("ce_specversion", "1.0", "ce_id", "event-1",
                    "ce_type", "org.clinicops.test.happened.v1", "ce_source", "/support-test"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.waiting().get(DEAD_LETTERS) == 1L);

        reaction.broken.set(false);
        Map<String, Integer> replayed = deadLetters.replay();

        assertThat(replayed).containsEntry(DEAD_LETTERS, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !reaction.processed.isEmpty());
        assertThat(reaction.processed).containsExactly("org.clinicops.test.happened.v1 event-1 {\"n\":1}");
        assertThat(deadLetters.waiting()).containsEntry(DEAD_LETTERS, 0L);
        assertThat(deadLetters.replay()).containsEntry(DEAD_LETTERS, 0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
