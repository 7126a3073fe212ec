package org.clinicops.notification.partner;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.events.TreatmentPlanWaitingForCapacity;
import org.clinicops.notification.FreePorts;
import org.clinicops.notification.ScaledOutInstance;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notification-service instances on one database and broker, both consuming the partner stream and both relaying
 * their outbox, one restarted halfway, every source event delivered twice: each partner event reaches the clinic's
 * topic once, numbered 1..n without a gap or a repeat, and 1, 2 per patient in order.
 */
class PartnerTopicTwoInstancesTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** One of the clinics the test profile lists in notification.partner.kafka.clinics. */
    static final String CLINIC = "topic-riverside";
    static final String TOPIC = "partner." + CLINIC + ".events";
    static final int PATIENTS = 20;

    static final TestClock clock = new TestClock(TestClock.at("2026-11-25T17:00:00Z"));
    static final JsonMapper json = JsonMapper.builder().build();
    static EmbeddedKafkaKraftBroker kafka;
    static String database;
    static CloudEventProducer producer;
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        kafka = new EmbeddedKafkaKraftBroker(1, 2, Topics.SCREENINGS, Topics.SESSIONS);
        kafka.afterPropertiesSet();
        database = TestPostgres.newDatabase("notification_partner_topic_two_instances");
        instances.add(startInstance());
        instances.add(startInstance());
        producer = new CloudEventProducer(kafka.getBrokersAsString());
    }

    @AfterAll
    static void stopTwoInstances() {
        producer.close();
        instances.forEach(ConfigurableApplicationContext::close);
        kafka.destroy();
    }

    @Test
    void eachPartnerEventReachesTheTopicOnceNumberedWithoutGapsAcrossTwoInstancesARestartAndRedeliveries() {
        List<UUID> patients = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            UUID patient = UUID.randomUUID();
            patients.add(patient);
            attribute(patient);
        }
        patients.subList(0, PATIENTS / 2).forEach(PartnerTopicTwoInstancesTests::sendTwice);
        await().atMost(PATIENCE).until(() -> partnerEvents() >= PATIENTS / 2);
        instances.removeLast().close();
        instances.add(startInstance());
        patients.subList(PATIENTS / 2, PATIENTS).forEach(PartnerTopicTwoInstancesTests::sendTwice);

        await().atMost(PATIENCE).until(() -> partnerEvents() == 2L * PATIENTS && unpublished() == 0);
        List<ConsumerRecord<byte[], byte[]>> records = new TopicReader(kafka.getBrokersAsString())
                .readAll(TOPIC, 2 * PATIENTS);

        assertThat(records).hasSize(2 * PATIENTS);
        assertThat(records.stream().map(r -> TopicReader.header(r, "ce_id")).distinct()).hasSize(2 * PATIENTS);
        assertThat(records.stream().map(r -> json.readTree(r.value()).get("sequence").asLong()).sorted())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 2L * PATIENTS).boxed().toList());
        for (UUID patient : patients) {
            List<JsonNode> ofPatient = records.stream()
                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(patient.toString()))
                    .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                    .map(r -> json.readTree(r.value())).toList();
            assertThat(ofPatient).extracting(e -> e.get("patientSequence").asLong()).containsExactly(1L, 2L);
            assertThat(ofPatient).extracting(e -> e.get("type").asString())
                    .containsExactly("patient.status_changed", "induction.waiting_for_capacity");
        }
    }

    /** The patient's ELIGIBLE screening and waiting plan, each delivered twice. */
    static void sendTwice(UUID patient) {
        Instant at = clock.instant();
        ScreeningCompleted eligible = new ScreeningCompleted(UUID.randomUUID(), at, patient, UUID.randomUUID(),
                "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true);
        TreatmentPlanWaitingForCapacity waiting = PartnerRecordingStreamTests.waitingForCapacity(patient);
        for (int copy = 0; copy < 2; copy++) {
            producer.send(eligible, eligible.screeningId());
            producer.send(waiting, waiting.planId());
        }
    }

    /** Referred by the clinic, as intake-service would answer, so no instance needs to ask it. */
    static void attribute(UUID patient) {
        jdbc().sql("insert into partner_attribution (patient_id, partner_clinic_id, partner_reference, resolved_at) "
                        + "values (:patient, :clinic, null, :now)")
                .param("patient", patient)
                .param("clinic", CLINIC)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    static long partnerEvents() {
        return jdbc().sql("select count(*) from partner_event where partner_clinic_id = :clinic")
                .param("clinic", CLINIC).query(Long.class).single();
    }

    static long unpublished() {
        return jdbc().sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
    }

    static JdbcClient jdbc() {
        return instances.getFirst().getBean(JdbcClient.class);
    }

    static ConfigurableApplicationContext startInstance() {
        return ScaledOutInstance.start(clock, database, kafka.getBrokersAsString(),
                "--spring.mail.port=" + FreePorts.next());
    }
}
