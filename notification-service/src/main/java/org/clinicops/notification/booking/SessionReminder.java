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

    Instant due() {
        return start.minus(Duration.ofHours(hoursBefore));
    }

    /**
     * When it is no longer worth sending: the next reminder of {@code hoursBeforeAll} (latest first,
     * {@code notification.reminders.hours-before}) is due, or, for the last one, the session starts.
     */
    Instant expires(List<Integer> hoursBeforeAll) {
        int next = hoursBeforeAll.indexOf(hoursBefore) + 1;
        return next < hoursBeforeAll.size() ? start.minus(Duration.ofHours(hoursBeforeAll.get(next))) : start;
    }

    /** Tells an event's reminders apart: one per session and lead time; the session's id first, to find them. */
    static String dedupeKey(UUID sessionId, int hoursBefore) {
        return sessionId + "/" + hoursBefore + "h";
    }
}
