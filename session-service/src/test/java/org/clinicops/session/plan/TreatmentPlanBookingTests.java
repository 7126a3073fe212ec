package org.clinicops.session.plan;

import org.clinicops.events.EventType;
import org.clinicops.events.Protocol;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The booking service against a real PostgreSQL, on a clinic with a single chair: concurrent bookings, the database's
 * own guard against double booking, and which outcomes make a plan. Each test books in its own months.
 */
@ServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS}, properties = "session.clinic.chairs=1")
class TreatmentPlanBookingTests {

    static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    TreatmentPlanBooking booking;
    @Autowired
    TreatmentPlans plans;
    @Autowired
    Sessions sessions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void twoPatientsCompetingForTheLastFreeSeriesNeverBothGetIt() throws Exception {
        // The one chair is taken from 26 Nov 2026 to 1 Feb 2027 except for room for exactly one IV series:
        // Thursday 26 Nov 09:00-11:10, then 08:00-10:10 on 30 Nov, 2, 4, 7 and 9 Dec.
        UUID filler = fillerPlan();
        List<String> gaps = List.of("2026-11-26T00:00", "2026-11-26T09:00", "2026-11-26T11:10", "2026-11-30T08:00",
                "2026-11-30T10:10", "2026-12-02T08:00", "2026-12-02T10:10", "2026-12-04T08:00", "2026-12-04T10:10",
                "2026-12-07T08:00", "2026-12-07T10:10", "2026-12-09T08:00", "2026-12-09T10:10", "2027-02-01T00:00");
        for (int i = 0; i < gaps.size(); i += 2) {
            insertSession(filler, i / 2 + 1, 1, at(gaps.get(i)), at(gaps.get(i + 1)), "SCHEDULED");
        }
        ScreeningCompleted first = eligible("2026-11-25T09:00");
        ScreeningCompleted second = eligible("2026-11-25T09:00");

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> bookWhen(start, first));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> bookWhen(start, second));
        start.countDown();
        CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);

        TreatmentPlan planA = plans.findByPatient(first.patientId()).orElseThrow();
        TreatmentPlan planB = plans.findByPatient(second.patientId()).orElseThrow();
        assertThat(List.of(planA.status(), planB.status()))
                .containsExactlyInAnyOrder(PlanStatus.BOOKED, PlanStatus.WAITING_FOR_CAPACITY);
        TreatmentPlan winner = planA.status() == PlanStatus.BOOKED ? planA : planB;
        TreatmentPlan loser = winner == planA ? planB : planA;
        assertThat(sessions.ofPlan(winner.planId())).extracting(ScheduledSession::start).containsExactly(
                at("2026-11-26T09:00"), at("2026-11-30T08:00"), at("2026-12-02T08:00"), at("2026-12-04T08:00"),
                at("2026-12-07T08:00"), at("2026-12-09T08:00"));
        assertThat(sessions.ofPlan(loser.planId())).isEmpty();
        assertThat(overlappingPairsOnOneChair()).isZero();
        assertThat(jdbc.sql("select event_type from outbox_event where subject = :plan")
                .param("plan", loser.planId().toString()).query(String.class).list())
                .containsExactly(EventType.TREATMENT_PLAN_WAITING_FOR_CAPACITY.type());
    }

    @Test
    void aPlanWaitingForCapacityIsBookedWhenItIsTriedAgainAfterAChairFreesUp() {
        // The one chair is taken all of March to May 2029; an eligible outcome on Wednesday 7 March has to wait.
        UUID filler = fillerPlan();
        insertSession(filler, 1, 1, at("2029-03-01T00:00"), at("2029-06-01T00:00"), "SCHEDULED");
        ScreeningCompleted outcome = eligible("2029-03-07T09:00");
        booking.on(outcome);
        TreatmentPlan waiting = plans.findByPatient(outcome.patientId()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(PlanStatus.WAITING_FOR_CAPACITY);

        booking.retryPlansWaitingForCapacity();
        assertThat(plans.findByPatient(outcome.patientId()).orElseThrow().status())
                .isEqualTo(PlanStatus.WAITING_FOR_CAPACITY);

        jdbc.sql("update session set status = 'CANCELLED' where plan_id = :plan").param("plan", filler).update();
        booking.retryPlansWaitingForCapacity();

        assertThat(plans.findByPatient(outcome.patientId()).orElseThrow().status()).isEqualTo(PlanStatus.BOOKED);
        assertThat(sessions.ofPlan(waiting.planId())).extracting(ScheduledSession::start).containsExactly(
                at("2029-03-08T09:00"), at("2029-03-12T08:00"), at("2029-03-14T08:00"), at("2029-03-16T08:00"),
                at("2029-03-19T08:00"), at("2029-03-21T08:00"));
        assertThat(jdbc.sql("select event_type from outbox_event where subject = :plan order by position")
                .param("plan", waiting.planId().toString()).query(String.class).list())
                .containsExactly(EventType.TREATMENT_PLAN_WAITING_FOR_CAPACITY.type(),
                        EventType.TREATMENT_PLAN_BOOKED.type());
    }

    @Test
    void aBookingThatCollidesWithAnotherTransactionRollsBackWholeAndRetriesAgainstTheNewCalendar() throws Exception {
        // Another writer (not taking the booking lock) holds an uncommitted session on the one chair at Thursday
        // 6 Jan 2028 09:00, the slot the booking computes from what it can see. The booking's insert waits for that
        // transaction; when it commits, the exclusion constraint refuses the booking, which starts over and books
        // after it (09:00 + 115 min + 15 min turnover -> 11:15).
        UUID other = fillerPlan();
        ScreeningCompleted outcome = eligible("2028-01-05T09:00");
        CompletableFuture<Void> booked;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into session (session_id, plan_id, patient_id, protocol, number, chair_id, start_at,
                                         end_at, occupied_until, status)
                    select ?, plan_id, patient_id, protocol, 1, 1, ?, ?, ?, 'SCHEDULED'
                    from treatment_plan where plan_id = ?
                    """)) {
                insert.setObject(1, UUID.randomUUID());
                insert.setTimestamp(2, Timestamp.from(at("2028-01-06T09:00")));
                insert.setTimestamp(3, Timestamp.from(at("2028-01-06T10:55")));
                insert.setTimestamp(4, Timestamp.from(at("2028-01-06T11:10")));
                insert.setObject(5, other);
                insert.executeUpdate();
            }
            booked = CompletableFuture.runAsync(() -> booking.on(outcome));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select count(*) from pg_locks where not granted").query(Long.class).single() > 0);
            connection.commit();
        }
        booked.get(30, TimeUnit.SECONDS);

        TreatmentPlan plan = plans.findByPatient(outcome.patientId()).orElseThrow();
        assertThat(plan.status()).isEqualTo(PlanStatus.BOOKED);
        assertThat(sessions.ofPlan(plan.planId()).getFirst().start()).isEqualTo(at("2028-01-06T11:15"));
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = :event")
                .param("event", outcome.eventId()).query(Long.class).single()).isEqualTo(1);
        assertThat(overlappingPairsOnOneChair()).isZero();
    }

    @Test
    void theDatabaseRefusesAnOverlappingSessionOnTheSameChair() {
        UUID plan = fillerPlan();
        // 2027-03-01 08:00-09:55 in Los Angeles, chair taken until 10:10
        insertSession(plan, 1, 1, at("2027-03-01T08:00"), at("2027-03-01T10:10"), "SCHEDULED");

        assertThatThrownBy(() -> insertSession(plan, 2, 1, at("2027-03-01T10:00"), at("2027-03-01T12:10"),
                "SCHEDULED"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23P01"));
        assertThatThrownBy(() -> insertSession(plan, 3, 1, at("2027-03-01T07:00"), at("2027-03-01T12:00"),
                "SCHEDULED"))
                .isInstanceOf(DataIntegrityViolationException.class);

        // another chair, a session starting when the turnover ends, and a cancelled session are all fine
        insertSession(plan, 4, 2, at("2027-03-01T08:00"), at("2027-03-01T10:10"), "SCHEDULED");
        insertSession(plan, 5, 1, at("2027-03-01T10:10"), at("2027-03-01T12:20"), "SCHEDULED");
        insertSession(plan, 6, 1, at("2027-03-01T08:00"), at("2027-03-01T10:10"), "CANCELLED");
        assertThat(overlappingPairsOnOneChair()).isZero();
    }

    @Test
    void aPatientWithAPlanGetsNoSecondOneFromALaterEligibleOutcome() {
        ScreeningCompleted first = eligible("2027-05-05T09:00");
        booking.on(first);
        TreatmentPlan plan = plans.findByPatient(first.patientId()).orElseThrow();

        ScreeningCompleted later = new ScreeningCompleted(UUID.randomUUID(),
                first.occurredAt().plus(Duration.ofDays(3)),
                first.patientId(), UUID.randomUUID(), "PTSD", ScreeningOutcome.ELIGIBLE, List.of(), false);
        booking.on(later);

        assertThat(plans.findByPatient(first.patientId())).contains(plan);
        assertThat(jdbc.sql("select count(*) from session where patient_id = :patient")
                .param("patient", first.patientId()).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = :patient")
                .param("patient", first.patientId().toString()).query(Long.class).single())
                .as("one TreatmentPlanBooked and six SessionScheduled").isEqualTo(7);
    }

    @Test
    void redeliveryOfAnEventChangesNothing() {
        ScreeningCompleted outcome = eligible("2027-07-07T09:00");
        booking.on(outcome);
        booking.on(outcome);

        assertThat(jdbc.sql("select count(*) from session where patient_id = :patient")
                .param("patient", outcome.patientId()).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = :patient")
                .param("patient", outcome.patientId().toString()).query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void anIndicationWithoutADefaultProtocol_getsAPlanWaitingForThePrescribersChoice_bookingAndPublishingNothing() {
        for (String indication : List.of("OCD", "CHRONIC_PAIN", "SUBSTANCE_USE_WITH_MOOD")) {
            ScreeningCompleted outcome = new ScreeningCompleted(UUID.randomUUID(), at("2027-09-08T09:00"),
                    UUID.randomUUID(), UUID.randomUUID(), indication, ScreeningOutcome.ELIGIBLE, List.of(), true);
            booking.on(outcome);

            TreatmentPlan plan = plans.findByPatient(outcome.patientId()).orElseThrow();
            assertThat(plan.status()).as(indication).isEqualTo(PlanStatus.WAITING_FOR_PROTOCOL);
            assertThat(plan.protocol()).as(indication).isNull();
            assertThat(plan.offLabel()).as(indication).isNull();
            assertThat(plan.indication()).isEqualTo(indication);
            assertThat(sessions.ofPlan(plan.planId())).isEmpty();
            assertThat(jdbc.sql("select count(*) from outbox_event where message_key = :patient")
                    .param("patient", outcome.patientId().toString()).query(Long.class).single()).isZero();
        }
    }

    @Test
    void everyDefaultIndicationGetsOffLabelIvKetamine() {
        for (String indication : List.of("DEPRESSION", "BIPOLAR_DEPRESSION", "PTSD")) {
            ScreeningCompleted outcome = new ScreeningCompleted(UUID.randomUUID(), at("2027-11-03T09:00"),
                    UUID.randomUUID(), UUID.randomUUID(), indication, ScreeningOutcome.ELIGIBLE, List.of(), true);
            booking.on(outcome);

            TreatmentPlan plan = plans.findByPatient(outcome.patientId()).orElseThrow();
            assertThat(plan.protocol()).as(indication).isEqualTo(Protocol.IV_KETAMINE_DEPRESSION);
            assertThat(plan.offLabel()).as(indication).isTrue();
            assertThat(plan.screeningId()).isEqualTo(outcome.screeningId());
            assertThat(plan.outcomeRecordedAt()).isEqualTo(outcome.occurredAt());
        }
    }

    private void bookWhen(CountDownLatch start, ScreeningCompleted event) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        booking.on(event);
    }

    private long overlappingPairsOnOneChair() {
        return jdbc.sql("""
                        select count(*) from session a join session b
                          on a.chair_id = b.chair_id and a.session_id < b.session_id
                         and a.start_at < b.occupied_until and b.start_at < a.occupied_until
                        where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'
                        """)
                .query(Long.class).single();
    }

    private static ScreeningCompleted eligible(String localOutcomeTime) {
        return new ScreeningCompleted(UUID.randomUUID(), at(localOutcomeTime), UUID.randomUUID(), UUID.randomUUID(),
                "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true);
    }

    /** A plan of another patient to hang sessions on that the test writes straight into the table. */
    private UUID fillerPlan() {
        UUID plan = UUID.randomUUID();
        jdbc.sql("""
                        insert into treatment_plan (plan_id, patient_id, screening_id, protocol, off_label, status,
                                                    outcome_recorded_at, created_at)
                        values (:plan, :patient, :screening, 'IV_KETAMINE_DEPRESSION', true, 'BOOKED', now(), now())
                        """)
                .param("plan", plan).param("patient", UUID.randomUUID()).param("screening", UUID.randomUUID())
                .update();
        return plan;
    }

    private void insertSession(UUID plan, int number, int chair, Instant start, Instant occupiedUntil, String status) {
        jdbc.sql("""
                        insert into session (session_id, plan_id, patient_id, protocol, number, chair_id, start_at,
                                             end_at, occupied_until, status)
                        select :session, plan_id, patient_id, protocol, :number, :chair, :start, :end, :until, :status
                        from treatment_plan where plan_id = :plan
                        """)
                .param("session", UUID.randomUUID()).param("plan", plan).param("number", number)
                .param("chair", chair).param("start", Timestamp.from(start))
                .param("end", Timestamp.from(occupiedUntil)).param("until", Timestamp.from(occupiedUntil))
                .param("status", status)
                .update();
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    static Instant at(String localDateTime) {
        return TestClock.at(localDateTime, CLINIC);
    }
}
