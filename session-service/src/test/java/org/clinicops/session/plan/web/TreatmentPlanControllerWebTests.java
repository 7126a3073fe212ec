package org.clinicops.session.plan.web;

import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.testing.MutableClock;
import org.clinicops.support.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/patients/{patientId}/treatment-plan}: exactly the response of CLINICAL section 6. */
@SpringBootTest(properties = {
        "spring.config.name=session-service",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "session.clinic.chairs=1"})
// closed after the class: embedded brokers of cached contexts stopping together at JVM exit hang the test JVM
@DirtiesContext
@EmbeddedKafka(topics = {Topics.SCREENINGS, Topics.SESSIONS})
@AutoConfigureMockMvc
@Import(TreatmentPlanControllerWebTests.Time.class)
class TreatmentPlanControllerWebTests {

    static final Instant NOW = Instant.parse("2026-11-25T17:00:01Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {
        @Bean
        MutableClock clock() {
            return new MutableClock(NOW);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "session_plan_web");
    }

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
        ScreeningCompleted outcome = eligible(Instant.parse("2026-11-25T17:00:00Z"));
        booking.on(outcome);
        UUID planId = plans.findByPatient(outcome.patientId()).orElseThrow().planId();
        List<ScheduledSession> booked = sessions.ofPlan(planId);
        String[] days = {"2026-11-26T17:00:00Z\", \"end\": \"2026-11-26T18:55:00Z",
                "2026-11-30T16:00:00Z\", \"end\": \"2026-11-30T17:55:00Z",
                "2026-12-02T16:00:00Z\", \"end\": \"2026-12-02T17:55:00Z",
                "2026-12-04T16:00:00Z\", \"end\": \"2026-12-04T17:55:00Z",
                "2026-12-07T16:00:00Z\", \"end\": \"2026-12-07T17:55:00Z",
                "2026-12-09T16:00:00Z\", \"end\": \"2026-12-09T17:55:00Z"};
        String expectedSessions = IntStream.range(0, 6).mapToObj(i -> """
                {"sessionId": "%s", "number": %d, "start": "%s", "chairId": 1, "status": "SCHEDULED"}"""
                .formatted(booked.get(i).sessionId(), i + 1, days[i])).collect(Collectors.joining(", "));

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
                        values (:session, :plan, :patient, 'IV_KETAMINE_DEPRESSION', 1, 1, '2027-06-01T00:00:00Z',
                                '2027-09-01T00:00:00Z', '2027-09-01T00:00:00Z', 'SCHEDULED')
                        """)
                .param("plan", other).param("patient", UUID.randomUUID()).param("screening", UUID.randomUUID())
                .param("session", UUID.randomUUID())
                .update();
        ScreeningCompleted outcome = eligible(Instant.parse("2027-06-02T16:00:00Z"));
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
