package org.clinicops.session.monitoring;

import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Esketamine's restricted programme over HTTP: the patient's enrollment on the plan, check-in refused without it, and
 * the monitoring form due after each discharge until staff mark it submitted. The OCD patients' prescriber chooses
 * esketamine on Wednesday 25 Nov 10:00 clinic time; their first sessions are on Monday 30 Nov 08:00 (16:00 UTC).
 */
@SharedServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS})
@AutoConfigureMockMvc
class EsketamineProgrammeWebTests {

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

    @BeforeEach
    void emptyClinic() {
        jdbc.sql("delete from monitoring_form").update();
        jdbc.sql("delete from session").update();
        jdbc.sql("delete from treatment_plan").update();
    }

    @Test
    void esketamineCheckInWithoutTheEnrollmentIs409_withItTheSessionChecksIn() {
        UUID patient = onEsketamine();
        ScheduledSession first = firstSession(patient);
        at("2026-11-30T16:00:00Z");

        assertThat(post(first, "check-in", CHECK_IN)).hasStatus(409).bodyJson().isLenientlyEqualTo("""
                {"code": "ESKETAMINE_ENROLLMENT_MISSING", "unmet": ["ESKETAMINE_ENROLLMENT_MISSING"],
                 "sessionStatus": "SCHEDULED"}""");
        assertThat(mvc.get().uri("/api/sessions/{id}", first.sessionId())).bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("SCHEDULED"));

