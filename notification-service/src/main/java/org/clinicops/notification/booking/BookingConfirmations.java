package org.clinicops.notification.booking;

import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Notifications;
import org.clinicops.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;

/**
 * A booked induction series gets one booking confirmation for the whole series and a reminder 48 hours and 24 hours
 * before each session (CLINICAL section 8), all stored in the transaction that records the event as processed; the
 * dispatcher sends the confirmation at once and each reminder when it is due.
 */
@Service
class BookingConfirmations {

    /** The name of the consumer function (see {@link SessionConsumers}), under which the inbox records events. */
    static final String CONSUMER = "sendBookingConfirmation";

    private final ProcessedEvents processedEvents;
    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    BookingConfirmations(ProcessedEvents processedEvents, Notifications notifications, JsonMapper json, Clock clock) {
        this.processedEvents = processedEvents;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    public void on(TreatmentPlanBooked event) {
        processedEvents.once(CONSUMER, event.eventId(), () -> {
            Instant now = clock.instant();
            notifications.insert(Notification.pending(event.patientId(), NotificationKind.BOOKING_CONFIRMATION,
                    event.eventId(), json.writeValueAsString(BookedSeries.of(event)), now));
            // CLINICAL section 6: a reminder whose time has passed at booking is skipped, not sent late
            Instant bookedAt = event.occurredAt().isAfter(now) ? event.occurredAt() : now;
            for (TreatmentPlanBooked.BookedSession session : event.sessions()) {
                for (int hoursBefore : SessionReminder.HOURS_BEFORE) {
                    SessionReminder reminder = SessionReminder.of(event, session, hoursBefore);
                    if (reminder.due().isBefore(bookedAt)) {
                        continue;
                    }
                    notifications.insert(Notification.pendingUntil(event.patientId(),
                                    NotificationKind.SESSION_REMINDER, event.eventId(),
                                    json.writeValueAsString(reminder), now, reminder.due()),
                            SessionReminder.dedupeKey(session, hoursBefore), reminder.expires());
                }
            }
        });
    }
}
