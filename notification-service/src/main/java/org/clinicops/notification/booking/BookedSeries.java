package org.clinicops.notification.booking;

import org.clinicops.events.Protocol;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What a booking confirmation is written from, stored as the notification's content: the plan, its protocol (for
 * the preparation instructions) and each session's chair time. No PHI: ids, a code and times.
 *
 * @param makeUp  true for one session made up for a deferred, cancelled or missed one; null (stored before make-ups
 *                existed) or false otherwise
 * @param booster true for one maintenance booster after the series (CLINICAL D-9); null (stored before boosters
 *                existed) or false otherwise
 */
record BookedSeries(UUID planId, Protocol protocol, List<Session> sessions, Boolean makeUp, Boolean booster) {

    boolean forMakeUp() {
        return Boolean.TRUE.equals(makeUp);
    }

    boolean forBooster() {
        return Boolean.TRUE.equals(booster);
    }

    record Session(int number, Instant start, Instant end) {
    }

    /** The sessions still scheduled, in their series' order. */
    static BookedSeries of(UUID planId, Protocol protocol, List<PatientSession> sessions, boolean makeUp,
                           boolean booster) {
        return new BookedSeries(planId, protocol, sessions.stream()
                .map(s -> new Session(s.number(), s.start(), s.end()))
                .sorted(Comparator.comparingInt(Session::number))
                .toList(), makeUp, booster);
    }
}
