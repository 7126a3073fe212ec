package org.clinicops.notification.change;

import org.clinicops.events.EventType;
import org.clinicops.events.SessionCancelled;
import org.clinicops.events.SessionDeferred;
import org.clinicops.events.SessionRescheduled;
import org.clinicops.notification.booking.PatientSession;
import org.clinicops.notification.booking.PatientSessions;
import org.clinicops.notification.booking.Reminders;
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
import java.time.Instant;
import java.util.UUID;

/**
 * A session moved gets a reschedule notice and its reminders move: the waiting ones are closed SUPPRESSED and new
 * ones stored for the new time. A session cancelled or deferred gets a cancellation notice and its waiting reminders
 * are closed. A patient is told only of sessions they were sent a confirmation of: a change handled before its
 * booking (a replayed dead letter) is remembered, and the confirmation then carries it.
 */
@Service
class SessionChanges implements SessionEventHandler {

    private final ProcessedEvents processedEvents;
    private final PatientSessions sessions;
    private final Reminders reminders;
    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    SessionChanges(ProcessedEvents processedEvents, PatientSessions sessions, Reminders reminders,
                   Notifications notifications, JsonMapper json, Clock clock) {
        this.processedEvents = processedEvents;
        this.sessions = sessions;
        this.reminders = reminders;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(IncomingEvent event) {
        event.ifType(EventType.SESSION_RESCHEDULED, this::on);
        event.ifType(EventType.SESSION_CANCELLED, e -> calledOff(e.eventId(), e.patientId(), e.planId(),
                e.sessionId(), e.number(), PatientSession.Status.CANCELLED));
        event.ifType(EventType.SESSION_DEFERRED, e -> calledOff(e.eventId(), e.patientId(), e.planId(),
                e.sessionId(), e.number(), PatientSession.Status.DEFERRED));
    }

    void on(SessionRescheduled event) {
        processedEvents.once(SessionConsumers.CONSUMER, event.eventId(), () -> {
            PatientSession known = sessions.lock(event.sessionId()).orElseGet(() -> PatientSession.unknown(
                    event.sessionId(), event.patientId(), event.planId(), event.number()));
            PatientSession moved = known.withTimes(event.start(), event.end(), event.occurredAt());
            if (!known.isScheduled() || moved == known) {
                // called off meanwhile, or an older move replayed after a newer one: nothing to tell
                return;
            }
            sessions.save(moved);
            reminders.suppress(moved, "the session was moved to another time");
            if (!moved.confirmed()) {
                return;
            }
            Instant now = clock.instant();
            notifications.insert(Notification.pending(event.patientId(), NotificationKind.RESCHEDULE_NOTICE,
                    event.eventId(), json.writeValueAsString(new SessionChange(event.number(), event.previousStart(),
                            event.start(), event.end(), moved.protocol())), now));
            reminders.schedule(moved, event.eventId(), event.occurredAt().isAfter(now) ? event.occurredAt() : now,
                    now);
        });
    }

    private void calledOff(UUID eventId, UUID patientId, UUID planId, UUID sessionId, int number,
                           PatientSession.Status ended) {
        processedEvents.once(SessionConsumers.CONSUMER, eventId, () -> {
            PatientSession known = sessions.lock(sessionId)
                    .orElseGet(() -> PatientSession.unknown(sessionId, patientId, planId, number));
            sessions.save(known.endedAs(ended));
            boolean deferred = ended == PatientSession.Status.DEFERRED;
            reminders.suppress(known, deferred ? "the session was deferred" : "the session was cancelled");
            if (!known.isScheduled() || !known.confirmed()) {
                return;
            }
            notifications.insert(Notification.pending(patientId, NotificationKind.CANCELLATION_NOTICE, eventId,
                    json.writeValueAsString(new SessionCancellation(number, known.start(), known.end(), deferred)),
                    clock.instant()));
        });
    }
}
