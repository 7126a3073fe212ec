package org.clinicops.notification.booking;

import org.clinicops.events.Protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a session reminder is written from, stored as the notification's content: which session, its chair time, the
 * protocol (for the fasting rule) and how long before the start it is due. No PHI: a number, times and a code.
 */
record SessionReminder(int number, Instant start, Instant end, Protocol protocol, int hoursBefore) {

    /** CLINICAL section 8: reminders 48 hours and 24 hours before each session. */
    static final List<Integer> HOURS_BEFORE = List.of(48, 24);

    Instant due() {
        return start.minus(Duration.ofHours(hoursBefore));
    }

    /** When it is no longer worth sending: the next reminder is due, or, for the last one, the session starts. */
    Instant expires() {
        int next = HOURS_BEFORE.indexOf(hoursBefore) + 1;
        return next < HOURS_BEFORE.size() ? start.minus(Duration.ofHours(HOURS_BEFORE.get(next))) : start;
    }

    /** Tells an event's reminders apart: one per session and lead time; the session's id first, to find them. */
    static String dedupeKey(UUID sessionId, int hoursBefore) {
        return sessionId + "/" + hoursBefore + "h";
    }
}
