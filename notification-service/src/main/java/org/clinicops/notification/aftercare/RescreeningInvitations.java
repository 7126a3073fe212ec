package org.clinicops.notification.aftercare;

import org.clinicops.events.EventType;
import org.clinicops.events.TreatmentPlanRescreeningDue;
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
 * CLINICAL section 8 and D-9: when the induction series is complete the patient is invited, at once, to the
 * re-screening due within 7 days, whose answers decide what follows.
 */
@Service
class RescreeningInvitations implements SessionEventHandler {

    private final ProcessedEvents processedEvents;
    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    RescreeningInvitations(ProcessedEvents processedEvents, Notifications notifications, JsonMapper json,
                           Clock clock) {
        this.processedEvents = processedEvents;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(IncomingEvent event) {
        event.ifType(EventType.TREATMENT_PLAN_RESCREENING_DUE, this::on);
    }

    void on(TreatmentPlanRescreeningDue event) {
        processedEvents.once(SessionConsumers.CONSUMER, event.eventId(), () ->
                notifications.insert(Notification.pending(event.patientId(), NotificationKind.RESCREENING_INVITATION,
                        event.eventId(), json.writeValueAsString(new RescreeningDue(event.dueBy())),
                        clock.instant())));
    }
}
