package org.clinicops.notification.template;

import org.clinicops.events.Protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How messages write times (in the clinic's zone, US English) and the values of {@code partials/preparation}. The
 * wording around them is the templates'.
 */
public final class MessageTimes {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private final ZoneId zone;

    public MessageTimes(ZoneId zone) {
        this.zone = zone;
    }

    /** "Thursday, November 26, 2026, 9:00 AM to 10:55 AM PST": a session's chair time. */
    public String chairTime(Instant start, Instant end) {
        return DATE.format(start.atZone(zone)) + ", " + TIME.format(start.atZone(zone)) + " to "
                + TIME.format(end.atZone(zone)) + " " + ZONE.format(start.atZone(zone));
    }

    /** "Thursday, November 26". */
    public String day(Instant instant) {
        return DAY.format(instant.atZone(zone));
    }

    /** "Wednesday, December 16": a date of the clinic's calendar. */
    public String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "9:00 AM". */
    public String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    /**
     * The values of {@code partials/preparation}: which fasting rule of CLINICAL D-1 applies. IV and IM need 4 hours
     * without food; esketamine 2 hours without food and 30 minutes without drink. A mutable map, for more values.
     */
    public static Map<String, Object> preparation(Protocol protocol) {
        Map<String, Object> values = new HashMap<>();
        values.put("fourHoursNoFood", protocol != Protocol.ESKETAMINE_NASAL);
        values.put("twoHoursNoFood", protocol == Protocol.ESKETAMINE_NASAL);
        return values;
    }
}
