package org.clinicops.session.course;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.ScreeningProgress;
import org.clinicops.events.Topics;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * The course after the induction series (CLINICAL D-9) over HTTP: the re-screening due within 7 days of the series'
 * last discharge, what the re-screening's progress decides, the clinician's review, boosters at the prescriber's
 * interval, and closing a plan. Each patient's IV series is booked from an outcome on Wednesday 25 Nov 09:00 clinic
 * time: Thursday 26 Nov 09:00, then 30 Nov, 2, 4, 7 and 9 Dec at 08:00.
 */
@SharedServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS})
@AutoConfigureMockMvc
class TreatmentCourseWebTests {

    static final String CHECK_IN = """
            {"consentOnFile": true, "escortConfirmed": true, "fastingConfirmed": true, "weightKg": 71.5}""";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TreatmentPlanBooking booking;
    @Autowired
    TreatmentPlans plans;
    @Autowired
    Sessions sessions;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;

    @BeforeEach
    void emptyClinic() {
        jdbc.sql("delete from monitoring_form").update();
        jdbc.sql("update session set makes_up_for = null").update();
        jdbc.sql("delete from session").update();
        jdbc.sql("delete from treatment_plan").update();
    }

    @Test
    void d9_theLastInductionSessionDischarged_makesAReScreeningDueWithin7Days_andAnnouncesIt() {
        UUID patient = booked();
        List<ScheduledSession> series = series(patient);
        series.subList(0, 5).forEach(this::give);
        assertThat(plan(patient)).bodyJson().hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("BOOKED"));

        give(series.get(5));

