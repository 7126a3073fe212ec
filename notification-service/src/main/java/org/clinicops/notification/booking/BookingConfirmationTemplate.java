package org.clinicops.notification.booking;

import org.clinicops.events.Protocol;
import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.clinicops.notification.template.MailTemplates;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The booking confirmation ({@code email/booking-confirmation.mustache}): every session's date and time in the
 * clinic's time zone, and how to prepare (fasting per CLINICAL D-1, a ride home and no driving until the next day per
 * D-8). It names neither the drug, the condition nor any score (CLINICAL section 8), and its subject says nothing
 * clinical.
 */
@Component
class BookingConfirmationTemplate implements MessageTemplate {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private final NotificationProperties properties;
    private final JsonMapper json;
    private final MailTemplates templates;

    BookingConfirmationTemplate(NotificationProperties properties, JsonMapper json, MailTemplates templates) {
        this.properties = properties;
        this.json = json;
        this.templates = templates;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.BOOKING_CONFIRMATION;
    }

    @Override
    public EmailMessage render(Notification notification, Recipient recipient) {
        BookedSeries series = json.readValue(notification.content(), BookedSeries.class);
        Map<String, Object> values = preparation(series.protocol());
        values.put("sessions", series.sessions().stream()
                .map(s -> Map.of("number", s.number(), "when", when(s.start(), s.end(), properties.clinicZone())))
                .toList());
        return templates.render(kind(), recipient, values);
    }

    /**
     * The values of {@code partials/preparation}: which fasting rule of CLINICAL D-1 applies. IV and IM need 4 hours
     * without food; esketamine 2 hours without food and 30 minutes without drink.
     */
    static Map<String, Object> preparation(Protocol protocol) {
        Map<String, Object> values = new HashMap<>();
        values.put("fourHoursNoFood", protocol != Protocol.ESKETAMINE_NASAL);
        values.put("twoHoursNoFood", protocol == Protocol.ESKETAMINE_NASAL);
        return values;
    }

    /** "Thursday, November 26, 2026, 9:00 AM to 10:55 AM PST": a session's chair time in the clinic's zone. */
    static String when(Instant start, Instant end, ZoneId zone) {
        return DAY.format(start.atZone(zone)) + ", " + TIME.format(start.atZone(zone)) + " to "
                + TIME.format(end.atZone(zone)) + " " + ZONE.format(start.atZone(zone));
    }
}
