package org.clinicops.notification.booking;

import jakarta.mail.internet.MimeMessage;
import org.clinicops.events.Protocol;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Session reminders end to end: a TreatmentPlanBooked stores a reminder 48 hours and 24 hours before each session
 * (CLINICAL section 8), the dispatcher sends each when the service's clock reaches its due time and not before, and
 * a reminder whose time had passed at booking is never stored (CLINICAL section 6). Every test books at
 * {@link #NOW} (Wednesday 25 November 2026, 9:00 in Los Angeles) and moves the shared test clock itself.
 */
class SessionReminderStreamTests extends StreamTestSupport {

    @Test
    void eachSessionGetsA48HourAndA24HourReminderSentWhenDueAndNotBefore() {
        clock.set(NOW);
        String address = newAddress("remind");
        UUID patient = intake.registerPatient("Dana", address, true);
        // Monday 30 November and Wednesday 2 December 2026, 8:00-9:55 in Los Angeles
        TreatmentPlanBooked booked = booked(patient, NOW, Protocol.IV_KETAMINE_DEPRESSION,
                "2026-11-30T16:00:00Z", "2026-12-02T16:00:00Z");
        UUID first = booked.sessions().getFirst().sessionId();
        UUID second = booked.sessions().get(1).sessionId();

        send(booked);

        awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");
        assertThat(reminders(booked)).isEqualTo(Map.of(
                first + "/48h", pending("2026-11-28T16:00:00Z"),
                first + "/24h", pending("2026-11-29T16:00:00Z"),
                second + "/48h", pending("2026-11-30T16:00:00Z"),
                second + "/24h", pending("2026-12-01T16:00:00Z")));
        assertThat(mailTo(address)).hasSize(1);

        // a millisecond before the first is due, several dispatcher rounds leave every reminder alone
        clock.set(TestClock.at("2026-11-28T15:59:59.999Z"));
        await().during(Duration.ofMillis(600)).atMost(PATIENCE)
                .until(() -> reminders(booked).values().stream().allMatch(r -> r.endsWith("PENDING")));
        assertThat(mailTo(address)).hasSize(1);

        clock.set(TestClock.at("2026-11-28T16:00:00Z"));
        MimeMessage inTwoDays = await().atMost(PATIENCE).until(() -> mailTo(address), m -> m.size() == 2).getLast();
        assertThat(subject(inTwoDays)).isEqualTo(
                "Reminder: your appointment on Monday, " + spelledDay("2026-11-30") + " at 8:00 AM");
        assertThat(body(inTwoDays))
                .contains("Dear Dana,")
                .contains("This is a reminder of your appointment at Clinic in 2 days:")
                .contains("Monday, " + spelledDate("2026-11-30") + ", 8:00 AM to 9:55 AM PST")
                .contains("Do not eat anything for 4 hours before your appointment.")
                .contains("Arrange for an adult to take you home.")
                .contains("Do not drive, cycle or operate machinery until the next day.")
                .contains("a photo ID")
                .contains("988")
                .doesNotContainIgnoringCase("ketamine").doesNotContainIgnoringCase("depression");
        await().atMost(PATIENCE).until(() -> reminders(booked).get(first + "/48h").endsWith("SENT"));
        assertThat(reminders(booked).get(first + "/24h")).endsWith("PENDING");

        clock.set(TestClock.at("2026-11-29T16:00:00Z"));
        MimeMessage tomorrow = await().atMost(PATIENCE).until(() -> mailTo(address), m -> m.size() == 3).getLast();
        assertThat(body(tomorrow)).contains("This is a reminder of your appointment at Clinic tomorrow:");
        await().atMost(PATIENCE).until(() -> reminders(booked).get(first + "/24h").endsWith("SENT"));
        assertThat(reminders(booked).get(second + "/48h")).endsWith("PENDING");
    }

    @Test
    void aReminderThatWaitedPastTheNextOneIsClosedUnsentInsteadOfArrivingLate() {
        clock.set(NOW);
        String address = newAddress("waited");
        UUID patient = intake.registerPatient("Noa", address, true);
        TreatmentPlanBooked booked = booked(patient, NOW, Protocol.IV_KETAMINE_DEPRESSION, "2026-11-30T16:00:00Z");
        UUID session = booked.sessions().getFirst().sessionId();
        send(booked);
        awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");

        // nothing was sent between the 48-hour reminder's due time and the 24-hour one's (an outage, say)
        clock.set(TestClock.at("2026-11-29T17:00:00Z"));

        await().atMost(PATIENCE).until(() -> reminders(booked).get(session + "/24h").endsWith("SENT"));
        // never claimed once expired; closed at the start of a dispatcher round, which may be the next one when the
        // clock moved in the middle of a round
        await().atMost(PATIENCE).until(() -> reminders(booked).get(session + "/48h").endsWith("FAILED"));
        assertThat(mailTo(address)).hasSize(2);
        assertThat(body(mailTo(address).getLast())).contains("tomorrow");
    }

    @Test
    void aReminderWhoseTimeHasPassedAtBookingIsNotStored() {
        clock.set(NOW);
        UUID patient = intake.registerPatient("Sam", newAddress("late"), true);
        // 20 hours ahead: neither reminder is still to come; 30 hours ahead: only the 24-hour one
        TreatmentPlanBooked booked = booked(patient, NOW, Protocol.ESKETAMINE_NASAL,
                "2026-11-26T13:00:00Z", "2026-11-26T23:00:00Z");

        send(booked);

        awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");
        assertThat(reminders(booked)).isEqualTo(Map.of(
                booked.sessions().get(1).sessionId() + "/24h", pending("2026-11-25T23:00:00Z")));
    }

    @Test
    void theLaterOfTheEventsTimeAndTheClockDecidesWhatHasPassed() {
        clock.set(NOW);
        UUID patient = intake.registerPatient("Kim", newAddress("occurred"), true);
        // recorded an hour after the service's clock: the 48-hour reminder was due half an hour before that
        TreatmentPlanBooked booked = booked(patient, NOW.plus(Duration.ofHours(1)), Protocol.IM_KETAMINE,
                "2026-11-27T17:30:00Z");

        send(booked);

        awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");
        assertThat(reminders(booked)).isEqualTo(Map.of(
                booked.sessions().getFirst().sessionId() + "/24h", pending("2026-11-26T17:30:00Z")));
    }

    @Test
    void theSameEventDeliveredTwiceStoresEachReminderOnce() {
        clock.set(NOW);
        UUID patient = intake.registerPatient("Lee", newAddress("twice"), true);
        TreatmentPlanBooked booked = booked(patient, NOW, Protocol.IV_KETAMINE_DEPRESSION,
                "2026-11-30T16:00:00Z", "2026-12-02T16:00:00Z");
        send(booked);
        send(booked);
        UUID marker = intake.registerPatient("Ari", newAddress("marker"), true);
        send(booked(marker, NOW, Protocol.IV_KETAMINE_DEPRESSION, "2026-11-30T16:00:00Z"));

        // one partition: once the later event's confirmation is out, both deliveries of the first have been handled
        awaitNotification(marker, "BOOKING_CONFIRMATION", "SENT");
        assertThat(reminders(booked)).hasSize(4);
        assertThat(notificationsOf(patient)).hasSize(5);
    }

    /** A plan booked at {@code occurredAt} with an IV-length session at each start, numbered in the given order. */
    private static TreatmentPlanBooked booked(UUID patientId, Instant occurredAt, Protocol protocol, String... starts) {
        List<TreatmentPlanBooked.BookedSession> sessions = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            Instant start = TestClock.at(starts[i]);
            sessions.add(new TreatmentPlanBooked.BookedSession(UUID.randomUUID(), i + 1, start,
                    start.plus(Duration.ofMinutes(115)), 1));
        }
        return new TreatmentPlanBooked(UUID.randomUUID(), occurredAt, patientId, UUID.randomUUID(),
                UUID.randomUUID(), protocol, sessions);
    }

    /** How {@link #reminders} shows a pending reminder due at this instant of the reference week. */
    private static String pending(String due) {
        return TestClock.isoInstant(due) + " PENDING";
    }

    /** The event's reminders as stored: dedupe key -> "due (UTC instant) status". */
    private Map<String, String> reminders(TreatmentPlanBooked event) {
        return jdbc.sql("""
                        select dedupe_key, next_attempt_at, status from notification
                        where source_event_id = :event and kind = 'SESSION_REMINDER'
                        """)
                .param("event", event.eventId())
                .query((rs, row) -> Map.entry(rs.getString("dedupe_key"),
                        rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant()
                                + " " + rs.getString("status")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