        assertThat(plan(patient)).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"status": "RESCREENING_DUE", "rescreeningDueBy": "%s"}""".formatted(TestClock.isoDate("2026-12-16")));
        assertThat(mvc.get().uri("/api/treatment-plans?status=RESCREENING_DUE")).hasStatusOk().bodyJson()
                .extractingPath("$[*].patientId").asArray().containsExactly(patient.toString());
        ConsumerRecord<byte[], byte[]> due = published(patient, "org.clinicops.treatment-plan.rescreening-due.v1");
        assertThat(TopicReader.value(due)).contains("\"dueBy\":\"" + TestClock.isoDate("2026-12-16") + "\"")
                .doesNotContain("phq", "score");
    }

    @Test
    void d9_aReScreeningBeforeTheSeriesIsComplete_leavesThePlanBooked() {
        UUID patient = booked();
        give(series(patient).getFirst());

        booking.on(rescreening(patient, ScreeningOutcome.ELIGIBLE, true));

        assertThat(plan(patient)).bodyJson().hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("BOOKED"));
    }

    @Test
    void d9_aResponse_letsThePrescriberSetTheBoosterInterval_eachBoosterBookedFromTheOneBefore() {
        UUID patient = seriesGiven();
        ScreeningCompleted rescreening = rescreening(patient, ScreeningOutcome.ELIGIBLE, true);
        booking.on(rescreening);
        booking.on(rescreening);
        assertThat(plan(patient)).bodyJson().isLenientlyEqualTo("""
                {"status": "WAITING_FOR_BOOSTER_INTERVAL",
                 "rescreening": {"screeningId": "%s", "response": true}}""".formatted(rescreening.screeningId()));

        assertThat(maintenance(patient, """
                {"boosterIntervalWeeks": 1}""")).hasStatus(422).bodyJson()
                .extractingPath("$.errors[*].field").asArray().containsExactly("boosterIntervalWeeks");
        at("2026-12-10T18:00:00Z");
        assertThat(maintenance(patient, """
                {"boosterIntervalWeeks": 4}""")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("""
                        {"status": "MAINTENANCE", "boosterIntervalWeeks": 4}""");
        // four weeks after the last infusion on Wednesday 9 Dec: Wednesday 6 Jan, 08:00 clinic time
        ScheduledSession first = booster(patient, 7);
        assertThat(first.start()).isEqualTo(TestClock.at("2027-01-06T16:00:00Z"));
        assertThat(TopicReader.value(published(patient, "org.clinicops.session.scheduled.v1", first.sessionId())))
                .contains("\"number\":7", "\"booster\":true");

        give(first);

        assertThat(booster(patient, 8).start()).isEqualTo(TestClock.at("2027-02-03T16:00:00Z"));
        assertThat(maintenance(patient, """
                {"boosterIntervalWeeks": 2}""")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.sessions.length()", v -> v.assertThat().isEqualTo(8));
    }

    @Test
    void d9_noResponse_waitsForAClinicianReviewBeforeAnythingIsBooked_stopClosesThePlan() {
        UUID patient = seriesGiven();
        booking.on(rescreening(patient, ScreeningOutcome.ELIGIBLE, false));
        assertThat(plan(patient)).bodyJson().hasPathSatisfying("$.status",
                v -> v.assertThat().isEqualTo("WAITING_FOR_REVIEW"));

        assertThat(maintenance(patient, """
                {"boosterIntervalWeeks": 4}""")).hasStatus(409).bodyJson()
                .isLenientlyEqualTo("""
                        {"code": "MAINTENANCE_NOT_DUE", "unmet": ["MAINTENANCE_NOT_DUE"],
                         "planStatus": "WAITING_FOR_REVIEW"}""");
        assertThat(review(patient, "{\"decision\": \"MAYBE\"}")).hasStatus(422).bodyJson()
                .extractingPath("$.errors[*].field").asArray().containsExactly("decision");
        at("2026-12-14T18:00:00Z");
        assertThat(review(patient, """
                {"decision": "STOP"}""")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("""
                        {"status": "CLOSED",
                         "review": {"decision": "STOP", "clinicianId": "dr-adeyemi", "reviewedAt": "%s"},
                         "closure": {"reason": "NO_RESPONSE", "closedBy": "dr-adeyemi"}}"""
                        .formatted(TestClock.isoInstant("2026-12-14T18:00:00Z")));
        assertThat(review(patient, """
                {"decision": "CONTINUE"}""")).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("PLAN_NOT_WAITING_FOR_REVIEW"));
        assertThat(sessions.ofPlan(planId(patient))).hasSize(6);
    }

    @Test
    void d9_aClinicianMayContinueAfterNoResponse_thenThePrescriberSetsBoosters() {
        UUID patient = seriesGiven();
        booking.on(rescreening(patient, ScreeningOutcome.ELIGIBLE, false));

        assertThat(review(patient, """
                {"decision": "CONTINUE"}""")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("WAITING_FOR_BOOSTER_INTERVAL"));
        assertThat(maintenance(patient, """
                {"boosterIntervalWeeks": 6}""")).hasStatusOk();
        assertThat(booster(patient, 7).start()).isEqualTo(TestClock.at("2027-01-20T16:00:00Z"));
    }

    @Test
    void s1_aCrisisOnTheReScreening_sendsThePlanToReview_evenWithAResponse() {
        UUID patient = seriesGiven();

        booking.on(rescreening(patient, ScreeningOutcome.CRISIS_ESCALATION, true));

        assertThat(plan(patient)).bodyJson().hasPathSatisfying("$.status",
                v -> v.assertThat().isEqualTo("WAITING_FOR_REVIEW"));
    }

    @Test
    void closingAPlanCallsOffItsScheduledSessions_onceEvenWhenAskedAgain_badFieldsNamed() {
        UUID patient = booked();
        give(series(patient).getFirst());
        assertThat(close(patient, "{\"reason\": \"BORED\"}", null)).hasStatus(422).bodyJson()
                .extractingPath("$.errors[*].field").asArray().containsExactly("reason");
        assertThat(close(UUID.randomUUID(), "{}", null)).hasStatus(404);

        at("2026-11-27T18:00:00Z");
        // who closed it is the token's prescriber, not a body member
        String body = """
                {"reason": "PATIENT_REQUEST", "closedBy": "not-the-prescriber"}""";
        assertThat(close(patient, body, "close-1")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"status": "CLOSED", "closure": {"reason": "PATIENT_REQUEST", "closedBy": "dr-okafor",
                 "closedAt": "%s"}}""".formatted(TestClock.isoInstant("2026-11-27T18:00:00Z")));
        assertThat(close(patient, body, "close-1")).hasStatusOk();
        assertThat(close(patient, body, null)).hasStatusOk();

        assertThat(series(patient)).extracting(ScheduledSession::status).containsExactly(SessionStatus.DISCHARGED,
                SessionStatus.CANCELLED, SessionStatus.CANCELLED, SessionStatus.CANCELLED, SessionStatus.CANCELLED,
                SessionStatus.CANCELLED);
        assertThat(new TopicReader(broker.getBrokersAsString()).readUntil(Topics.SESSIONS,
                records -> ofPatient(records, patient, "org.clinicops.session.cancelled.v1").size() >= 5))
                .filteredOn(r -> patient.toString().equals(new String(r.key()))
                        && "org.clinicops.session.cancelled.v1".equals(header(r, "ce_type")))
                .hasSize(5).allSatisfy(r -> assertThat(TopicReader.value(r))
                        .contains("\"reason\":\"PATIENT_REQUEST\""));
    }

    @Test
    void d9_aMissedBoosterIsBookedAgain_asSoonAsTheLeadTimeAllows() {
        UUID patient = seriesGiven();
        booking.on(rescreening(patient, ScreeningOutcome.ELIGIBLE, true));
        maintenance(patient, """
                {"boosterIntervalWeeks": 2}""");
        ScheduledSession first = booster(patient, 7);
        assertThat(first.start()).isEqualTo(TestClock.at("2026-12-23T16:00:00Z"));

        at("2026-12-23T17:00:00Z");
        assertThat(post(first, "no-show", "")).hasStatusOk();

        // one lead time (24 h) later: Thursday 24 Dec from 09:00 clinic time, the first slot after 09:00
        assertThat(sessions.ofPlan(planId(patient)).stream()
                .filter(s -> s.number() == 7 && s.status() == SessionStatus.SCHEDULED).findFirst().orElseThrow()
                .start()).isEqualTo(TestClock.at("2026-12-24T17:00:00Z"));
    }

    /** A depression patient's IV series, booked from an outcome on Wednesday 25 Nov 09:00 clinic time. */
    private UUID booked() {
        at("2026-11-25T17:00:00Z");
        UUID patient = UUID.randomUUID();
        booking.on(new ScreeningCompleted(UUID.randomUUID(), clock.instant(), patient, UUID.randomUUID(), "DEPRESSION",
                ScreeningOutcome.ELIGIBLE, List.of(), true));
        return patient;
    }

    /** A patient whose six infusions were all given, the last on Wednesday 9 Dec. */
    private UUID seriesGiven() {
        UUID patient = booked();
        series(patient).forEach(this::give);
        assertThat(plan(patient)).bodyJson().hasPathSatisfying("$.status",
                v -> v.assertThat().isEqualTo("RESCREENING_DUE"));
        return patient;
    }

    private ScreeningCompleted rescreening(UUID patient, ScreeningOutcome outcome, boolean response) {
        return new ScreeningCompleted(UUID.randomUUID(), clock.instant(), patient, UUID.randomUUID(), "DEPRESSION",
                outcome, List.of(), false, new ScreeningProgress(UUID.randomUUID(), response ? -12 : -3, null,
                response, false));
    }

    /** One IV session given as its chair time allows: 0.5 mg/kg over 40 min, observed 60 min, vitals every 15. */
    private void give(ScheduledSession session) {
        Instant start = session.start();
        postAt(session, start, "check-in", CHECK_IN, 200);
        postAt(session, start.plus(minutes(5)), "vitals", vitals(), 201);
        postAt(session, start.plus(minutes(10)), "dose-order", """
                {"prescriberId": "dr-okafor", "orderedMgPerKg": 0.5}""", 201);
        postAt(session, start.plus(minutes(15)), "dose-start", "", 200);
        postAt(session, start.plus(minutes(30)), "vitals", vitals(), 201);
        postAt(session, start.plus(minutes(45)), "vitals", vitals(), 201);
        postAt(session, start.plus(minutes(55)), "dose-end", "{}", 200);
        for (int minute = 70; minute <= 115; minute += 15) {
            postAt(session, start.plus(minutes(minute)), "vitals", vitals(), 201);
        }
        postAt(session, start.plus(minutes(115)), "discharge", """
                {"checklist": {"alertAndOriented": true, "steadyOnStanding": true, "noNauseaNeedingTreatment": true},
                 "escortPresent": true}""", 200);
    }

    private void postAt(ScheduledSession session, Instant at, String action, String body, int status) {
        clock.set(at);
        assertThat(post(session, action, body)).as(action + " of session " + session.number()).hasStatus(status);
    }

    private List<ScheduledSession> series(UUID patient) {
        return sessions.ofPlan(planId(patient)).stream().filter(s -> s.number() <= 6).toList();
    }

    private ScheduledSession booster(UUID patient, int number) {
        return sessions.ofPlan(planId(patient)).stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new AssertionError("No booster " + number + " booked"));
    }

    private UUID planId(UUID patient) {
        return plans.findByPatient(patient).orElseThrow().planId();
    }

    private ConsumerRecord<byte[], byte[]> published(UUID patient, String type) {
        return new TopicReader(broker.getBrokersAsString()).readUntil(Topics.SESSIONS,
                records -> !ofPatient(records, patient, type).isEmpty()).stream()
                .filter(r -> ofPatient(List.of(r), patient, type).size() == 1).findFirst().orElseThrow();
    }

    private ConsumerRecord<byte[], byte[]> published(UUID patient, String type, UUID subject) {
        return new TopicReader(broker.getBrokersAsString()).readUntil(Topics.SESSIONS,
                records -> ofPatient(records, patient, type).stream()
                        .anyMatch(r -> subject.toString().equals(header(r, "ce_subject")))).stream()
                .filter(r -> ofPatient(List.of(r), patient, type).size() == 1
                        && subject.toString().equals(header(r, "ce_subject"))).findFirst().orElseThrow();
    }

    private static List<ConsumerRecord<byte[], byte[]>> ofPatient(List<ConsumerRecord<byte[], byte[]>> records,
                                                                   UUID patient, String type) {
        return records.stream().filter(r -> patient.toString().equals(new String(r.key()))
                && type.equals(header(r, "ce_type"))).toList();
    }

    private void at(String instant) {
        clock.set(TestClock.at(instant));
    }

    private MvcTestResult plan(UUID patient) {
        return mvc.get().uri("/api/patients/{id}/treatment-plan", patient).exchange();
    }

    private MvcTestResult maintenance(UUID patient, String body) {
        return mvc.post().uri("/api/patients/{id}/treatment-plan/maintenance", patient)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dr-okafor", "PRESCRIBER").bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private MvcTestResult review(UUID patient, String body) {
        return mvc.post().uri("/api/patients/{id}/treatment-plan/review", patient)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dr-adeyemi", "CLINICIAN").bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private MvcTestResult close(UUID patient, String body, String idempotencyKey) {
        var request = mvc.post().uri("/api/patients/{id}/treatment-plan/close", patient)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dr-okafor", "PRESCRIBER").bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return (idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey)).exchange();
    }

    private MvcTestResult post(ScheduledSession session, String action, String body) {
        return mvc.post().uri("/api/sessions/{id}/{action}", session.sessionId(), action)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static Duration minutes(int minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static String vitals() {
        return """
                {"systolic": 128, "diastolic": 82, "heartRate": 74, "spo2": 98}""";
    }
}
