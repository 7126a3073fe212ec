package org.clinicops.support.outbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.EventType;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.support.SharedSupportServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.clinicops.support.testing.TopicReader.header;

@SharedSupportServiceTest
class OutboxRelayStreamTests {

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

        List<ConsumerRecord<byte[], byte[]>> received =
                new TopicReader(broker.getBrokersAsString()).readAllWithKey(Topics.SCREENINGS, patient.toString(),
                        events.size());

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
        return new ScreeningCompleted(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:00Z"), patient,
                UUID.randomUUID(), "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true);
    }
}
