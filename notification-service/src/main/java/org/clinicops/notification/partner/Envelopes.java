package org.clinicops.notification.partner;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How partners read instants: ISO 8601 in UTC with milliseconds and {@code Z}. */
public final class Envelopes {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Envelopes() {
    }

    public static String instant(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }
}
