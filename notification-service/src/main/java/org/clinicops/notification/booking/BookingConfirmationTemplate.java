package org.clinicops.notification.booking;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.template.MessageTimes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * The booking confirmation ({@code email/booking-confirmation.mustache}) of a series, of one session made up for
 * another, or of a maintenance booster: every session's date and time in the clinic's time zone, and how to prepare (fasting per CLINICAL D-1, a
 * ride home and no driving until the next day per D-8). It names neither the drug, the condition nor any score
 * (CLINICAL section 8), and its subject says nothing clinical.
 */
@Component
class BookingConfirmationTemplate implements MessageTemplate {

    private final NotificationProperties properties;
    private final JsonMapper json;

    BookingConfirmationTemplate(NotificationProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.BOOKING_CONFIRMATION;
    }

    @Override
    public Map<String, ?> values(Notification notification) {
        BookedSeries series = json.readValue(notification.content(), BookedSeries.class);
        MessageTimes times = new MessageTimes(properties.clinicZone());
        Map<String, Object> values = MessageTimes.preparation(series.protocol());
        values.put("sessions", series.sessions().stream()
                .map(s -> Map.of("number", s.number(), "when", times.chairTime(s.start(), s.end()),
                        "day", times.day(s.start()), "time", times.time(s.start())))
                .toList());
        values.put("makeUp", series.forMakeUp());
        values.put("booster", series.forBooster());
        values.put("series", !series.forMakeUp() && !series.forBooster());
        return values;
    }
}
