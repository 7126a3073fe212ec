package org.clinicops.session.change;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.session.plan.PlanStatus;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * Changes that keep a series' rules (CLINICAL section 6, D-2), on a clinic with one chair so that two patients'
 * series meet. Patient A's outcome on Wednesday 25 Nov 09:00 books Thursday 26 Nov 09:00, then Monday 30 Nov, Wednesday
 * 2, Friday 4, Monday 7 and Wednesday 9 Dec at 08:00; patient B's series follows A's on the same chair.
 */
@ServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS}, properties = "session.clinic.chairs=1")
@AutoConfigureMockMvc
class SeriesChangesWebTests {

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

    UUID patientA;
    UUID patientB;

    @BeforeEach
    void bookTwoSeriesOnOneChair() {
        jdbc.sql("delete from session").update();
        jdbc.sql("delete from treatment_plan").update();
        clock.set(TestClock.at("2026-11-25T17:00:00Z"));
        patientA = book();
        patientB = book();
    }

    @Test
    void aSessionMovedWithinTheSeriesRules_freesItsOldTime_andIsPublished() {
        ScheduledSession sixth = session(patientA, 6);

        assertThat(reschedule(sixth, TestClock.at("2026-12-10T16:00:00Z"))).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.start", v -> v.assertThat().isEqualTo(TestClock.isoInstant("2026-12-10T16:00:00Z")))
                .hasPathSatisfying("$.end", v -> v.assertThat().isEqualTo(TestClock.isoInstant("2026-12-10T17:55:00Z")))
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("SCHEDULED"));

