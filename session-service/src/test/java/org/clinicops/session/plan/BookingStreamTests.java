package org.clinicops.session.plan;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.EventType;
import org.clinicops.events.ReviewDecision;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.ScreeningReviewed;
import org.clinicops.events.Topics;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * The booking flow end to end through real Kafka and PostgreSQL: ScreeningCompleted CloudEvents in on
 * {@code clinic.screenings}, the plan out through the REST API and as events on {@code clinic.sessions}.
 * Each test books in a different season, far enough from the others that their series never compete for chairs.
 */
@SharedServiceTest(now = "2026-11-25T17:00:02Z",
        topics = {Topics.SCREENINGS, Topics.SESSIONS, BookingStreamTests.DEAD_LETTERS})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingStreamTests {

    static final String DEAD_LETTERS = "error.clinic.screenings.session-service";
    static final Instant NOW = TestClock.at("2026-11-25T17:00:02Z");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestClock clock;

    CloudEventProducer producer;
    TopicReader topics;

    @BeforeAll
    void producer() {
        producer = new CloudEventProducer(broker.getBrokersAsString());
        topics = new TopicReader(broker.getBrokersAsString());
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
        assertThat(field(plan.get("sessions"), "start")).containsExactlyElementsOf(TestClock.isoInstants(
                "2026-11-26T17:00:00Z", "2026-11-30T16:00:00Z", "2026-12-02T16:00:00Z", "2026-12-04T16:00:00Z",
                "2026-12-07T16:00:00Z", "2026-12-09T16:00:00Z"));
        assertThat(field(plan.get("sessions"), "end")).containsExactlyElementsOf(TestClock.isoInstants(
                "2026-11-26T18:55:00Z", "2026-11-30T17:55:00Z", "2026-12-02T17:55:00Z", "2026-12-04T17:55:00Z",
                "2026-12-07T17:55:00Z", "2026-12-09T17:55:00Z"));
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
        assertThat(field(plan.get("sessions"), "start").getFirst())
                .isEqualTo(TestClock.isoInstant("2027-03-04T18:00:00Z"));
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

    @Test
    void theTimeFromAScreeningClearedToItsSeriesBookedIsMeasuredOnTheServicesClock_asAHistogram() {
        Timer latency = meters.get("clinic.booking.latency").timer();
        long countBefore = latency.count();
        double secondsBefore = latency.totalTime(TimeUnit.SECONDS);
        // cleared at 09:00 in Los Angeles, handled 5 s later by the service's clock
        ScreeningCompleted outcome = outcome(ScreeningOutcome.ELIGIBLE, "DEPRESSION", "2027-09-08T17:00:00Z");
        clock.set(TestClock.at("2027-09-08T17:00:05Z"));
        try {
            send(outcome);
            awaitPlan(outcome.patientId());
            await().atMost(Duration.ofSeconds(30)).until(() -> latency.count() == countBefore + 1);
        } finally {
            clock.set(NOW);
        }

        assertThat(latency.totalTime(TimeUnit.SECONDS) - secondsBefore).isEqualTo(5.0);
        assertThat(latency.takeSnapshot().histogramCounts()).as("buckets for percentiles across instances")
                .isNotEmpty();
    }

    private ScreeningCompleted outcome(ScreeningOutcome outcome, String indication, String occurredAt) {
        return new ScreeningCompleted(UUID.randomUUID(), TestClock.at(occurredAt), UUID.randomUUID(),
                UUID.randomUUID(), indication, outcome, List.of(), true);
    }

    private static ScreeningReviewed reviewed(ScreeningCompleted screening, ReviewDecision decision, String at) {
        return new ScreeningReviewed(UUID.randomUUID(), TestClock.at(at), screening.patientId(),
                screening.screeningId(), screening.indication(), screening.outcome(), decision, false, true);
    }

    /** Sends the event as intake-service's outbox does: a CloudEvent in binary mode, keyed by patient. */
    private void send(ScreeningCompleted event) {
        producer.send(event, event.screeningId());
    }

    private void send(ScreeningReviewed event) {
        producer.send(event, event.screeningId());
    }

    private static Map<String, String> headers(ScreeningCompleted event) {
        return CloudEventProducer.headers(event, event.screeningId());
    }

    private void send(UUID key, byte[] body, Map<String, String> headers) {
        producer.send(Topics.SCREENINGS, key.toString(), body, headers);
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
        return topics.readUntil(topic, records -> records.stream().filter(r -> key.equals(new String(r.key(),
                StandardCharsets.UTF_8))).count() >= expected).stream()
                .filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8))).toList();
    }

    private Map<String, ConsumerRecord<byte[], byte[]>> readByKey(String topic, List<String> keys) {
        return topics.readByKey(topic, keys);
    }
}
