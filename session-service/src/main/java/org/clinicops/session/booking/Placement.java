package org.clinicops.session.booking;

import java.time.Instant;

/**
 * Where one session of a series goes: its number in the series, its chair, its chair time from {@code start} to
 * {@code end}, and the moment the chair is free again ({@code end} plus turnover).
 */
public record Placement(int number, int chairId, Instant start, Instant end, Instant occupiedUntil) {

    ChairBooking asChairBooking() {
        return new ChairBooking(chairId, start, occupiedUntil);
    }
}
