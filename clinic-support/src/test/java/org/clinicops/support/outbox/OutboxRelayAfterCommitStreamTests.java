package org.clinicops.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.support.observability.TraceContext;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * The relay sends what a transaction stored as soon as it commits: the poll is an hour away here, so only the wake-up
 * after each commit can have sent anything. Several threads commit at once through two relays on one database, as two
 * instances of a service do, and no topic was created beforehand.
 */
@ServiceTest(properties = "clinic.outbox.relay-interval=1h")
class OutboxRelayAfterCommitStreamTests {

    static final int THREADS = 6;
    static final int PATIENTS_PER_THREAD = 4;
    static final int TRANSACTIONS_PER_PATIENT = 5;
    static final int EVENTS_PER_TRANSACTION = 3;

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    KafkaProperties kafka;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    TraceContext traces;

    @Test
    void eventsCommittedConcurrentlyThroughTwoRelaysReachKafkaRightAfterCommit_eachOnce_inEachPatientsOrder()
            throws Exception {
        int total = THREADS * PATIENTS_PER_THREAD * TRANSACTIONS_PER_PATIENT * EVENTS_PER_TRANSACTION;
        OutboxRelay secondRelay = new OutboxRelay(jdbc, json, transactions, kafka, 6, "/support-test", clock, meters);
        List<ConsumerRecord<byte[], byte[]>> received;
        Map<String, List<String>> stored;
        try {
            stored = commitConcurrently(new Outbox(jdbc, json, traces, secondRelay));
            received = new TopicReader(broker.getBrokersAsString()).readAll(Topics.SCREENINGS, total);
        } finally {
            secondRelay.destroy();
        }

        assertThat(received).hasSize(total);
        Map<String, List<String>> byPatient = new LinkedHashMap<>();
        received.forEach(r -> byPatient.computeIfAbsent(new String(r.key(), StandardCharsets.UTF_8),
                k -> new ArrayList<>()).add(header(r, "ce_id")));
        assertThat(byPatient).as("every event once, each patient's in the order committed").isEqualTo(stored);
        assertThat(jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single())
                .isZero();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            assertThat(admin.describeTopics(List.of(Topics.SCREENINGS)).allTopicNames().get().get(Topics.SCREENINGS)
                    .partitions()).as("the relay created the topic with the configured partitions").hasSize(6);
        }
    }

    /**
     * Each thread commits the events of patients of its own, one patient's transactions one after another and
     * alternately through each relay's outbox; answers each patient's event ids in the order committed.
     */
    private Map<String, List<String>> commitConcurrently(Outbox throughSecondRelay) throws Exception {
        Map<String, List<String>> stored = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = IntStream.range(0, THREADS).<Future<?>>mapToObj(t -> threads.submit(() -> {
                List<UUID> patients = IntStream.range(0, PATIENTS_PER_THREAD).mapToObj(p -> UUID.randomUUID()).toList();
                for (int tx = 0; tx < TRANSACTIONS_PER_PATIENT; tx++) {
                    Outbox through = tx % 2 == 0 ? outbox : throughSecondRelay;
                    for (UUID patient : patients) {
                        List<ScreeningCompleted> events = IntStream.range(0, EVENTS_PER_TRANSACTION)
                                .mapToObj(e -> completed(patient)).toList();
                        transactions.executeWithoutResult(status ->
                                events.forEach(e -> through.publish(e, e.screeningId().toString())));
                        events.forEach(e -> stored.computeIfAbsent(patient.toString(), k -> new ArrayList<>())
                                .add(e.eventId().toString()));
                    }
                }
            })).toList();
            for (Future<?> thread : done) {
                thread.get();
            }
        } finally {
            threads.shutdown();
        }
        return stored;
    }

    private static ScreeningCompleted completed(UUID patient) {
        return new ScreeningCompleted(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:00Z"), patient,
                UUID.randomUUID(), "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true);
    }
}
