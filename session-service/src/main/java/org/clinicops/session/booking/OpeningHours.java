package org.clinicops.session.booking;

import java.time.LocalTime;

/** When the clinic is open on one day, in its own time zone; a session's whole chair time must lie inside. */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    public OpeningHours {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Opening hours must open before they close: " + opens + "-" + closes);
        }
    }
}
