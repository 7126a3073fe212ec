package org.clinicops.session.booking;

import java.time.Instant;

/** The time range a booking can fall in: existing bookings overlapping it are all the booker needs to see. */
public record SearchWindow(Instant from, Instant to) {
}
