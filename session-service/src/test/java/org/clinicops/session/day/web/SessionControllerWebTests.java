package org.clinicops.session.day.web;

import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/sessions}: a clinic day's sessions and single sessions, over plans booked by the real booking service.
 * Fridays are open until 20:00 here, so a session can start on one date in the clinic's zone and another in UTC.
 */
@ServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS}, properties = "session.clinic.hours.friday=08:00-20:00")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionControllerWebTests {

    static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TreatmentPlanBooking booking;
    @Autowired
    TreatmentPlans plans;
    @Autowired
    Sessions sessions;

    final List<UUID> thursdayPatients = new ArrayList<>();
    UUID fridayEveningPatient;

    @BeforeAll
    void bookPlans() {
        // five outcomes at Wednesday 25 Nov 2026 09:00: four first sessions at Thursday 09:00 on chairs 1-4, the
        // fifth at 11:15 on chair 1 (09:00 + 115 min + 15 min turnover)
        for (int i = 0; i < 5; i++) {
            thursdayPatients.add(book("2026-11-25T09:00"));
        }
        // Thursday 3 Dec 17:00 + 24 h: Friday 4 Dec 17:00-18:55 clinic time, which is 5 Dec 01:00 UTC
        fridayEveningPatient = book("2026-12-03T17:00");
    }

    @Test
    void aClinicDaysSessionsAreListedByStartThenChair() {
        assertThat(sessionsOn("2026-11-26")).hasStatusOk().bodyJson()
                .extractingPath("$[*].start").asArray().containsExactlyElementsOf(
                        TestClock.isoInstants("2026-11-26T17:00:00Z", "2026-11-26T17:00:00Z", "2026-11-26T17:00:00Z",
                                "2026-11-26T17:00:00Z", "2026-11-26T19:15:00Z"));
        assertThat(sessionsOn("2026-11-26")).bodyJson()
                .extractingPath("$[*].chairId").asArray().containsExactly(1, 2, 3, 4, 1);
        assertThat(sessionsOn("2026-11-26")).bodyJson()
                .extractingPath("$[*].patientId").asArray()
                .containsExactlyElementsOf(thursdayPatients.stream().map(UUID::toString).toList());
        assertThat(sessionsOn("2026-11-26")).bodyJson()
                .extractingPath("$[*].number").asArray().containsOnly(1);
        assertThat(sessionsOn("2026-11-27")).hasStatusOk().bodyJson()
                .isEqualTo("[]");
    }

    @Test
    void aDayIsTheClinicDayInTheClinicsTimeZone() {
        String fridayEvening = TestClock.isoInstant("2026-12-05T01:00:00Z");
        assertThat(sessionsOn("2026-12-04")).hasStatusOk().bodyJson()
                .extractingPath("$[*].start").asArray().contains(fridayEvening);
        assertThat(sessionsOn("2026-12-04")).bodyJson()
                .extractingPath("$[*].patientId").asArray().contains(fridayEveningPatient.toString());
        assertThat(sessionsOn("2026-12-05")).hasStatusOk().bodyJson().isEqualTo("[]");
    }

    @Test
    void aSessionIsFoundByItsId() {
        UUID planId = plans.findByPatient(fridayEveningPatient).orElseThrow().planId();
        UUID sessionId = sessions.ofPlan(planId).getFirst().sessionId();

        assertThat(mvc.get().uri("/api/sessions/{id}", sessionId)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"sessionId": "%s", "planId": "%s", "patientId": "%s", "protocol": "IV_KETAMINE_DEPRESSION",
                 "number": 1, "start": "%s", "end": "%s", "chairId": 1, "status": "SCHEDULED",
                 "checkIn": null, "bpGate": null, "recheckNotBefore": null, "vitals": [], "doseOrder": null,
                 "dose": null, "vitalsDueBy": null, "vitalsOverdue": false, "earliestDischargeAt": null,
                 "effects": [], "alerts": [], "discharge": null, "deferral": null, "cancellation": null,
                 "noShowRecordedAt": null}
                """.formatted(sessionId, planId, fridayEveningPatient, TestClock.isoInstant("2026-12-05T01:00:00Z"),
                TestClock.isoInstant("2026-12-05T02:55:00Z")));
    }

    @Test
    void anUnknownSessionIsA404Problem() {
        assertThat(mvc.get().uri("/api/sessions/{id}", UUID.randomUUID())).hasStatus(404)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/sessions/not-a-uuid")).hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aBadOrMissingDateIsA400ProblemNamingDate() {
        for (String bad : List.of("2026-13-01", "2026-02-30", "26-11-2026", "tomorrow", "")) {
            assertThat(mvc.get().uri("/api/sessions?date=" + bad)).as(bad).hasStatus(400)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("date");
        }
        assertThat(mvc.get().uri("/api/sessions")).hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("date");
    }

    /** The day board of a date of the reference week. */
    private MockMvcTester.MockMvcRequestBuilder sessionsOn(String date) {
        return mvc.get().uri("/api/sessions?date={date}", TestClock.isoDate(date));
    }

    private UUID book(String localOutcomeTime) {
        UUID patient = UUID.randomUUID();
        Instant recordedAt = TestClock.at(localOutcomeTime, CLINIC);
        booking.on(new ScreeningCompleted(UUID.randomUUID(), recordedAt, patient, UUID.randomUUID(), "DEPRESSION",
                ScreeningOutcome.ELIGIBLE, List.of(), true));
        return patient;
    }
}
