package org.clinicops.notification.sms;

import org.clinicops.notification.config.NotificationProperties;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * CLINICAL section 8: no patient text between {@code notification.sms.quiet-hours.start} and {@code end} (21:00 to
 * 08:00 by default) in the clinic's zone ({@code clinic.zone}); one due then waits until they end.
 * Whether a kind of message minds them is the kind's ({@code NotificationKind#waitsOutQuietHours}).
 */
@Component
public class QuietHours {

    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    public QuietHours(NotificationProperties properties) {
        this.start = properties.sms().quietHours().start();
        this.end = properties.sms().quietHours().end();
        this.zone = properties.clinicZone();
    }

    /** When the quiet hours {@code now} falls in end; empty when it falls in none. */
    public Optional<Instant> endOfQuietHoursAt(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean acrossMidnight = end.isBefore(start);
        boolean quiet = acrossMidnight
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        // the end on the same day, or, after the start of hours that run past midnight, on the next
        ZonedDateTime endsAt = local.with(end);
        if (!endsAt.isAfter(local)) {
            endsAt = endsAt.plusDays(1);
        }
        return Optional.of(endsAt.toInstant());
    }
}
