package org.clinicops.session.booking;

import java.time.Instant;

/** A chair already taken from {@code start} until {@code occupiedUntil} (the session's end plus turnover). */
public record ChairBooking(int chairId, Instant start, Instant occupiedUntil) {
}
