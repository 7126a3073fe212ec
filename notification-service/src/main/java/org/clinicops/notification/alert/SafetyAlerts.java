package org.clinicops.notification.alert;

import org.clinicops.events.EventType;
import org.clinicops.events.SafetyAlertRaised;
import org.clinicops.notification.booking.SessionConsumers;
import org.clinicops.notification.booking.SessionEventHandler;
import org.clinicops.notification.escalation.Alert;
import org.clinicops.notification.escalation.AlertKind;
import org.clinicops.notification.escalation.Escalations;
import org.clinicops.support.messaging.IncomingEvent;
import org.clinicops.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * CLINICAL D-6: each safety alert raises an alert paging the prescriber ({@code notification.prescriber.email}) at
 * once, any hour, then the on-call clinician too until someone acknowledges (package {@code escalation}); quiet hours
 * never apply to staff pages. The event's {@code prescriberId} is a staff id, not an address.
 */
@Service
class SafetyAlerts implements SessionEventHandler {

    private final ProcessedEvents processedEvents;
    private final Escalations escalations;
    private final JsonMapper json;

    SafetyAlerts(ProcessedEvents processedEvents, Escalations escalations, JsonMapper json) {
        this.processedEvents = processedEvents;
        this.escalations = escalations;
        this.json = json;
    }

    @Override
    public void handle(IncomingEvent event) {
        event.ifType(EventType.SAFETY_ALERT_RAISED, this::on);
    }

    void on(SafetyAlertRaised event) {
        processedEvents.once(SessionConsumers.CONSUMER, event.eventId(), () -> escalations.raise(Alert.raised(
                event.alertId(), AlertKind.SAFETY_ALERT, event.patientId(), event.sessionId(), event.occurredAt(),
                json.writeValueAsString(new SafetyAlertReference(event.alertId(), event.sessionId(),
                        event.number(), event.takenAt())))));
    }
}
