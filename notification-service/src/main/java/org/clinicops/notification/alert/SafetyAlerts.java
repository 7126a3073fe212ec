package org.clinicops.notification.alert;

import org.clinicops.events.EventType;
import org.clinicops.events.SafetyAlertRaised;
import org.clinicops.notification.booking.SessionConsumers;
import org.clinicops.notification.booking.SessionEventHandler;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Notifications;
import org.clinicops.support.messaging.IncomingEvent;
import org.clinicops.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * CLINICAL D-6: each safety alert pages the prescriber ({@code notification.prescriber.email}) at once, any hour;
 * quiet hours never apply to staff pages. The event's {@code prescriberId} is a staff id, not an address.
 */
@Service
class SafetyAlerts implements SessionEventHandler {

    private final ProcessedEvents processedEvents;
    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    SafetyAlerts(ProcessedEvents processedEvents, Notifications notifications, JsonMapper json, Clock clock) {
        this.processedEvents = processedEvents;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(IncomingEvent event) {
        event.ifType(EventType.SAFETY_ALERT_RAISED, this::on);
    }

    void on(SafetyAlertRaised event) {
        processedEvents.once(SessionConsumers.CONSUMER, event.eventId(), () -> notifications.insert(
                Notification.pending(event.patientId(), NotificationKind.SAFETY_ALERT_PAGE, event.eventId(),
                        json.writeValueAsString(new SafetyAlertReference(event.alertId(), event.sessionId(),
                                event.number(), event.takenAt())), clock.instant())));
    }
}
