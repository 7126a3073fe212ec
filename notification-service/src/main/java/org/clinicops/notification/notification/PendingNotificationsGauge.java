package org.clinicops.notification.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code notification.pending{kind}}: how many notifications of each kind wait to be sent. A count that keeps
 * growing means intake-service or the mail server is down; alert on it, CRISIS_PAGE first.
 */
@Component
class PendingNotificationsGauge {

    PendingNotificationsGauge(Notifications notifications, MeterRegistry meters) {
        for (NotificationKind kind : NotificationKind.values()) {
            Gauge.builder("notification.pending", notifications, n -> pending(n, kind))
                    .description("Notifications stored but not sent yet")
                    .tag("kind", kind.name())
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
}
