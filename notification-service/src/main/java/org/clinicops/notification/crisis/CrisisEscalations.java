package org.clinicops.notification.crisis;

import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Notifications;
import org.clinicops.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;

/**
 * A CRISIS_ESCALATION outcome stores, in the transaction that records the event as processed, a page to the on-call
 * clinician and the crisis-line message to the patient, both due at once and ahead of all other mail; quiet hours
 * never apply to either (CLINICAL sections 5 and 8). Every other outcome sends nothing from here.
 */
@Service
class CrisisEscalations {

    /** The name of the consumer function (see {@link ScreeningConsumers}), under which the inbox records events. */
    static final String CONSUMER = "pageOnCallClinician";

    private final ProcessedEvents processedEvents;
    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    CrisisEscalations(ProcessedEvents processedEvents, Notifications notifications, JsonMapper json, Clock clock) {
        this.processedEvents = processedEvents;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    public void on(ScreeningCompleted event) {
        // checked before the inbox: the far more common other outcomes leave no processed-event row behind
        if (event.outcome() != ScreeningOutcome.CRISIS_ESCALATION) {
            return;
        }
        processedEvents.once(CONSUMER, event.eventId(), () -> {
            String content = json.writeValueAsString(new CrisisReference(event.screeningId(), event.occurredAt()));
            Instant now = clock.instant();
            notifications.insert(Notification.pending(event.patientId(), NotificationKind.CRISIS_PAGE,
                    event.eventId(), content, now));
            notifications.insert(Notification.pending(event.patientId(), NotificationKind.CRISIS_LINE_MESSAGE,
                    event.eventId(), content, now));
        });
    }
}
