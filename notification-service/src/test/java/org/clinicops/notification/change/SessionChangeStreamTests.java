package org.clinicops.notification.change;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.CancellationReason;
import org.clinicops.events.DeferralReason;
import org.clinicops.events.SessionCancelled;
import org.clinicops.events.SessionDeferred;
import org.clinicops.events.SessionRescheduled;
import org.clinicops.events.SessionScheduled;
import org.clinicops.events.Topics;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * CLINICAL section 8's changes end to end: a session moved, cancelled, deferred or made up, as session-service
 * announces it on {@code clinic.sessions}, becomes the patient's message over real SMTP, and the session's reminders
 * move or are closed SUPPRESSED with a reason. Every test books {@link #planBooked} at {@link #NOW} first.
 */
class SessionChangeStreamTests extends StreamTestSupport {

    /** Just after the booking, on session-service's clock. */
    private static final Instant CHANGED_AT = TestClock.at("2026-11-25T17:05:00Z");

    @Test
    void aMovedSessionGetsANoticeWithItsNewTimeAndItsRemindersMoveWithIt() {
        String address = newAddress("moved");
        UUID patient = intake.registerPatient("Dana", address, true);
        TreatmentPlanBooked booked = booked(patient);
        TreatmentPlanBooked.BookedSession second = booked.sessions().get(1);
        // Monday 30 November 8:00 to Tuesday 1 December 8:00 in Los Angeles
        Instant newStart = TestClock.at("2026-12-01T16:00:00Z");

        send(moved(booked, second, newStart));

        JsonNode notice = awaitNotification(patient, "RESCHEDULE_NOTICE", "SENT");
        assertThat(notice.get("lastError").isNull()).isTrue();
        MimeMessage message = await().atMost(PATIENCE).until(() -> mailTo(address), m -> m.size() == 2).getLast();
        assertThat(subject(message)).isEqualTo("Your appointment on Monday, " + spelledDay("2026-11-30")
                + " has moved");
        assertThat(body(message)).startsWith("Dear Dana,\n\n")
                .contains("on Monday, " + spelledDay("2026-11-30") + " at 8:00 AM has moved. The new time is:\n\n"
                        + "  Tuesday, " + spelledDate("2026-12-01") + ", 8:00 AM to 9:55 AM PST\n")
                .contains("Do not eat anything for 4 hours before your appointment.")
                .contains("Arrange for an adult to take you home.")
                .contains("988")
                .doesNotContainIgnoringCase("ketamine");
        assertThat(remindersOf(patient)).filteredOn(r -> r.startsWith(second.sessionId().toString()))
                .containsExactly(
                        reminder(second.sessionId(), 24, "2026-11-29T16:00:00Z", "SUPPRESSED"),
                        reminder(second.sessionId(), 24, "2026-11-30T16:00:00Z", "PENDING"),
                        reminder(second.sessionId(), 48, "2026-11-28T16:00:00Z", "SUPPRESSED"),
                        reminder(second.sessionId(), 48, "2026-11-29T16:00:00Z", "PENDING"));
        assertThat(jdbc.sql("select distinct last_error from notification where status = 'SUPPRESSED'"
                        + " and patient_id = :patient").param("patient", patient).query(String.class).list())
                .containsExactly("the session was moved to another time");
    }

    @Test
    void aSessionMovedSoSoonThatItsRemindersHavePassedGetsOnlyThoseStillToCome() {
        UUID patient = intake.registerPatient("Sam", newAddress("soon"), true);
        TreatmentPlanBooked booked = booked(patient);
        TreatmentPlanBooked.BookedSession first = booked.sessions().getFirst();

        // 30 hours after the move: the 48-hour reminder's time has passed, the 24-hour one's has not
        send(moved(booked, first, TestClock.at("2026-11-26T23:05:00Z")));

        awaitNotification(patient, "RESCHEDULE_NOTICE", "SENT");
        assertThat(remindersOf(patient)).filteredOn(r -> r.startsWith(first.sessionId().toString()))
                .containsExactly(reminder(first.sessionId(), 24, "2026-11-25T23:05:00Z", "PENDING"));
    }

    @Test
    void aCancelledSessionGetsOneNoticeAndItsRemindersAreSuppressedWithTheReason() {
        String address = newAddress("cancelled");
        UUID patient = intake.registerPatient("Noa", address, true);
        TreatmentPlanBooked booked = booked(patient);
        TreatmentPlanBooked.BookedSession second = booked.sessions().get(1);
        SessionCancelled cancelled = cancelled(booked, second);

        send(cancelled);
        send(cancelled);

        awaitNotification(patient, "CANCELLATION_NOTICE", "SENT");
        MimeMessage message = await().atMost(PATIENCE).until(() -> mailTo(address), m -> m.size() == 2).getLast();
        assertThat(subject(message)).isEqualTo("Your appointment on Monday, " + spelledDay("2026-11-30")
                + " is cancelled");
        assertThat(body(message)).contains("on Monday, " + spelledDay("2026-11-30") + " at 8:00 AM is cancelled")
                .contains("you will get a separate message with its time")
                .doesNotContain("PATIENT_REQUEST").doesNotContainIgnoringCase("request");
        JsonNode reminders = notificationsOf(patient);
        assertThat(reminders.valueStream().filter(n -> n.get("status").asString().equals("SUPPRESSED")))
                .hasSize(2)
                .allSatisfy(n -> assertThat(n.get("lastError").asString()).isEqualTo("the session was cancelled"));
        assertThat(remindersOf(patient)).filteredOn(r -> r.startsWith(second.sessionId().toString()))
                .allMatch(r -> r.endsWith("SUPPRESSED"));
        // delivered twice, told once
        assertThat(notificationsOf(patient).valueStream()
                .filter(n -> n.get("kind").asString().equals("CANCELLATION_NOTICE"))).hasSize(1);
    }

    @Test
    void aDeferredSessionGetsANoticeThatItDidNotGoAheadWithoutTheReason() {
        String address = newAddress("deferred");
        UUID patient = intake.registerPatient("Kim", address, true);
        TreatmentPlanBooked booked = booked(patient);
        TreatmentPlanBooked.BookedSession first = booked.sessions().getFirst();
        clock.set(TestClock.at("2026-11-26T17:40:00Z"));

        send(new SessionDeferred(UUID.randomUUID(), clock.instant(), patient, booked.planId(), first.sessionId(), 1,
                DeferralReason.D2_BP_TOO_HIGH, clock.instant()));

        awaitNotification(patient, "CANCELLATION_NOTICE", "SENT");
        MimeMessage message = await().atMost(PATIENCE).until(() -> mailTo(address),
                m -> m.stream().anyMatch(x -> subject(x).contains("did not go ahead"))).getLast();
        assertThat(subject(message)).isEqualTo("Your appointment on Thursday, " + spelledDay("2026-11-26")
                + " did not go ahead");
        assertThat(body(message)).contains("at 9:00 AM did not go ahead as planned.")
                .doesNotContain("D2").doesNotContainIgnoringCase("blood").doesNotContainIgnoringCase("pressure");
    }

    @Test
    void d9_aMaintenanceBoosterIsConfirmedAsTheNextAppointment_withItsReminders() {
        String address = newAddress("booster");
        UUID patient = intake.registerPatient("Kai", address, true);
        TreatmentPlanBooked booked = booked(patient);
        Instant boosterStart = TestClock.at("2027-01-06T16:00:00Z");
        SessionScheduled booster = new SessionScheduled(UUID.randomUUID(), CHANGED_AT, patient, UUID.randomUUID(),
                booked.planId(), booked.protocol(), 7, boosterStart, boosterStart.plus(Duration.ofMinutes(115)), 1,
                true);

        events.send(booster, booster.sessionId());

        MimeMessage confirmation = await().atMost(PATIENCE).until(() -> mailTo(address),
                m -> m.stream().anyMatch(x -> subject(x).equals("Your next appointment is confirmed"))).stream()
                .filter(x -> subject(x).equals("Your next appointment is confirmed")).findFirst().orElseThrow();
        assertThat(body(confirmation)).contains("Your next appointment at Clinic is booked:\n\n"
                        + "  7. Wednesday, " + spelledDate("2027-01-06") + ", 8:00 AM to 9:55 AM PST\n")
                .doesNotContain("did not take place");
        assertThat(remindersOf(patient)).filteredOn(r -> r.startsWith(booster.sessionId().toString())).hasSize(2);
    }

    @Test
    void aSessionMadeUpForACancelledOneGetsAConfirmationAndRemindersOfItsOwn() {
        String address = newAddress("made-up");
        UUID patient = intake.registerPatient("Lee", address, true);
        TreatmentPlanBooked booked = booked(patient);
        TreatmentPlanBooked.BookedSession second = booked.sessions().get(1);
        TreatmentPlanBooked.BookedSession third = booked.sessions().get(2);
        Instant makeUpStart = TestClock.at("2026-12-03T16:00:00Z");
        SessionScheduled makeUp = new SessionScheduled(UUID.randomUUID(), CHANGED_AT, patient, UUID.randomUUID(),
                booked.planId(), booked.protocol(), 2, makeUpStart, makeUpStart.plus(Duration.ofMinutes(115)), 2);

        // as session-service writes them: the cancellation, then the make-up, in one transaction
        send(cancelled(booked, second));
        events.send(makeUp, makeUp.sessionId());
        // a session of the series announced on its own is confirmed already
        events.send(new SessionScheduled(UUID.randomUUID(), booked.occurredAt(), patient, third.sessionId(),
                booked.planId(), booked.protocol(), 3, third.start(), third.end(), 1), third.sessionId());
        UUID marker = intake.registerPatient("Ari", newAddress("marker"), true);
        send(planBooked(marker));

        awaitNotification(marker, "BOOKING_CONFIRMATION", "SENT");
        await().atMost(PATIENCE).until(() -> notificationsOf(patient).valueStream()
                .filter(n -> n.get("kind").asString().equals("BOOKING_CONFIRMATION"))
                .allMatch(n -> n.get("status").asString().equals("SENT")));
        assertThat(notificationsOf(patient).valueStream()
                .filter(n -> n.get("kind").asString().equals("BOOKING_CONFIRMATION"))).hasSize(2);
        MimeMessage confirmation = await().atMost(PATIENCE).until(() -> mailTo(address),
                m -> m.stream().anyMatch(x -> subject(x).equals("Your new appointment is confirmed"))).stream()
                .filter(x -> subject(x).equals("Your new appointment is confirmed")).findFirst().orElseThrow();
        assertThat(body(confirmation)).contains("in place of the one that did not take place:\n\n"
                        + "  2. Thursday, " + spelledDate("2026-12-03") + ", 8:00 AM to 9:55 AM PST\n")
                .contains("Do not eat anything for 4 hours before your appointment.");
        assertThat(remindersOf(patient)).filteredOn(r -> r.startsWith(makeUp.sessionId().toString()))
                .containsExactly(
                        reminder(makeUp.sessionId(), 24, "2026-12-02T16:00:00Z", "PENDING"),
                        reminder(makeUp.sessionId(), 48, "2026-12-01T16:00:00Z", "PENDING"));
        assertThat(remindersOf(patient)).filteredOn(r -> r.startsWith(third.sessionId().toString())).hasSize(2);
    }

    @Test
    void aCancellationHandledBeforeItsBookingLeavesNoReminderAndNoNoticeAndTheConfirmationLeavesItOut() {
        String address = newAddress("early-cancel");
        UUID patient = intake.registerPatient("Jo", address, true);
        TreatmentPlanBooked booked = planBooked(patient);
        TreatmentPlanBooked.BookedSession second = booked.sessions().get(1);

        // the booking was dead-lettered and replayed after the cancellation was handled
        send(cancelled(booked, second));
        send(booked);

        awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");
        String confirmation = body(await().atMost(PATIENCE).until(() -> confirmationsTo(address), m -> m.size() == 1)
                .getFirst());
        assertThat(confirmation).contains("  1. Thursday, " + spelledDate("2026-11-26"))
                .contains("  3. Wednesday, " + spelledDate("2026-12-02"))
                .doesNotContain("  2. ").doesNotContain(spelledDate("2026-11-30"));
        assertThat(remindersOf(patient)).noneMatch(r -> r.startsWith(second.sessionId().toString()));
        assertThat(notificationOf(patient, "CANCELLATION_NOTICE")).isEmpty();
    }

    @Test
    void aMoveHandledBeforeItsBookingIsTheTimeTheConfirmationAndRemindersUse() {
        String address = newAddress("early-move");
        UUID patient = intake.registerPatient("Ray", address, true);
        TreatmentPlanBooked booked = planBooked(patient);
        TreatmentPlanBooked.BookedSession second = booked.sessions().get(1);

        send(moved(booked, second, TestClock.at("2026-12-01T16:00:00Z")));
        send(booked);

        awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");
        assertThat(body(await().atMost(PATIENCE).until(() -> confirmationsTo(address), m -> m.size() == 1)
                .getFirst())).contains("  2. Tuesday, " + spelledDate("2026-12-01") + ", 8:00 AM");
        assertThat(remindersOf(patient)).filteredOn(r -> r.startsWith(second.sessionId().toString()))
                .containsExactly(
                        reminder(second.sessionId(), 24, "2026-11-30T16:00:00Z", "PENDING"),
                        reminder(second.sessionId(), 48, "2026-11-29T16:00:00Z", "PENDING"));
        assertThat(notificationOf(patient, "RESCHEDULE_NOTICE")).isEmpty();
    }

    @Test
    void aMalformedChangeGoesToTheDeadLetterTopicAndTheNextGoodOneIsStillHandled() {
        UUID patient = intake.registerPatient("Bo", newAddress("malformed"), true);
        TreatmentPlanBooked booked = booked(patient);
        SessionCancelled template = cancelled(booked, booked.sessions().get(1));
        String key = UUID.randomUUID().toString();
        events.send(Topics.SESSIONS, key, ("{ \"eventId\": \"" + template.eventId() + "\" }")
                .getBytes(StandardCharsets.UTF_8), CloudEventProducer.headers(template, template.sessionId()));
        send(cancelled(booked, booked.sessions().get(2)));

        awaitNotification(patient, "CANCELLATION_NOTICE", "SENT");
        Map<String, ConsumerRecord<byte[], byte[]>> deadLetters = topics.readByKey(SESSIONS_DEAD_LETTERS,
                List.of(key));
        assertThat(header(deadLetters.get(key), "x-exception-message")).contains("schema");
        assertThat(notificationsOf(patient).valueStream()
                .filter(n -> n.get("kind").asString().equals("CANCELLATION_NOTICE"))).hasSize(1);
    }

    /** {@link #planBooked} sent, its confirmation out. */
    private TreatmentPlanBooked booked(UUID patient) {
        TreatmentPlanBooked booked = planBooked(patient);
        send(booked);
        awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");
        return booked;
    }

    private static SessionRescheduled moved(TreatmentPlanBooked booked, TreatmentPlanBooked.BookedSession session,
                                            Instant start) {
        return new SessionRescheduled(UUID.randomUUID(), CHANGED_AT, booked.patientId(), booked.planId(),
                session.sessionId(), session.number(), session.start(), start, start.plus(Duration.ofMinutes(115)),
                1);
    }

    private static SessionCancelled cancelled(TreatmentPlanBooked booked, TreatmentPlanBooked.BookedSession session) {
        return new SessionCancelled(UUID.randomUUID(), CHANGED_AT, booked.patientId(), booked.planId(),
                session.sessionId(), session.number(), CancellationReason.PATIENT_REQUEST, CHANGED_AT);
    }

    private void send(SessionRescheduled event) {
        events.send(event, event.sessionId());
    }

    private void send(SessionCancelled event) {
        events.send(event, event.sessionId());
    }

    private void send(SessionDeferred event) {
        events.send(event, event.sessionId());
    }
}
