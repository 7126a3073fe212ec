package org.clinicops.session.plan.web;

import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/patients/{patientId}/treatment-plan}: exactly the response of CLINICAL section 6. */
@ServiceTest(now = "2026-11-25T17:00:01Z", topics = {Topics.SCREENINGS, Topics.SESSIONS},
        properties = "session.clinic.chairs=1")
@AutoConfigureMockMvc
class TreatmentPlanControllerWebTests {

    static final Instant NOW = TestClock.at("2026-11-25T17:00:01Z");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TreatmentPlanBooking booking;
    @Autowired
    TreatmentPlans plans;
    @Autowired
    Sessions sessions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBookedPlanShowsItsWholeSeries() {
        ScreeningCompleted outcome = eligible(TestClock.at("2026-11-25T17:00:00Z"));
        booking.on(outcome);
        UUID planId = plans.findByPatient(outcome.patientId()).orElseThrow().planId();
        List<ScheduledSession> booked = sessions.ofPlan(planId);
        List<String> starts = TestClock.isoInstants("2026-11-26T17:00:00Z", "2026-11-30T16:00:00Z",
                "2026-12-02T16:00:00Z", "2026-12-04T16:00:00Z", "2026-12-07T16:00:00Z", "2026-12-09T16:00:00Z");
        List<String> ends = TestClock.isoInstants("2026-11-26T18:55:00Z", "2026-11-30T17:55:00Z",
                "2026-12-02T17:55:00Z", "2026-12-04T17:55:00Z", "2026-12-07T17:55:00Z", "2026-12-09T17:55:00Z");
        String expectedSessions = IntStream.range(0, 6).mapToObj(i -> """
                {"sessionId": "%s", "number": %d, "start": "%s", "end": "%s", "chairId": 1, "status": "SCHEDULED"}"""
                .formatted(booked.get(i).sessionId(), i + 1, starts.get(i), ends.get(i)))
                .collect(Collectors.joining(", "));

        assertThat(mvc.get().uri("/api/patients/{id}/treatment-plan", outcome.patientId())).hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"planId": "%s", "patientId": "%s", "screeningId": "%s",
                         "protocol": "IV_KETAMINE_DEPRESSION", "offLabel": true, "status": "BOOKED",
                         "createdAt": "%s", "sessions": [%s]}
                        """.formatted(planId, outcome.patientId(), outcome.screeningId(), NOW, expectedSessions));
    }

    @Test
    void aPlanWithoutCapacityWaitsWithNoSessions() {
        // another patient's session holds the clinic's one chair from June to September 2027
        UUID other = UUID.randomUUID();
        jdbc.sql("""
                        insert into treatment_plan (plan_id, patient_id, screening_id, protocol, off_label, status,
                                                    outcome_recorded_at, created_at)
                        values (:plan, :patient, :screening, 'IV_KETAMINE_DEPRESSION', true, 'BOOKED', now(), now());
                        insert into session (session_id, plan_id, patient_id, protocol, number, chair_id, start_at,
                                             end_at, occupied_until, status)
                        values (:session, :plan, :patient, 'IV_KETAMINE_DEPRESSION', 1, 1, :from, :until, :until,
                                'SCHEDULED')
                        """)
                .param("plan", other).param("patient", UUID.randomUUID()).param("screening", UUID.randomUUID())
                .param("session", UUID.randomUUID())
                .param("from", Timestamp.from(TestClock.at("2027-06-01T00:00:00Z")))
                .param("until", Timestamp.from(TestClock.at("2027-09-01T00:00:00Z")))
                .update();
        ScreeningCompleted outcome = eligible(TestClock.at("2027-06-02T16:00:00Z"));
        booking.on(outcome);

        assertThat(mvc.get().uri("/api/patients/{id}/treatment-plan", outcome.patientId())).hasStatusOk()
                .bodyJson().isLenientlyEqualTo("""
                        {"patientId": "%s", "status": "WAITING_FOR_CAPACITY", "sessions": []}
                        """.formatted(outcome.patientId()));
    }

    @Test
    void noPlanYetIsA404Problem() {
        assertThat(mvc.get().uri("/api/patients/{id}/treatment-plan", UUID.randomUUID())).hasStatus(404)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.status").isEqualTo(404);
        assertThat(mvc.get().uri("/api/patients/not-a-uuid/treatment-plan")).hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("patientId");
    }

    private static ScreeningCompleted eligible(Instant recordedAt) {
        return new ScreeningCompleted(UUID.randomUUID(), recordedAt, UUID.randomUUID(), UUID.randomUUID(),
                "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true);
    }
}
