package org.clinicops.session.day.web;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.session.plan.TreatmentPlans;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * The session-day API over HTTP on a running session-service: the session object every action answers with, the
 * problems, idempotency (SD-18), the row lock (SD-1) and the events on {@code clinic.sessions}. The rules themselves
 * are specified in the framework-free tests beside {@code SessionDay}.
 */
@SharedServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS})
@AutoConfigureMockMvc
class SessionDayWebTests {

    static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");
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

    UUID patient;
    UUID session;

    /** Each test's patient has an outcome on Wednesday 09:00: first session Thursday 26 Nov 09:00-10:55 clinic time. */
    @BeforeEach
    void bookASeries() {
        clock.set(TestClock.at("2026-11-25T17:00:00Z"));
        patient = UUID.randomUUID();
        booking.on(new ScreeningCompleted(UUID.randomUUID(), clock.instant(), patient, UUID.randomUUID(), "DEPRESSION",
                ScreeningOutcome.ELIGIBLE, List.of(), true));
        session = sessions.ofPlan(plans.findByPatient(patient).orElseThrow().planId()).getFirst().sessionId();
    }

    @Test
    void danasFirstIvSession_fromCheckInToDischarge_answeredAndPublishedAsTheContractSays() {
        at("2026-11-26T17:00:00Z");
        assertThat(post("check-in", CHECK_IN)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("CHECKED_IN"))
                .hasPathSatisfying("$.bpGate", v -> v.assertThat().isEqualTo("NO_READING"))
                .hasPathSatisfying("$.checkIn.checkedInAt",
                        v -> v.assertThat().isEqualTo(TestClock.isoInstant("2026-11-26T17:00:00Z")))
                .hasPathSatisfying("$.checkIn.weightKg", v -> v.assertThat().isEqualTo(71.5));
        at("2026-11-26T17:05:00Z");
        assertThat(post("vitals", vitals(128, 82, 74, 98))).hasStatus(201).bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("READY_TO_DOSE"))
                .hasPathSatisfying("$.vitals[0].phase", v -> v.assertThat().isEqualTo("PRE_DOSE"))
                .hasPathSatisfying("$.vitals[0].bp", v -> v.assertThat().isEqualTo("NORMAL"));
        at("2026-11-26T17:10:00Z");
        assertThat(post("dose-order", """
                {"prescriberId": "not-the-prescriber", "orderedMgPerKg": 0.5}""")).hasStatus(201).bodyJson()
                .hasPathSatisfying("$.doseOrder.doseMg", v -> v.assertThat().isEqualTo(35.8))
                .hasPathSatisfying("$.doseOrder.capMg", v -> v.assertThat().isEqualTo(100))
                .hasPathSatisfying("$.doseOrder.orderedMg", v -> v.assertThat().isNull())
                .hasPathSatisfying("$.doseOrder.overrides", v -> v.assertThat().asArray().isEmpty());
        at("2026-11-26T17:15:00Z");
        assertThat(post("dose-start", "")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("DOSING"))
                .hasPathSatisfying("$.vitalsDueBy",
                        v -> v.assertThat().isEqualTo(TestClock.isoInstant("2026-11-26T17:30:00Z")));
        for (String time : List.of("17:30", "17:45")) {
            at("2026-11-26T" + time + ":00Z");
            assertThat(post("vitals", vitals(134, 84, 80, 97))).hasStatus(201);
        }
        at("2026-11-26T17:55:00Z");
        assertThat(post("dose-end", "{}")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("IN_OBSERVATION"))
                .hasPathSatisfying("$.dose.givenMg", v -> v.assertThat().isEqualTo(35.8))
                .hasPathSatisfying("$.earliestDischargeAt",
                        v -> v.assertThat().isEqualTo(TestClock.isoInstant("2026-11-26T18:55:00Z")));
        for (String time : List.of("18:00", "18:15", "18:30", "18:45")) {
            at("2026-11-26T" + time + ":00Z");
            assertThat(post("vitals", vitals(124, 80, 72, 98))).hasStatus(201);
        }
        at("2026-11-26T18:54:00Z");
        assertThat(post("discharge", discharge())).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("D8_OBSERVATION_NOT_OVER"))
                .hasPathSatisfying("$.earliestDischargeAt",
                        v -> v.assertThat().isEqualTo(TestClock.isoInstant("2026-11-26T18:55:00Z")));
        at("2026-11-26T18:55:00Z");
        assertThat(post("discharge", discharge())).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("DISCHARGED"))
                .hasPathSatisfying("$.vitalsDueBy", v -> v.assertThat().isNull())
                .hasPathSatisfying("$.discharge.noDrivingUntil",
                        v -> v.assertThat().isEqualTo(TestClock.isoInstant("2026-11-27T08:00:00Z")));

        List<ConsumerRecord<byte[], byte[]>> published = sessionEvents(3);
        assertThat(published).extracting(r -> header(r, "ce_type")).containsExactly(
                "org.clinicops.session.checked-in.v1", "org.clinicops.session.dose-administered.v1",
                "org.clinicops.session.discharged.v1");
        assertThat(published).allSatisfy(r -> {
            assertThat(new String(r.key())).isEqualTo(patient.toString());
            assertThat(header(r, "ce_subject")).isEqualTo(session.toString());
        });
        // the prescriber is the dose order's token, whatever its body said
        assertThat(TopicReader.value(published.get(1))).contains("\"doseMg\":35.8", "\"givenMg\":35.8",
                "\"prescriberId\":\"dr-okafor\"").doesNotContain("not-the-prescriber");
    }

    @Test
    void aRefusalIsAProblemWithCodeUnmetAndTheSessionsStatus_andChangesNothing() {
        at("2026-11-26T17:00:00Z");
        post("check-in", CHECK_IN);
        at("2026-11-26T17:05:00Z");
        post("vitals", vitals(166, 96, 74, 98));
        long outboxBefore = outboxCount();

        assertThat(post("dose-order", """
                {"orderedMgPerKg": 0.5}""")).hasStatus(409)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().isLenientlyEqualTo("""
                        {"title": "Conflict", "status": 409, "code": "D2_BP_TOO_HIGH", "unmet": ["D2_BP_TOO_HIGH"],
                         "sessionStatus": "CHECKED_IN", "recheckNotBefore": "%s"}
                        """.formatted(TestClock.isoInstant("2026-11-26T17:20:00Z")));

        assertThat(get()).bodyJson().hasPathSatisfying("$.doseOrder", v -> v.assertThat().isNull())
                .hasPathSatisfying("$.bpGate", v -> v.assertThat().isEqualTo("RECHECK_DUE"));
        assertThat(outboxCount()).isEqualTo(outboxBefore);
    }

    @Test
    void sd18_theSameKeyAndBodyRecordOnce_anotherBodyWithTheKeyIsRefused() {
        at("2026-11-26T17:00:00Z");
        assertThat(post("check-in", CHECK_IN, "check-in-1")).hasStatusOk();
        assertThat(post("check-in", CHECK_IN, "check-in-1")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("CHECKED_IN"));
        assertThat(post("check-in", CHECK_IN)).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("STEP_OUT_OF_ORDER"));

        at("2026-11-26T17:05:00Z");
        assertThat(post("vitals", vitals(128, 82, 74, 98), "reading-1")).hasStatus(201);
        assertThat(post("vitals", vitals(128, 82, 74, 98), "reading-1")).hasStatus(201).bodyJson()
                .hasPathSatisfying("$.vitals", v -> v.assertThat().asArray().hasSize(1));
        assertThat(post("vitals", vitals(130, 82, 74, 98), "reading-1")).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(post("vitals", vitals(128, 82, 74, 98))).hasStatus(201).bodyJson()
                .hasPathSatisfying("$.vitals", v -> v.assertThat().asArray().hasSize(2));
    }

    @Test
    void badInput_400ForTheIdAndUnreadableBodies_404BeforeTheBody_422NamingEveryField() {
        at("2026-11-26T17:00:00Z");
        assertThat(mvc.post().uri("/api/sessions/not-a-uuid/check-in").contentType(MediaType.APPLICATION_JSON)
                .content(CHECK_IN)).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("sessionId"));
        assertThat(mvc.post().uri("/api/sessions/{id}/check-in", UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).content("not json")).hasStatus(404);
        assertThat(post("check-in", "not json")).hasStatus(400);
        assertThat(post("check-in", "")).hasStatus(400);
        assertThat(post("check-in", """
                {"consentOnFile": "yes", "weightKg": 0}""")).hasStatus(422).bodyJson()
                .extractingPath("$.errors[*].field").asArray()
                .containsExactly("consentOnFile", "escortConfirmed", "fastingConfirmed", "weightKg");
        // an action the access matrix has no row for is refused before the session is looked at
        assertThat(post("frobnicate", "{}")).hasStatus(403);
        assertThat(get()).bodyJson().hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("SCHEDULED"));
    }

    @Test
    void sd1_twoCheckInsAtOnce_oneWinsAndTheOtherSeesItsResult() throws Exception {
        at("2026-11-26T17:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> checkIn = () -> post("check-in", CHECK_IN).getResponse().getStatus();
            List<Future<Integer>> answers = new ArrayList<>(List.of(pool.submit(checkIn), pool.submit(checkIn)));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sessionEvents(1)).extracting(r -> header(r, "ce_type"))
                .containsExactly("org.clinicops.session.checked-in.v1");
    }

    @Test
    void sd13_theDayBoardShowsVitalsOverdueOnceTheDueTimeHasPassed() {
        at("2026-11-26T17:00:00Z");
        post("check-in", CHECK_IN);
        post("vitals", vitals(128, 82, 74, 98));
        post("dose-order", """
                {"orderedMgPerKg": 0.5}""");
        post("dose-start", "");

        clock.advance(Duration.ofMinutes(15));
        assertThat(board()).bodyJson().hasPathSatisfying("$[?(@.sessionId == '%s')].vitalsOverdue".formatted(session),
                v -> v.assertThat().asArray().containsExactly(false));
        clock.advance(Duration.ofSeconds(1));
        assertThat(board()).bodyJson().hasPathSatisfying("$[?(@.sessionId == '%s')].vitalsOverdue".formatted(session),
                v -> v.assertThat().asArray().containsExactly(true));
    }

    @Test
    void aCancelledSessionsChairTimeIsFreeAgain_andTheCancellationIsPublished() {
        at("2026-11-25T18:00:00Z");
        assertThat(post("cancel", """
                {"reason": "PATIENT_REQUEST", "note": "Travelling that week."}""")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("CANCELLED"))
                .hasPathSatisfying("$.cancellation.reason", v -> v.assertThat().isEqualTo("PATIENT_REQUEST"));

        var cancelled = sessions.findById(session).orElseThrow();
        assertThat(sessions.chairTimeTakenBetween(cancelled.start(), cancelled.occupiedUntil()))
                .noneMatch(b -> b.chairId() == cancelled.chairId() && b.start().equals(cancelled.start()));
        List<ConsumerRecord<byte[], byte[]>> published = sessionEvents(1);
        assertThat(published).extracting(r -> header(r, "ce_type"))
                .containsExactly("org.clinicops.session.cancelled.v1");
        assertThat(TopicReader.value(published.getFirst())).doesNotContain("Travelling");
    }

    private void at(String instant) {
        clock.set(TestClock.at(instant));
    }

    private MvcTestResult post(String action, String body) {
        return post(action, body, null);
    }

    /** A step by the care team; the dose order by dr-okafor, the prescriber, whose id it carries. */
    private MvcTestResult post(String action, String body, String idempotencyKey) {
        var request = mvc.post().uri("/api/sessions/{id}/{action}", session, action)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (action.equals("dose-order")) {
            request = request.header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dr-okafor", "PRESCRIBER").bearer());
        }
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    private MvcTestResult get() {
        return mvc.get().uri("/api/sessions/{id}", session).exchange();
    }

    private MvcTestResult board() {
        return mvc.get().uri("/api/sessions?date={date}", TestClock.isoDate("2026-11-26")).exchange();
    }

    private static String vitals(int systolic, int diastolic, int heartRate, int spo2) {
        return """
                {"systolic": %d, "diastolic": %d, "heartRate": %d, "spo2": %d}""".formatted(systolic, diastolic,
                heartRate, spo2);
    }

    private static String discharge() {
        return """
                {"checklist": {"alertAndOriented": true, "steadyOnStanding": true, "noNauseaNeedingTreatment": true},
                 "escortPresent": true}""";
    }

    private long outboxCount() {
        return jdbc.sql("select count(*) from outbox_event where topic <> 'clinic.audit'").query(Long.class).single();
    }

    /** This test's session-day events on clinic.sessions, in order (the booking's own events left out). */
    private List<ConsumerRecord<byte[], byte[]>> sessionEvents(int expected) {
        return new TopicReader(broker.getBrokersAsString()).readUntil(Topics.SESSIONS,
                records -> ofThisSession(records).size() >= expected).stream()
                .filter(r -> session.toString().equals(header(r, "ce_subject")))
                .filter(r -> !header(r, "ce_type").equals("org.clinicops.session.scheduled.v1"))
                .toList();
    }

    private List<ConsumerRecord<byte[], byte[]>> ofThisSession(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().filter(r -> session.toString().equals(header(r, "ce_subject")))
                .filter(r -> !header(r, "ce_type").equals("org.clinicops.session.scheduled.v1")).toList();
    }
}
