package org.clinicops.notification.booking;

import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Notifications;
import org.clinicops.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * A booked induction series gets one booking confirmation for the whole series (CLINICAL section 8), stored in the
 * transaction that records the event as processed; the dispatcher sends it.
 */
@Service
class BookingConfirmations {

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

    @Transactional
    public void on(TreatmentPlanBooked event) {
        if (!processedEvents.firstDelivery(event.eventId(), CONSUMER)) {
            return;
        }
        notifications.insert(Notification.pending(event.patientId(), NotificationKind.BOOKING_CONFIRMATION,
                event.eventId(), json.writeValueAsString(BookedSeries.of(event)), clock.instant()));
    }
}