        assertThat(sessions.chairTimeTakenBetween(sixth.start(), sixth.occupiedUntil()))
                .noneMatch(b -> b.start().equals(sixth.start()));
        ConsumerRecord<byte[], byte[]> moved = published(sixth.sessionId(), "org.clinicops.session.rescheduled.v1");
        assertThat(TopicReader.value(moved)).contains(
                "\"previousStart\":\"" + TestClock.isoInstant("2026-12-09T16:00:00Z") + "\"",
                "\"start\":\"" + TestClock.isoInstant("2026-12-10T16:00:00Z") + "\"");
    }

    @Test
    void aMoveThatBreaksTheSpacing_orLeavesOpeningHours_orFindsNoChair_isRefusedAndChangesNothing() {
        ScheduledSession second = session(patientA, 2);
        // Tuesday 1 Dec is the day before session 3 (Wednesday 2 Dec): never on consecutive days
        assertThat(reschedule(second, TestClock.at("2026-12-01T16:00:00Z"))).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("SERIES_RULES_NOT_KEPT"))
                .hasPathSatisfying("$.sessionStatus", v -> v.assertThat().isEqualTo("SCHEDULED"));
        // Saturday: closed; 08:05: not on the quarter hour
        assertThat(reschedule(session(patientA, 6), TestClock.at("2026-12-12T16:00:00Z"))).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("SLOT_NOT_OPEN"));
        assertThat(reschedule(session(patientA, 6), TestClock.at("2026-12-10T16:05:00Z"))).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("SLOT_NOT_OPEN"));
        // B's second session onto A's chair time
        assertThat(reschedule(session(patientB, 2), second.start())).hasStatus(409).bodyJson()
                .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("NO_FREE_CHAIR"));
        assertThat(reschedule(second, TestClock.at("2026-11-20T16:00:00Z"))).hasStatus(422).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("start"));

        assertThat(session(patientA, 2)).isEqualTo(second);
    }

    @Test
    void d2_aMissedSessionIsMadeUpByTheSeriesRules_fromOneLeadTimeOn() {
        ScheduledSession first = session(patientA, 1);
        clock.set(first.start());

        assertThat(post(first, "no-show", "")).hasStatusOk();

        List<ScheduledSession> ones = sessions.ofPlan(first.planId()).stream().filter(s -> s.number() == 1).toList();
        assertThat(ones).extracting(ScheduledSession::status).containsExactly(
                SessionStatus.NO_SHOW, SessionStatus.SCHEDULED);
        // Friday 27 Nov 09:00, one lead time (24 h) after the no-show; Monday 30 Nov is 3 days later
        assertThat(ones.get(1).start()).isEqualTo(TestClock.at("2026-11-27T17:00:00Z"));
        published(ones.get(1).sessionId(), "org.clinicops.session.scheduled.v1");
        assertThat(plans.findByPatient(patientA).orElseThrow().status()).isEqualTo(PlanStatus.BOOKED);
    }

    @Test
    void d2_aSessionDeferredByTheBpGateIsMadeUpInTheSameTransaction() {
        ScheduledSession first = session(patientA, 1);
        clock.set(first.start());
        post(first, "check-in", """
                {"consentOnFile": true, "escortConfirmed": true, "fastingConfirmed": true, "weightKg": 71.5}""");
        clock.set(TestClock.at("2026-11-26T17:05:00Z"));
        post(first, "vitals", """
                {"systolic": 166, "diastolic": 96, "heartRate": 74, "spo2": 98}""");
        clock.set(TestClock.at("2026-11-26T17:20:00Z"));

        assertThat(post(first, "vitals", """
                {"systolic": 162, "diastolic": 94, "heartRate": 74, "spo2": 98}""")).hasStatus(201).bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("DEFERRED"));

        assertThat(sessions.ofPlan(first.planId())).filteredOn(s -> s.number() == 1)
                .extracting(ScheduledSession::start)
                .containsExactly(first.start(), TestClock.at("2026-11-27T17:30:00Z"));
    }

    @Test
    void d2_aSessionThatCannotBeMadeUpInsideTheWindow_leavesThePlanNeedingStaff_listedForStaff() {
        ScheduledSession sixth = session(patientA, 6);
        // Thursday 17 Dec: one lead time later is past the 21 days from Thursday 26 Nov
        clock.set(TestClock.at("2026-12-17T17:00:00Z"));

        assertThat(post(sixth, "no-show", "")).hasStatusOk();

        assertThat(mvc.get().uri("/api/patients/{id}/treatment-plan", patientA)).bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("NEEDS_STAFF"));
        assertThat(mvc.get().uri("/api/treatment-plans?status=NEEDS_STAFF")).hasStatusOk().bodyJson()
                .extractingPath("$[*].patientId").asArray().containsExactly(patientA.toString());
        assertThat(mvc.get().uri("/api/treatment-plans?status=BOOKED")).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("status"));
        assertThat(sessions.ofPlan(sixth.planId())).filteredOn(s -> s.number() == 6).hasSize(1);
    }

    private UUID book() {
        UUID patient = UUID.randomUUID();
        booking.on(new ScreeningCompleted(UUID.randomUUID(), clock.instant(), patient, UUID.randomUUID(), "DEPRESSION",
                ScreeningOutcome.ELIGIBLE, List.of(), true));
        return patient;
    }

    private ScheduledSession session(UUID patient, int number) {
        return sessions.ofPlan(plans.findByPatient(patient).orElseThrow().planId()).stream()
                .filter(s -> s.number() == number && s.countsInSeries()).findFirst().orElseThrow();
    }

    private MvcTestResult reschedule(ScheduledSession session, Instant start) {
        return post(session, "reschedule", "{\"start\": \"" + start + "\"}");
    }

    private MvcTestResult post(ScheduledSession session, String action, String body) {
        return mvc.post().uri("/api/sessions/{id}/{action}", session.sessionId(), action)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private ConsumerRecord<byte[], byte[]> published(UUID sessionId, String type) {
        return new TopicReader(broker.getBrokersAsString()).readUntil(Topics.SESSIONS, records -> records.stream()
                        .anyMatch(r -> sessionId.toString().equals(header(r, "ce_subject"))
                                && type.equals(header(r, "ce_type"))))
                .stream().filter(r -> sessionId.toString().equals(header(r, "ce_subject"))
                        && type.equals(header(r, "ce_type"))).findFirst().orElseThrow();
    }
}
