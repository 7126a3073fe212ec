package org.clinicops.notification.booking;

import org.clinicops.events.EventType;
import org.clinicops.events.SessionScheduled;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Notifications;
import org.clinicops.support.messaging.IncomingEvent;
import org.clinicops.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A booked induction series gets one booking confirmation for the whole series, and a session made up for a
 * deferred, cancelled or missed one a confirmation of its own; each with a reminder 48 hours and 24 hours before each
 * session (CLINICAL section 8), all stored in the transaction that records the event as processed. The dispatcher
 * sends the confirmation at once and each reminder when it is due.
 */
@Service
class BookingConfirmations implements SessionEventHandler {

    private final ProcessedEvents processedEvents;
    private final PatientSessions sessions;
    private final Reminders reminders;
    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    BookingConfirmations(ProcessedEvents processedEvents, PatientSessions sessions, Reminders reminders,
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
        event.ifType(EventType.TREATMENT_PLAN_BOOKED, this::on);
        event.ifType(EventType.SESSION_SCHEDULED, this::on);
    }

    /**
     * The series' confirmation and reminders. A session already called off, or already confirmed as a make-up, by an
     * event handled before this one (a replayed dead letter) is left out, and a time moved since is the one written.
     */
    void on(TreatmentPlanBooked event) {
        processedEvents.once(SessionConsumers.CONSUMER, event.eventId(), () -> {
            Instant now = clock.instant();
            Instant from = later(event.occurredAt(), now);
            List<PatientSession> toConfirm = new ArrayList<>();
            for (TreatmentPlanBooked.BookedSession booked : event.sessions()) {
                Optional<PatientSession> known = sessions.lock(booked.sessionId());
                PatientSession session = known
                        .orElseGet(() -> PatientSession.unknown(booked.sessionId(), event.patientId(),
                                event.planId(), booked.number()))
                        .withTimes(booked.start(), booked.end(), event.occurredAt())
                        .withProtocol(event.protocol());
                if (session.isScheduled() && !session.confirmed()) {
                    toConfirm.add(session);
                }
                sessions.save(session.asConfirmed());
            }
            if (toConfirm.isEmpty()) {
                return;
            }
            confirm(event.patientId(), event.eventId(),
                    BookedSeries.of(event.planId(), event.protocol(), toConfirm, false, false), now);
            toConfirm.forEach(s -> reminders.schedule(s, event.eventId(), from, now));
        });
    }

    /**
     * A session of a plan the patient was sent a confirmation of, but not in it: a make-up, or a maintenance booster
     * (CLINICAL D-9). One of a plan not confirmed yet belongs to a booking whose TreatmentPlanBooked confirms it (it
     * is written before its sessions).
     */
    void on(SessionScheduled event) {
        processedEvents.once(SessionConsumers.CONSUMER, event.eventId(), () -> {
            Optional<PatientSession> known = sessions.lock(event.sessionId());
            if (known.isPresent() && known.get().confirmed()) {
                return;
            }
            boolean ofConfirmedPlan = sessions.planConfirmed(event.planId());
            PatientSession session = known
                    .orElseGet(() -> PatientSession.unknown(event.sessionId(), event.patientId(), event.planId(),
                            event.number()))
                    .withTimes(event.start(), event.end(), event.occurredAt())
                    .withProtocol(event.protocol());
            if (!ofConfirmedPlan || !session.isScheduled()) {
                sessions.save(session);
                return;
            }
            sessions.save(session.asConfirmed());
            Instant now = clock.instant();
            confirm(event.patientId(), event.eventId(),
                    BookedSeries.of(event.planId(), session.protocol(), List.of(session), !event.booster(),
                            event.booster()), now);
            reminders.schedule(session, event.eventId(), later(event.occurredAt(), now), now);
        });
    }

    private void confirm(UUID patientId, UUID eventId, BookedSeries series, Instant now) {
        notifications.insert(Notification.pending(patientId, NotificationKind.BOOKING_CONFIRMATION, eventId,
                json.writeValueAsString(series), now));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