        assertThat(enroll(patient, "{}", null)).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"protocol": "ESKETAMINE_NASAL", "esketamineEnrollment":
                  {"enrolledOn": "%s", "prescriberId": "dr-okafor", "recordedAt": "%s"}}"""
                .formatted(TestClock.isoDate("2026-11-30"), TestClock.isoInstant("2026-11-30T16:00:00Z")));
        assertThat(post(first, "check-in", CHECK_IN)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("CHECKED_IN"));
    }

    @Test
    void theEnrollment_notInTheFuture_recordedOnce_badFieldsNamed() {
        UUID patient = onEsketamine();

        assertThat(enroll(patient, """
                {"enrolledOn": "%s"}""".formatted(TestClock.isoDate("2026-11-26")),
                null)).hasStatus(422).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("enrolledOn"));
        assertThat(enroll(patient, """
                {"enrolledOn": "2026-13-01"}""", null)).hasStatus(422).bodyJson()
                .extractingPath("$.errors[*].field").asArray().containsExactly("enrolledOn");
        assertThat(enroll(UUID.randomUUID(), "{}", null)).hasStatus(404);

        String enrollment = """
                {"enrolledOn": "%s"}""".formatted(TestClock.isoDate("2026-11-24"));
        assertThat(enroll(patient, enrollment, "enroll-1")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.esketamineEnrollment.enrolledOn",
                        v -> v.assertThat().isEqualTo(TestClock.isoDate("2026-11-24")));
        assertThat(enroll(patient, enrollment, "enroll-1")).hasStatusOk();
        assertThat(enroll(patient, enrollment, null)).hasStatusOk();
        assertThat(enroll(patient, """
                {"enrolledOn": "%s"}""".formatted(TestClock.isoDate("2026-11-25")),
                null)).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("ESKETAMINE_ENROLLMENT_RECORDED"));
        assertThat(enroll(patient, "{\"prescriberId\": \"dr-adeyemi\"}", "enroll-1")).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(plans.findByPatient(patient).orElseThrow().esketamineEnrollment().enrolledOn())
                .isEqualTo(TestClock.date("2026-11-24"));
    }

    @Test
    void aDischargedEsketamineSessionListsADueFormUntilItIsSubmitted_oldestFirst() {
        UUID dana = onEsketamine();
        UUID noor = onEsketamine();
        enroll(dana, "{\"prescriberId\": \"dr-okafor\"}", null);
        enroll(noor, "{\"prescriberId\": \"dr-okafor\"}", null);
        ScheduledSession danas = firstSession(dana);
        ScheduledSession noors = firstSession(noor);
        assertThat(danas.start()).isEqualTo(noors.start()).isEqualTo(TestClock.at("2026-11-30T16:00:00Z"));

        walkToObservation(danas);
        walkToObservation(noors);
        assertThat(due()).hasStatusOk().bodyJson().extractingPath("$").asArray().isEmpty();
        // 120 min observation after the dose ended at 16:20
        at("2026-11-30T18:15:00Z");
        post(danas, "vitals", vitals());
        post(noors, "vitals", vitals());
        at("2026-11-30T18:25:00Z");
        assertThat(post(noors, "discharge", discharge())).hasStatusOk();
        at("2026-11-30T18:26:00Z");
        assertThat(post(danas, "discharge", discharge())).hasStatusOk();

        assertThat(due()).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                [{"sessionId": "%s", "patientId": "%s", "planId": "%s", "number": 1, "dischargedAt": "%s",
                  "submittedAt": null, "submittedBy": null},
                 {"sessionId": "%s", "patientId": "%s", "planId": "%s", "number": 1, "dischargedAt": "%s",
                  "submittedAt": null, "submittedBy": null}]""".formatted(
                noors.sessionId(), noor, noors.planId(), TestClock.isoInstant("2026-11-30T18:25:00Z"),
                danas.sessionId(), dana, danas.planId(), TestClock.isoInstant("2026-11-30T18:26:00Z")));

        at("2026-11-30T18:40:00Z");
        // who submitted is the token's nurse, not a body member
        String form = "{\"submittedBy\": \"not-the-nurse\"}";
        assertThat(submit(noors, form, "form-1")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("""
                        {"sessionId": "%s", "submittedAt": "%s", "submittedBy": "rn-lee"}"""
                        .formatted(noors.sessionId(), TestClock.isoInstant("2026-11-30T18:40:00Z")));
        at("2026-11-30T18:41:00Z");
        assertThat(submit(noors, form, "form-1")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.submittedAt",
                        v -> v.assertThat().isEqualTo(TestClock.isoInstant("2026-11-30T18:40:00Z")));
        assertThat(submit(noors, "{}", "form-1")).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(submit(noors, form, null)).hasStatus(409).bodyJson()
                .isLenientlyEqualTo("""
                        {"code": "NO_MONITORING_FORM_DUE", "unmet": ["NO_MONITORING_FORM_DUE"]}""");

        assertThat(due()).bodyJson().extractingPath("$[*].sessionId").asArray()
                .containsExactly(danas.sessionId().toString());
    }

    @Test
    void aSessionWithoutAFormIs409_anUnknownSessionIs404() {
        UUID ivPatient = UUID.randomUUID();
        booking.on(new ScreeningCompleted(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:00Z"), ivPatient,
                UUID.randomUUID(), "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true));

        assertThat(submit(firstSession(ivPatient), "{}", null)).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("NO_MONITORING_FORM_DUE"));
        assertThat(mvc.post().uri("/api/sessions/{id}/monitoring-form", UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).content("not json")).hasStatus(404);
        assertThat(mvc.post().uri("/api/sessions/not-a-uuid/monitoring-form")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("sessionId"));
    }

    @Test
    void theFormsPathIsNotReadAsASessionId_andTheSessionPathsStillAre() {
        assertThat(mvc.get().uri("/api/sessions/monitoring-forms")).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("status"));
        assertThat(mvc.get().uri("/api/sessions/monitoring-forms?status=SUBMITTED")).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("status"));
        assertThat(due()).hasStatusOk();
        assertThat(mvc.get().uri("/api/sessions/not-a-uuid")).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("sessionId"));
        assertThat(mvc.get().uri("/api/sessions/{id}", UUID.randomUUID())).hasStatus(404);
    }

    /** An OCD patient whose prescriber chose esketamine. */
    private UUID onEsketamine() {
        UUID patient = UUID.randomUUID();
        booking.on(new ScreeningCompleted(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:00Z"), patient,
                UUID.randomUUID(), "OCD", ScreeningOutcome.ELIGIBLE, List.of(), true));
        at("2026-11-25T18:00:00Z");
        assertThat(mvc.post().uri("/api/patients/{id}/treatment-plan/protocol", patient)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"protocol": "ESKETAMINE_NASAL"}""")).hasStatusOk();
        return patient;
    }

    /** Checked in at 16:00, 128/82 at 16:05, 56 mg ordered at 16:10, devices from 16:15 to 16:20. */
    private void walkToObservation(ScheduledSession session) {
        at("2026-11-30T16:00:00Z");
        assertThat(post(session, "check-in", CHECK_IN)).hasStatusOk();
        at("2026-11-30T16:05:00Z");
        assertThat(post(session, "vitals", vitals())).hasStatus(201);
        at("2026-11-30T16:10:00Z");
        assertThat(post(session, "dose-order", """
                {"orderedMg": 56}""")).hasStatus(201);
        at("2026-11-30T16:15:00Z");
        assertThat(post(session, "dose-start", "")).hasStatusOk();
        at("2026-11-30T16:20:00Z");
        assertThat(post(session, "dose-end", "")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.earliestDischargeAt",
                        v -> v.assertThat().isEqualTo(TestClock.isoInstant("2026-11-30T18:20:00Z")));
    }

    private ScheduledSession firstSession(UUID patient) {
        return sessions.ofPlan(plans.findByPatient(patient).orElseThrow().planId()).getFirst();
    }

    private void at(String instant) {
        clock.set(TestClock.at(instant));
    }

    private MvcTestResult post(ScheduledSession session, String action, String body) {
        return mvc.post().uri("/api/sessions/{id}/{action}", session.sessionId(), action)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private MvcTestResult enroll(UUID patient, String body, String idempotencyKey) {
        var request = mvc.post().uri("/api/patients/{id}/treatment-plan/esketamine-enrollment", patient)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dr-okafor", "PRESCRIBER").bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return (idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey)).exchange();
    }

    private MvcTestResult submit(ScheduledSession session, String body, String idempotencyKey) {
        var request = mvc.post().uri("/api/sessions/{id}/monitoring-form", session.sessionId())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("rn-lee", "NURSE").bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return (idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey)).exchange();
    }

    private MvcTestResult due() {
        return mvc.get().uri("/api/sessions/monitoring-forms?status=DUE").exchange();
    }

    private static String vitals() {
        return """
                {"systolic": 128, "diastolic": 82, "heartRate": 74, "spo2": 98}""";
    }

    private static String discharge() {
        return """
                {"checklist": {"alertAndOriented": true, "steadyOnStanding": true, "noNauseaNeedingTreatment": true},
                 "escortPresent": true}""";
    }
}
