package org.clinicops.notification.booking;

import org.clinicops.events.Protocol;
import org.clinicops.events.TreatmentPlanBooked;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What a booking confirmation is written from, stored as the notification's content: the plan, its protocol (for
 * the preparation instructions) and each session's chair time. No PHI: ids, a code and times.
 */
record BookedSeries(UUID planId, Protocol protocol, List<Session> sessions) {

    record Session(int number, Instant start, Instant end) {
    }

    static BookedSeries of(TreatmentPlanBooked event) {
        return new BookedSeries(event.planId(), event.protocol(), event.sessions().stream()
                .map(s -> new Session(s.number(), s.start(), s.end()))
                .sorted(Comparator.comparingInt(Session::number))
                .toList());
    }
}
