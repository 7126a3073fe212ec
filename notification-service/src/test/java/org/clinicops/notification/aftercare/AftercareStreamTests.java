package org.clinicops.notification.aftercare;

import jakarta.mail.internet.MimeMessage;
import org.clinicops.events.SessionDischarged;
import org.clinicops.events.SessionNoShow;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.events.TreatmentPlanRescreeningDue;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CLINICAL section 8 after a session: the day-after check-in at 10:00 clinic time the day after a discharge, the
 * missed-session follow-up at once after a no-show.
 */
class AftercareStreamTests extends StreamTestSupport {

    @Test
    void aDischargedPatientIsAskedHowTheyAreAtTenTheNextMorningAndNotBefore() {
        String address = newAddress("day-after");
        UUID patient = intake.registerPatient("Dana", address, true);
        TreatmentPlanBooked booked = booked(patient);
        TreatmentPlanBooked.BookedSession first = booked.sessions().getFirst();
        // discharged Thursday 26 November at 11:10 in Los Angeles
        clock.set(TestClock.at("2026-11-26T19:10:00Z"));
        SessionDischarged discharged = new SessionDischarged(UUID.randomUUID(), clock.instant(), patient,
                booked.planId(), first.sessionId(), 1, clock.instant());

        events.send(discharged, first.sessionId());
        events.send(discharged, first.sessionId());

        await().atMost(PATIENCE).until(() -> notificationOf(patient, "DAY_AFTER_CHECK_IN").isPresent());
        assertThat(jdbc.sql("select next_attempt_at from notification where kind = 'DAY_AFTER_CHECK_IN'"
                        + " and patient_id = :patient").param("patient", patient)
                .query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(TestClock.at("2026-11-27T10:00", CLINIC_ZONE));
        clock.set(TestClock.at("2026-11-27T10:00", CLINIC_ZONE).minusMillis(1));
        await().during(Duration.ofMillis(500)).atMost(PATIENCE)
                .until(() -> notificationOf(patient, "DAY_AFTER_CHECK_IN").orElseThrow().get("status").asString()
                        .equals("PENDING"));

        clock.set(TestClock.at("2026-11-27T10:00", CLINIC_ZONE));

        awaitNotification(patient, "DAY_AFTER_CHECK_IN", "SENT");
        MimeMessage message = await().atMost(PATIENCE).until(() -> mailTo(address),
                m -> m.stream().anyMatch(x -> subject(x).equals("How are you feeling today?"))).getLast();
        assertThat(body(message)).startsWith("Dear Dana,\n\n")
                .contains("after your appointment at Clinic on Thursday, " + spelledDay("2026-11-26") + ".")
                .contains("please contact us").contains("988")
                .doesNotContainIgnoringCase("ketamine").doesNotContainIgnoringCase("dissociat");
        assertThat(notificationsOf(patient).valueStream()
                .filter(n -> n.get("kind").asString().equals("DAY_AFTER_CHECK_IN"))).hasSize(1);
    }

    @Test
    void aDischargeHandledOnlyAfterTheDayAfterIsOverSendsNoCheckIn() {
        UUID patient = intake.registerPatient("Sam", newAddress("too-late"), true);
        TreatmentPlanBooked booked = booked(patient);
        TreatmentPlanBooked.BookedSession first = booked.sessions().getFirst();
        Instant dischargedAt = TestClock.at("2026-11-26T19:10:00Z");
        // Saturday 28 November, 00:00 in Los Angeles: Friday, the day after, is over
        clock.set(TestClock.at("2026-11-28T00:00", CLINIC_ZONE));

        events.send(new SessionDischarged(UUID.randomUUID(), dischargedAt, patient, booked.planId(),
                first.sessionId(), 1, dischargedAt), first.sessionId());
        UUID marker = intake.registerPatient("Ari", newAddress("marker"), true);
        send(planBooked(marker));

        awaitNotification(marker, "BOOKING_CONFIRMATION", "SENT");
        assertThat(notificationOf(patient, "DAY_AFTER_CHECK_IN")).isEmpty();
    }

    @Test
    void aPatientWhoDidNotComeGetsTheFollowUpAtOnceAndTheSessionsRemindersAreClosed() {
        String address = newAddress("no-show");
        UUID patient = intake.registerPatient("Noa", address, true);
        TreatmentPlanBooked booked = booked(patient);
        TreatmentPlanBooked.BookedSession second = booked.sessions().get(1);
        // Monday 30 November 8:30: both of its reminders went out, none waits
        clock.set(TestClock.at("2026-11-30T16:30:00Z"));

        events.send(new SessionNoShow(UUID.randomUUID(), clock.instant(), patient, booked.planId(),
                second.sessionId(), 2, clock.instant()), second.sessionId());

        awaitNotification(patient, "MISSED_SESSION_FOLLOW_UP", "SENT");
        MimeMessage message = await().atMost(PATIENCE).until(() -> mailTo(address),
                m -> m.stream().anyMatch(x -> subject(x).equals("We missed you at your appointment"))).stream()
                .filter(x -> subject(x).equals("We missed you at your appointment")).findFirst().orElseThrow();
        assertThat(body(message)).startsWith("Dear Noa,\n\n")
                .contains("We missed you at your appointment at Clinic on Monday, " + spelledDay("2026-11-30")
                        + " at 8:00 AM.")
                .contains("988");
        assertThat(remindersOf(patient)).filteredOn(r -> r.startsWith(second.sessionId().toString()))
                .noneMatch(r -> r.endsWith("PENDING"));
    }

    @Test
    void d9_aCompletedSeriesInvitesThePatientToTheReScreeningByItsDueDay_onceAndWithoutAnyScore() {
        String address = newAddress("rescreening");
        UUID patient = intake.registerPatient("Lee", address, true);
        TreatmentPlanBooked booked = booked(patient);
        clock.set(TestClock.at("2026-12-09T18:00:00Z"));
        TreatmentPlanRescreeningDue due = new TreatmentPlanRescreeningDue(UUID.randomUUID(), clock.instant(), patient,
                booked.planId(), booked.protocol(), TestClock.date("2026-12-16"));

        events.send(due, booked.planId());
        events.send(due, booked.planId());

        awaitNotification(patient, "RESCREENING_INVITATION", "SENT");
        MimeMessage message = await().atMost(PATIENCE).until(() -> mailTo(address),
                m -> m.stream().anyMatch(x -> subject(x).equals("Your next step at Clinic"))).stream()
                .filter(x -> subject(x).equals("Your next step at Clinic")).findFirst().orElseThrow();
        assertThat(body(message)).startsWith("Dear Lee,\n\n")
                .contains("by Wednesday, " + spelledDay("2026-12-16") + ".")
                .contains("988")
                .doesNotContainIgnoringCase("depression").doesNotContainIgnoringCase("PHQ")
                .doesNotContainIgnoringCase("response");
        assertThat(notificationsOf(patient).valueStream()
                .filter(n -> n.get("kind").asString().equals("RESCREENING_INVITATION"))).hasSize(1);
    }

    private TreatmentPlanBooked booked(UUID patient) {
        TreatmentPlanBooked booked = planBooked(patient);
        send(booked);
        awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");
        return booked;
    }
}
