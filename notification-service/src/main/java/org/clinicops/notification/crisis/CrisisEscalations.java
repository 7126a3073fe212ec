package org.clinicops.notification.crisis;

import org.clinicops.events.ProgressMeasureRecorded;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.notification.escalation.Alert;
import org.clinicops.notification.escalation.AlertKind;
import org.clinicops.notification.escalation.Escalations;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Notifications;
import org.clinicops.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.UUID;

/**
 * A CRISIS_ESCALATION outcome, or a progress measure's crisis (CLINICAL D-9), raises, in the transaction that records the event as processed, the crisis's alert
 * (its first page to the on-call clinician at once, the backup and repeats until acknowledged: package
 * {@code escalation}) and stores the crisis-line message to the patient, due at once and ahead of all other mail;
 * quiet hours never apply to either (CLINICAL sections 5 and 8). Every other outcome sends nothing from here.
 */
@Service
class CrisisEscalations {

    /** The name of the consumer function (see {@link ScreeningConsumers}), under which the inbox records events. */
    static final String CONSUMER = "pageOnCallClinician";

    private final ProcessedEvents processedEvents;
    private final Escalations escalations;
    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    CrisisEscalations(ProcessedEvents processedEvents, Escalations escalations, Notifications notifications,
                      JsonMapper json, Clock clock) {
        this.processedEvents = processedEvents;
        this.escalations = escalations;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    public void on(ScreeningCompleted event) {
        // checked before the inbox: the far more common other outcomes leave no processed-event row behind
        if (event.outcome() == ScreeningOutcome.CRISIS_ESCALATION) {
            raise(event.eventId(), event.patientId(), Alert.crisisAlertId(event.screeningId()),
                    new CrisisReference(event.screeningId(), event.occurredAt(),
                            Alert.crisisAlertId(event.screeningId()), null));
        }
    }

    /** CLINICAL D-9: a progress measure does not re-run eligibility, but S-1 on it escalates as a crisis. */
    public void on(ProgressMeasureRecorded event) {
        if (event.crisis()) {
            raise(event.eventId(), event.patientId(), Alert.crisisAlertId(event.measureId()),
                    new CrisisReference(null, event.occurredAt(), Alert.crisisAlertId(event.measureId()),
                            event.measureId()));
        }
    }

    private void raise(UUID eventId, UUID patientId, UUID alertId, CrisisReference crisis) {
        processedEvents.once(CONSUMER, eventId, () -> {
            String content = json.writeValueAsString(crisis);
            // the same crisis published again under another event id has its alert and its message already
            if (escalations.raise(Alert.raised(alertId, AlertKind.CRISIS, patientId, null, crisis.recordedAt(),
                    content))) {
                notifications.insert(Notification.pending(patientId, NotificationKind.CRISIS_LINE_MESSAGE, eventId,
                        content, clock.instant()));
            }
        });
    }
}
