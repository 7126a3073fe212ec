package org.clinicops.support.outbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.clinicops.events.EventType;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.support.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@EmbeddedKafka(partitions = 3, topics = Topics.SCREENINGS)
class OutboxRelayStreamTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "support");
    }

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void committedEventsReachKafkaAsCloudEventsKeyedByPatientInStoredOrder() {
        UUID patient = UUID.randomUUID();
        List<ScreeningCompleted> events = List.of(completed(patient), completed(patient), completed(patient));
        transactions.executeWithoutResult(status -> events.forEach(e -> outbox.publish(e, e.screeningId().toString())));

        List<ConsumerRecord<byte[], byte[]>> received = readAll(Topics.SCREENINGS, events.size());

        assertThat(received).extracting(r -> header(r, "ce_id"))
                .containsExactly(events.stream().map(e -> e.eventId().toString()).toArray(String[]::new));
        ConsumerRecord<byte[], byte[]> first = received.getFirst();
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo(patient.toString());
        assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(first, "ce_type")).isEqualTo(EventType.SCREENING_COMPLETED.type());
        assertThat(header(first, "ce_source")).isEqualTo("/support-test");
        assertThat(header(first, "ce_subject")).isEqualTo(events.getFirst().screeningId().toString());
        assertThat(Instant.parse(header(first, "ce_time"))).isEqualTo(events.getFirst().occurredAt());
        assertThat(header(first, "content-type")).isEqualTo("application/json");
        assertThat(new String(first.value(), StandardCharsets.UTF_8))
                .contains("\"outcome\":\"ELIGIBLE\"").contains(patient.toString());
        await().untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single())
                .isZero());
    }

    @Test
    void eventsOfARolledBackTransactionAreNeverStored() {
        ScreeningCompleted event = completed(UUID.randomUUID());
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            outbox.publish(event, "s");
            throw new IllegalStateException("the state change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("select count(*) from outbox_event where event_id = :id").param("id", event.eventId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish(completed(UUID.randomUUID()), "s"))
                .isInstanceOf(IllegalStateException.class);
    }

    private static ScreeningCompleted completed(UUID patient) {
        return new ScreeningCompleted(UUID.randomUUID(), Instant.parse("2026-11-25T17:00:00Z"), patient,
                UUID.randomUUID(), "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true);
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
