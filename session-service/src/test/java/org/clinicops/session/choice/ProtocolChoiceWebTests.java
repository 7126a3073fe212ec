package org.clinicops.session.choice;

import org.clinicops.events.EventType;
import org.clinicops.events.Protocol;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.session.plan.PlanStatus;
import org.clinicops.session.plan.TreatmentPlan;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.testing.ServiceTest;
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

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prescriber's choice of protocol over HTTP (CLINICAL section 6), on a clinic with two chairs of which chair 1 is
 * set up for esketamine only ({@code session.clinic.chair-routes.1=INTRANASAL}): IV and IM sessions sit in chair 2,
 * esketamine takes chair 1 first. Outcomes are recorded on Wednesday 25 Nov 09:00 clinic time.
 */
@ServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS},
        properties = {"session.clinic.chairs=2", "session.clinic.chair-routes.1=INTRANASAL"})
@AutoConfigureMockMvc
class ProtocolChoiceWebTests {

    static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");
    /** The prescriber is the token's: a body member naming another is ignored. */
    static final String ESKETAMINE = """
            {"protocol": "ESKETAMINE_NASAL", "prescriberId": "not-the-prescriber"}""";

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
        clock.set(TestClock.at("2026-11-25T17:00:00Z"));
    }

    @Test
    void anOcdScreeningGetsAPlanWaitingForTheProtocol_withNothingBookedOrPublished() {
        UUID patient = cleared("OCD");

        assertThat(plan(patient)).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"patientId": "%s", "protocol": null, "offLabel": null, "status": "WAITING_FOR_PROTOCOL",
                 "sessions": []}""".formatted(patient))
                .hasPath("$.planId")
                .doesNotHavePath("$.protocolChoice");
        assertThat(eventTypes(patient)).isEmpty();
    }

    @Test
    void thePrescribersEsketamineChoice_booksEightSessions_twoInEachCalendarWeekAtLeastTwoDaysApart_145MinutesEach() {
        UUID patient = cleared("OCD");
        clock.set(TestClock.at("2026-11-25T18:00:00Z"));
        Instant chosenAt = clock.instant();

        assertThat(choose(patient, ESKETAMINE)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.protocol", v -> v.assertThat().isEqualTo("ESKETAMINE_NASAL"))
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("BOOKED"))
                // esketamine is licensed for treatment-resistant depression, not OCD
                .hasPathSatisfying("$.offLabel", v -> v.assertThat().isEqualTo(true))
                .hasPathSatisfying("$.protocolChoice.prescriberId", v -> v.assertThat().isEqualTo("dr-okafor"))
                .hasPathSatisfying("$.protocolChoice.chosenAt", v -> v.assertThat().isEqualTo(chosenAt.toString()))
                .hasPathSatisfying("$.sessions", v -> v.assertThat().asArray().hasSize(8));

        List<ScheduledSession> series = series(patient);
        assertThat(series).extracting(ScheduledSession::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(series).allSatisfy(s -> {
            assertThat(s.protocol()).isEqualTo(Protocol.ESKETAMINE_NASAL);
            assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofMinutes(145));
            assertThat(s.chairId()).isEqualTo(1);
        });
        // the lead time counts from the choice; week 1 has no room for two sessions 2 days apart after Thursday
        // (the weekend is closed), so the series starts Monday 30 Nov
        assertThat(series.getFirst().start()).isAfterOrEqualTo(chosenAt.plus(Duration.ofHours(24)));
        List<LocalDate> dates = series.stream().map(s -> LocalDate.ofInstant(s.start(), CLINIC)).toList();
        assertThat(dates).containsExactly(TestClock.date("2026-11-30"), TestClock.date("2026-12-02"),
                TestClock.date("2026-12-07"), TestClock.date("2026-12-09"), TestClock.date("2026-12-14"),
                TestClock.date("2026-12-16"), TestClock.date("2026-12-21"), TestClock.date("2026-12-23"));
        LocalDate week1 = dates.getFirst().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int i = 0; i < 8; i++) {
            LocalDate weekOf = dates.get(i).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            assertThat(weekOf).as("session %d", i + 1).isEqualTo(week1.plusWeeks(i / 2));
            if (i > 0) {
                assertThat(dates.get(i)).isAfterOrEqualTo(dates.get(i - 1).plusDays(2));
            }
        }
        assertThat(eventTypes(patient)).containsExactly(EventType.TREATMENT_PLAN_BOOKED.type(),
                "org.clinicops.session.scheduled.v1", "org.clinicops.session.scheduled.v1",
                "org.clinicops.session.scheduled.v1", "org.clinicops.session.scheduled.v1",
                "org.clinicops.session.scheduled.v1", "org.clinicops.session.scheduled.v1",
                "org.clinicops.session.scheduled.v1", "org.clinicops.session.scheduled.v1");
    }

    @Test
    void switchingADepressionPatientToEsketamineBeforeTheFirstDose_cancelsTheIvSessions_andBooksEsketamine() {
        UUID patient = cleared("DEPRESSION");
        List<ScheduledSession> iv = series(patient);
        assertThat(iv).hasSize(6).extracting(ScheduledSession::chairId).containsOnly(2);
        long eventsBefore = eventTypes(patient).size();
        clock.set(TestClock.at("2026-11-25T20:00:00Z"));

        assertThat(choose(patient, ESKETAMINE)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.protocol", v -> v.assertThat().isEqualTo("ESKETAMINE_NASAL"))
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("BOOKED"))
                // esketamine for (treatment-resistant) depression is its licensed use; IV ketamine was off-label
                .hasPathSatisfying("$.offLabel", v -> v.assertThat().isEqualTo(false))
                .hasPathSatisfying("$.sessions", v -> v.assertThat().asArray().hasSize(14));

        UUID planId = plans.findByPatient(patient).orElseThrow().planId();
        List<ScheduledSession> all = sessions.ofPlan(planId);
        assertThat(all).filteredOn(s -> s.protocol() == Protocol.IV_KETAMINE_DEPRESSION)
                .extracting(ScheduledSession::status).hasSize(6).containsOnly(SessionStatus.CANCELLED);
        assertThat(all).filteredOn(s -> s.protocol() == Protocol.ESKETAMINE_NASAL)
                .extracting(ScheduledSession::status).hasSize(8).containsOnly(SessionStatus.SCHEDULED);
        assertThat(mvc.get().uri("/api/sessions/{id}", iv.getFirst().sessionId())).bodyJson()
                .hasPathSatisfying("$.cancellation.reason", v -> v.assertThat().isEqualTo("CLINIC_REQUEST"));
        // the IV chair time is free again
        assertThat(sessions.chairTimeTakenBetween(iv.getFirst().start(), iv.getLast().occupiedUntil()))
                .noneMatch(b -> b.chairId() == 2);

        List<String> published = eventTypes(patient).subList((int) eventsBefore, eventTypes(patient).size());
        assertThat(published).filteredOn("org.clinicops.session.cancelled.v1"::equals).hasSize(6);
        assertThat(published).filteredOn(EventType.TREATMENT_PLAN_BOOKED.type()::equals).hasSize(1);
        assertThat(published).filteredOn("org.clinicops.session.scheduled.v1"::equals).hasSize(8);
        assertThat(payloads(patient, "org.clinicops.session.cancelled.v1"))
                .allMatch(p -> p.contains("\"reason\":\"CLINIC_REQUEST\""));
    }

    @Test
    void switchingAfterACheckIn_isProtocolFixed_evenOnceThatSessionWasCancelled() {
        UUID patient = cleared("DEPRESSION");
        ScheduledSession first = series(patient).getFirst();
        clock.set(first.start());
        assertThat(mvc.post().uri("/api/sessions/{id}/check-in", first.sessionId())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"consentOnFile": true, "escortConfirmed": true, "fastingConfirmed": true, "weightKg": 71.5}
                        """)).hasStatusOk();
        long eventsBefore = eventTypes(patient).size();

        assertThat(choose(patient, ESKETAMINE)).hasStatus(409)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().isLenientlyEqualTo("""
                        {"status": 409, "code": "PROTOCOL_FIXED", "unmet": ["PROTOCOL_FIXED"],
                         "protocol": "IV_KETAMINE_DEPRESSION"}""");

        assertThat(mvc.post().uri("/api/sessions/{id}/cancel", first.sessionId())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"PATIENT_REQUEST\"}")).hasStatusOk();
        assertThat(choose(patient, ESKETAMINE)).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("PROTOCOL_FIXED"));
        TreatmentPlan plan = plans.findByPatient(patient).orElseThrow();
        assertThat(plan.protocol()).isEqualTo(Protocol.IV_KETAMINE_DEPRESSION);
        assertThat(plan.protocolChoice()).isNull();
        assertThat(sessions.ofPlan(plan.planId())).noneMatch(s -> s.protocol() == Protocol.ESKETAMINE_NASAL);
        // only the cancellation and its make-up were published
        assertThat(eventTypes(patient).subList((int) eventsBefore, eventTypes(patient).size())).containsExactly(
                "org.clinicops.session.cancelled.v1", "org.clinicops.session.scheduled.v1");
    }

    @Test
    void theSameProtocolAgain_is200AndChangesNothing() {
        UUID patient = cleared("DEPRESSION");
        List<ScheduledSession> before = series(patient);
        long eventsBefore = eventTypes(patient).size();

        assertThat(choose(patient, """
                {"protocol": "IV_KETAMINE_DEPRESSION"}""")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("BOOKED"))
                .doesNotHavePath("$.protocolChoice");

        assertThat(series(patient)).isEqualTo(before);
        assertThat(eventTypes(patient)).hasSize((int) eventsBefore);
    }

    @Test
    void badRequests_400ForTheIdAndUnreadableBodies_404ForNoPlan_422NamingEveryBadField() {
        UUID patient = cleared("OCD");

        assertThat(mvc.post().uri("/api/patients/not-a-uuid/treatment-plan/protocol")
                .contentType(MediaType.APPLICATION_JSON).content(ESKETAMINE)).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("patientId"));
        assertThat(choose(UUID.randomUUID(), "not json")).hasStatus(404);
        assertThat(choose(patient, "not json")).hasStatus(400);
        assertThat(choose(patient, "[]")).hasStatus(400);
        assertThat(choose(patient, "{}")).hasStatus(422).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("protocol");
        assertThat(choose(patient, """
                {"protocol": "KETAMINE_LOZENGE"}""")).hasStatus(422).bodyJson()
                .extractingPath("$.errors[*].field").asArray().containsExactly("protocol");
        assertThat(choose(patient, """
                {"protocol": "esketamine_nasal"}""")).hasStatus(422).bodyJson()
                .extractingPath("$.errors[*].field").asArray().containsExactly("protocol");
        assertThat(choose(patient, ESKETAMINE, "bad key")).hasStatus(422).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("Idempotency-Key"));

        assertThat(plans.findByPatient(patient).orElseThrow().status()).isEqualTo(PlanStatus.WAITING_FOR_PROTOCOL);
    }

    @Test
    void theSameKeyAndBodyAnswerAgainWithoutBooking_anotherBodyWithTheKeyIsRefused() {
        UUID patient = cleared("OCD");

        assertThat(choose(patient, ESKETAMINE, "choice-1")).hasStatusOk();
        List<ScheduledSession> booked = series(patient);
        long events = eventTypes(patient).size();
        assertThat(choose(patient, ESKETAMINE, "choice-1")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.sessions", v -> v.assertThat().asArray().hasSize(8));
        assertThat(choose(patient, """
                {"protocol": "IM_KETAMINE"}""", "choice-1")).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("IDEMPOTENCY_KEY_REUSED"));

        assertThat(series(patient)).isEqualTo(booked);
        assertThat(eventTypes(patient)).hasSize((int) events);
    }

    @Test
    void chairRoutes_bookingRescheduleAndMakeUpTakeOnlyChairsServingTheRoute() {
        UUID a = cleared("DEPRESSION");
        UUID b = cleared("DEPRESSION");
        List<ScheduledSession> seriesA = series(a);
        List<ScheduledSession> seriesB = series(b);
        // chair 1 is free but serves esketamine only: B's first session waits for chair 2 after A's
        assertThat(seriesB).extracting(ScheduledSession::chairId).containsOnly(2);
        assertThat(seriesB.getFirst().start()).isEqualTo(TestClock.at("2026-11-26T19:15:00Z"));

        assertThat(mvc.post().uri("/api/sessions/{id}/reschedule", seriesB.getLast().sessionId())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"start\": \"" + seriesA.getLast().start() + "\"}")).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("NO_FREE_CHAIR"));

        clock.set(seriesB.getFirst().start());
        assertThat(mvc.post().uri("/api/sessions/{id}/no-show", seriesB.getFirst().sessionId())).hasStatusOk();
        ScheduledSession madeUp = sessions.ofPlan(seriesB.getFirst().planId()).stream()
                .filter(s -> s.number() == 1 && s.status() == SessionStatus.SCHEDULED).findFirst().orElseThrow();
        // Friday 27 Nov 11:15, one lead time on, on chair 2 though chair 1 is free then too
        assertThat(madeUp.start()).isEqualTo(TestClock.at("2026-11-27T19:15:00Z"));
        assertThat(madeUp.chairId()).isEqualTo(2);
    }

    private UUID cleared(String indication) {
        UUID patient = UUID.randomUUID();
        booking.on(new ScreeningCompleted(UUID.randomUUID(), clock.instant(), patient, UUID.randomUUID(), indication,
                ScreeningOutcome.ELIGIBLE, List.of(), true));
        return patient;
    }

    private List<ScheduledSession> series(UUID patient) {
        return sessions.ofPlan(plans.findByPatient(patient).orElseThrow().planId()).stream()
                .filter(ScheduledSession::countsInSeries).toList();
    }

    private MvcTestResult plan(UUID patient) {
        return mvc.get().uri("/api/patients/{id}/treatment-plan", patient).exchange();
    }

    private MvcTestResult choose(UUID patient, String body) {
        return choose(patient, body, null);
    }

    private MvcTestResult choose(UUID patient, String body, String idempotencyKey) {
        var request = mvc.post().uri("/api/patients/{id}/treatment-plan/protocol", patient)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dr-okafor", "PRESCRIBER").bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    private List<String> eventTypes(UUID patient) {
        return jdbc.sql("select event_type from outbox_event where message_key = :patient order by position")
                .param("patient", patient.toString()).query(String.class).list();
    }

    private List<String> payloads(UUID patient, String type) {
        return jdbc.sql("select payload from outbox_event where message_key = :patient and event_type = :type")
                .param("patient", patient.toString()).param("type", type).query(String.class).list();
    }
}
