package org.clinicops.notification.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code notification.pending{kind}}: how many notifications of each kind wait to be sent, and
 * {@code notification.pending.oldest.age{kind}}: for how long, in seconds, the one of each kind that has been due
 * longest has waited since it was due (0 when none is due; a failed attempt's retry counts as due when it is). A count
 * that keeps growing or an age past a minute means intake-service or the mail server is down; alert on them,
 * CRISIS_PAGE first.
 */
@Component
class PendingNotificationsGauge {

    PendingNotificationsGauge(Notifications notifications, Clock clock, MeterRegistry meters) {
        for (NotificationKind kind : NotificationKind.values()) {
            Gauge.builder("notification.pending", notifications, n -> pending(n, kind))
                    .description("Notifications stored but not sent yet")
                    .tag("kind", kind.name())
                    .register(meters);
            Gauge.builder("notification.pending.oldest.age", notifications, n -> longestDueSeconds(n, kind, clock))
                    .description("How long the notification due longest has waited since it was due")
                    .tag("kind", kind.name())
                    .baseUnit("seconds")
                    .register(meters);
        }
    }

    private static double pending(Notifications notifications, NotificationKind kind) {
        try {
            return notifications.countPending(kind);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double longestDueSeconds(Notifications notifications, NotificationKind kind, Clock clock) {
        try {
            Instant now = clock.instant();
            return notifications.longestDue(kind, now).map(due -> Duration.between(due, now).toMillis() / 1000.0)
                    .orElse(0.0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
