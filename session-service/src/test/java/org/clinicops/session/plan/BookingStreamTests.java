package org.clinicops.session.plan;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventType;
import org.clinicops.events.ReviewDecision;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.ScreeningReviewed;
import org.clinicops.events.Topics;
import org.clinicops.support.testing.MutableClock;
import org.clinicops.support.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The booking flow end to end through real Kafka and PostgreSQL: ScreeningCompleted CloudEvents in on
 * {@code clinic.screenings}, the plan out through the REST API and as events on {@code clinic.sessions}.
 * Each test books in a different season, far enough from the others that their series never compete for chairs.
 */
@SpringBootTest(properties = {
        "spring.config.name=session-service",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "clinic.outbox.relay-interval=50ms"})
// closed after the class: embedded brokers of cached contexts stopping together at JVM exit hang the test JVM
@DirtiesContext
@EmbeddedKafka(partitions = 1, topics = {Topics.SCREENINGS, Topics.SESSIONS, BookingStreamTests.DEAD_LETTERS})
@AutoConfigureMockMvc
@Import(BookingStreamTests.Time.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingStreamTests {

    static final String DEAD_LETTERS = "error.clinic.screenings.session-service";
    static final Instant NOW = Instant.parse("2026-11-25T17:00:02Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {
        @Bean
        MutableClock clock() {
            return new MutableClock(NOW);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "session_stream");
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;

    KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    @Test
    void eligibleOutcomeBooksTheInductionSeriesOfClinicalSection6Example() {
        // Wednesday 2026-11-25 09:00 in Los Angeles
        ScreeningCompleted outcome = outcome(ScreeningOutcome.ELIGIBLE, "DEPRESSION", "2026-11-25T17:00:00Z");
        send(outcome);

        JsonNode plan = awaitPlan(outcome.patientId());

        assertThat(plan.get("patientId").asString()).isEqualTo(outcome.patientId().toString());
        assertThat(plan.get("screeningId").asString()).isEqualTo(outcome.screeningId().toString());
        assertThat(plan.get("protocol").asString()).isEqualTo("IV_KETAMINE_DEPRESSION");
        assertThat(plan.get("offLabel").asBoolean()).isTrue();
        assertThat(plan.get("status").asString()).isEqualTo("BOOKED");
        assertThat(plan.get("createdAt").asString()).isEqualTo(NOW.toString());
        assertThat(field(plan.get("sessions"), "start")).containsExactly(
                "2026-11-26T17:00:00Z", "2026-11-30T16:00:00Z", "2026-12-02T16:00:00Z", "2026-12-04T16:00:00Z",
                "2026-12-07T16:00:00Z", "2026-12-09T16:00:00Z");
        assertThat(field(plan.get("sessions"), "end")).containsExactly(
                "2026-11-26T18:55:00Z", "2026-11-30T17:55:00Z", "2026-12-02T17:55:00Z", "2026-12-04T17:55:00Z",
                "2026-12-07T17:55:00Z", "2026-12-09T17:55:00Z");
        assertThat(field(plan.get("sessions"), "number")).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(field(plan.get("sessions"), "chairId")).containsOnly("1");
        assertThat(field(plan.get("sessions"), "status")).containsOnly("SCHEDULED");
        assertThat(field(plan.get("sessions"), "sessionId")).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void theSameEventDeliveredTwiceBooksOnce() {
        ScreeningCompleted outcome = outcome(ScreeningOutcome.ELIGIBLE, "PTSD", "2027-02-03T17:00:00Z");
        send(outcome);
        send(outcome);
        ScreeningCompleted later = outcome(ScreeningOutcome.ELIGIBLE, "DEPRESSION", "2027-02-03T18:00:00Z");
        send(later);

        // one partition: once the later event is booked, both deliveries of the first have been handled
        awaitPlan(later.patientId());
        assertThat(awaitPlan(outcome.patientId()).get("sessions")).hasSize(6);
        assertThat(count("select count(*) from session where patient_id = :patient", outcome.patientId()))
                .isEqualTo(6);
        assertThat(count("select count(*) from outbox_event where message_key = :patient and event_type = '"
                + EventType.TREATMENT_PLAN_BOOKED.type() + "'", outcome.patientId().toString())).isEqualTo(1);
    }

    @Test
    void crisisIneligibleAndReviewOutcomesBookNothing() {
        ScreeningCompleted crisis = outcome(ScreeningOutcome.CRISIS_ESCALATION, "DEPRESSION", "2027-05-05T17:00:00Z");
        ScreeningCompleted ineligible = outcome(ScreeningOutcome.INELIGIBLE, "DEPRESSION", "2027-05-05T17:00:00Z");
        ScreeningCompleted review = outcome(ScreeningOutcome.NEEDS_CLINICIAN_REVIEW, "OCD", "2027-05-05T17:00:00Z");
        ScreeningCompleted eligible = outcome(ScreeningOutcome.ELIGIBLE, "DEPRESSION", "2027-05-05T17:00:00Z");
        List.of(crisis, ineligible, review, eligible).forEach(this::send);

        // one partition: once the eligible one is booked, the three before it have been handled
        awaitPlan(eligible.patientId());
        for (ScreeningCompleted nothingBooked : List.of(crisis, ineligible, review)) {
            assertThat(mvc.get().uri("/api/patients/{id}/treatment-plan", nothingBooked.patientId()))
                    .hasStatus(404);
            assertThat(count("select count(*) from session where patient_id = :patient", nothingBooked.patientId()))
                    .isZero();
        }
    }

    @Test
    void aClinicianApprovalBooksCountedFromTheApprovalAndADeclineBooksNothing() {
        ScreeningCompleted review = outcome(ScreeningOutcome.NEEDS_CLINICIAN_REVIEW, "DEPRESSION",
                "2027-03-01T17:00:00Z");
        ScreeningCompleted declinedReview = outcome(ScreeningOutcome.NEEDS_CLINICIAN_REVIEW, "DEPRESSION",
                "2027-03-01T17:00:00Z");
        send(review);
        send(declinedReview);
        // Approved on Wednesday 2027-03-03 at 10:00 in Los Angeles: the series starts 24 h later, Thursday 10:00.
        send(reviewed(review, ReviewDecision.APPROVED, "2027-03-03T18:00:00Z"));
        send(reviewed(declinedReview, ReviewDecision.DECLINED, "2027-03-03T18:00:00Z"));
        ScreeningCompleted later = outcome(ScreeningOutcome.ELIGIBLE, "DEPRESSION", "2027-03-03T18:00:00Z");
        send(later);

        JsonNode plan = awaitPlan(review.patientId());
        assertThat(plan.get("screeningId").asString()).isEqualTo(review.screeningId().toString());
        assertThat(field(plan.get("sessions"), "start").getFirst()).isEqualTo("2027-03-04T18:00:00Z");
        // one partition: once the later event is booked, the decline has been handled too
        awaitPlan(later.patientId());
        assertThat(mvc.get().uri("/api/patients/{id}/treatment-plan", declinedReview.patientId())).hasStatus(404);
    }

    @Test
    void malformedMessagesGoToTheDeadLetterTopicWithTheReasonAndTheNextEventIsStillBooked() {
        ScreeningCompleted template = outcome(ScreeningOutcome.ELIGIBLE, "DEPRESSION", "2027-08-04T17:00:00Z");
        UUID garbageKey = UUID.randomUUID();
        Map<String, String> garbageHeaders = headers(template);
        send(garbageKey, "this is not JSON".getBytes(StandardCharsets.UTF_8), garbageHeaders);
        UUID noIdKey = UUID.randomUUID();
        Map<String, String> noIdHeaders = headers(template);
        noIdHeaders.remove("ce_id");
        send(noIdKey, json.writeValueAsBytes(template), noIdHeaders);
        ScreeningCompleted good = outcome(ScreeningOutcome.ELIGIBLE, "DEPRESSION", "2027-08-04T17:00:00Z");
        send(good);

        assertThat(awaitPlan(good.patientId()).get("status").asString()).isEqualTo("BOOKED");
        Map<String, ConsumerRecord<byte[], byte[]>> deadLetters = readByKey(DEAD_LETTERS,
                List.of(garbageKey.toString(), noIdKey.toString()));
        assertThat(header(deadLetters.get(garbageKey.toString()), "x-exception-message")).contains("not JSON");
        assertThat(header(deadLetters.get(noIdKey.toString()), "x-exception-message"))
                .contains("Missing CloudEvents header ce_id");
        assertThat(header(deadLetters.get(noIdKey.toString()), "x-original-topic")).isEqualTo(Topics.SCREENINGS);
        assertThat(mvc.get().uri("/api/patients/{id}/treatment-plan", template.patientId())).hasStatus(404);
    }

    @Test
    void theBookedPlanAndEachSessionAreAnnouncedOnClinicSessionsKeyedByPatient() {
        ScreeningCompleted outcome = outcome(ScreeningOutcome.ELIGIBLE, "BIPOLAR_DEPRESSION", "2027-11-03T17:00:00Z");
        send(outcome);
        JsonNode plan = awaitPlan(outcome.patientId());

        List<ConsumerRecord<byte[], byte[]>> records = readAll(Topics.SESSIONS, outcome.patientId().toString(), 7);

        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(
                EventType.TREATMENT_PLAN_BOOKED.type(), EventType.SESSION_SCHEDULED.type(),
                EventType.SESSION_SCHEDULED.type(), EventType.SESSION_SCHEDULED.type(),
                EventType.SESSION_SCHEDULED.type(), EventType.SESSION_SCHEDULED.type(),
                EventType.SESSION_SCHEDULED.type());
        assertThat(header(records.getFirst(), "ce_subject")).isEqualTo(plan.get("planId").asString());
        assertThat(records.subList(1, 7)).extracting(r -> header(r, "ce_subject"))
                .containsExactlyElementsOf(field(plan.get("sessions"), "sessionId"));
        assertThat(header(records.getFirst(), "ce_source")).isEqualTo("/session-service");
        JsonNode booked = json.readTree(records.getFirst().value());
        assertThat(field(booked.get("sessions"), "sessionId"))
                .containsExactlyElementsOf(field(plan.get("sessions"), "sessionId"));
        assertThat(field(booked.get("sessions"), "start"))
                .containsExactlyElementsOf(field(plan.get("sessions"), "start"));
        JsonNode firstSession = json.readTree(records.get(1).value());
        assertThat(firstSession.get("number").asInt()).isEqualTo(1);
        assertThat(firstSession.get("chairId").asInt()).isEqualTo(1);
        assertThat(firstSession.get("planId").asString()).isEqualTo(plan.get("planId").asString());
    }

    private ScreeningCompleted outcome(ScreeningOutcome outcome, String indication, String occurredAt) {
        return new ScreeningCompleted(UUID.randomUUID(), Instant.parse(occurredAt), UUID.randomUUID(),
                UUID.randomUUID(), indication, outcome, List.of(), true);
    }

    private static ScreeningReviewed reviewed(ScreeningCompleted screening, ReviewDecision decision, String at) {
        return new ScreeningReviewed(UUID.randomUUID(), Instant.parse(at), screening.patientId(),
                screening.screeningId(), screening.indication(), screening.outcome(), decision, false, true);
    }

    /** Sends the event as intake-service's outbox does: a CloudEvent in binary mode, keyed by patient. */
    private void send(ScreeningCompleted event) {
        send(event.patientId(), json.writeValueAsBytes(event), headers(event));
    }

    private void send(ScreeningReviewed event) {
        send(event.patientId(), json.writeValueAsBytes(event), headers(event, event.screeningId()));
    }

    private static Map<String, String> headers(ScreeningCompleted event) {
        return headers(event, event.screeningId());
    }

    private static Map<String, String> headers(ClinicEvent event, UUID subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", event.eventId().toString());
        headers.put("ce_type", EventType.of(event).type());
        headers.put("ce_source", "/intake-service");
        headers.put("ce_time", event.occurredAt().toString());
        headers.put("ce_subject", subject.toString());
        headers.put("content-type", "application/json");
        return headers;
    }

    private void send(UUID key, byte[] body, Map<String, String> headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SCREENINGS,
                key.toString().getBytes(StandardCharsets.UTF_8), body);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send the test event", e);
        }
    }

    private JsonNode awaitPlan(UUID patientId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(mvc.get().uri("/api/patients/{id}/treatment-plan", patientId)).hasStatusOk());
        MvcTestResult result = mvc.get().uri("/api/patients/{id}/treatment-plan", patientId).exchange();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private long count(String sql, Object param) {
        String name = sql.substring(sql.indexOf(':') + 1).split("[^a-z]")[0];
        return jdbc.sql(sql).param(name, param).query(Long.class).single();
    }

    private static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.get(name).asString()));
        return values;
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, String key, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        records.add(r);
                    }
                });
                return records.size() >= expected;
            });
        }
        return records;
    }

    private Map<String, ConsumerRecord<byte[], byte[]>> readByKey(String topic, List<String> keys) {
        Map<String, ConsumerRecord<byte[], byte[]>> records = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    String key = new String(r.key(), StandardCharsets.UTF_8);
                    if (keys.contains(key)) {
                        records.put(key, r);
                    }
                });
                return records.keySet().containsAll(keys);
            });
        }
        return records;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
