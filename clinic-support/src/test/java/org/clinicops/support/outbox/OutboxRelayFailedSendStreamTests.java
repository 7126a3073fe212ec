package org.clinicops.support.outbox;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * An event Kafka refuses is never overtaken by a later event of the same patient: it and that patient's later events
 * stay pending, other patients' events go on, and once Kafka takes it the patient's events follow in order.
 */
@SharedSupportServiceTest
class OutboxRelayFailedSendStreamTests {

    /** The topic refuses records above this; a normal event is well below it. */
    static final int TOPIC_LIMIT = 4096;

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void anEventKafkaRefusesStaysPendingWithItsPatientsLaterEvents_whileOtherPatientsEventsGoOn() throws Exception {
        limitRecordsTo(TOPIC_LIMIT);
        UUID refused = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ScreeningCompleted a1 = completed(refused, List.of());
        ScreeningCompleted a2 = completed(refused, IntStream.range(0, 100).mapToObj(i -> "REASON_" + "X".repeat(80))
                .toList());
        ScreeningCompleted a3 = completed(refused, List.of());
        ScreeningCompleted b1 = completed(other, List.of());
        ScreeningCompleted b2 = completed(other, List.of());
        ScreeningCompleted b3 = completed(other, List.of());
        transactions.executeWithoutResult(status -> List.of(a1, b1, a2, b2, a3, b3)
                .forEach(e -> outbox.publish(e, e.screeningId().toString())));

        await().atMost(TopicReader.PATIENCE).until(() -> unpublished().equals(ids(a2, a3)));
        Map<String, Set<String>> sent = readUntil(ids(a1, b1, b2, b3));
        assertThat(sent.get(refused.toString())).containsExactly(a1.eventId().toString());
        assertThat(sent.get(other.toString())).containsExactlyElementsOf(ids(b1, b2, b3));

        limitRecordsTo(1024 * 1024);
        await().atMost(TopicReader.PATIENCE).until(() -> unpublished().isEmpty());
        Map<String, Set<String>> all = readUntil(ids(a1, a2, a3, b1, b2, b3));
        assertThat(all.get(refused.toString())).as("first deliveries in stored order").containsExactlyElementsOf(
                ids(a1, a2, a3));
        assertThat(all.get(other.toString())).containsExactlyElementsOf(ids(b1, b2, b3));
    }

    /** The ids on the topic per patient, in the order first received, once all of {@code expected} are there. */
    private Map<String, Set<String>> readUntil(Set<String> expected) {
        Map<String, Set<String>> byPatient = new LinkedHashMap<>();
        new TopicReader(broker.getBrokersAsString()).readUntil(Topics.SCREENINGS, records -> {
            byPatient.clear();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                byPatient.computeIfAbsent(new String(r.key(), StandardCharsets.UTF_8), k -> new LinkedHashSet<>())
                        .add(header(r, "ce_id"));
            }
            return byPatient.values().stream().flatMap(Set::stream).toList().containsAll(expected);
        });
        return byPatient;
    }

    private Set<String> unpublished() {
        return new LinkedHashSet<>(jdbc.sql("select event_id from outbox_event where published_at is null order by position")
                .query(String.class).list());
    }

    private void limitRecordsTo(int bytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.SCREENINGS),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                            Integer.toString(bytes)), AlterConfigOp.OpType.SET)))).all().get();
        }
    }

    private static Set<String> ids(ScreeningCompleted... events) {
        Set<String> ids = new LinkedHashSet<>();
        for (ScreeningCompleted e : events) {
            ids.add(e.eventId().toString());
        }
        return Collections.unmodifiableSet(ids);
    }

    private static ScreeningCompleted completed(UUID patient, List<String> reasons) {
        return new ScreeningCompleted(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:00Z"), patient,
                UUID.randomUUID(), "DEPRESSION", ScreeningOutcome.ELIGIBLE, reasons, true);
    }
}
