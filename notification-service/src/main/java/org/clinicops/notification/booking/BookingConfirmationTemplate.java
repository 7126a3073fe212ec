package org.clinicops.notification.booking;

import org.clinicops.events.Protocol;
import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The booking confirmation: every session's date and time in the clinic's time zone, and how to prepare (fasting
 * per CLINICAL D-1, a ride home and no driving until the next day per D-8). It names neither the drug, the condition
 * nor any score (CLINICAL section 8), and its subject says nothing clinical.
 */
@Component
class BookingConfirmationTemplate implements MessageTemplate {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

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
    public EmailMessage render(Notification notification, Recipient recipient) {
        BookedSeries series = json.readValue(notification.content(), BookedSeries.class);
        String clinic = properties.clinicName();
        StringBuilder text = new StringBuilder()
                .append(recipient.greeting()).append("\n\n")
                .append("Your appointments at ").append(clinic).append(" are booked:\n\n");
        for (BookedSeries.Session session : series.sessions()) {
            text.append("  ").append(session.number()).append(". ")
                    .append(when(session.start(), session.end(), properties.clinicZone())).append('\n');
        }
        text.append("""

                Please arrive at the start time. The time shown includes checks before your treatment and the time \
                you rest under observation afterwards.

                How to prepare for every appointment:
                  - %s
                  - Arrange for an adult to take you home. You cannot leave on your own after a session.
                  - Do not drive, cycle or operate machinery until the next day.

                Your first appointment includes a consultation with a clinician. Treatment is given only when the \
                clinician has confirmed it is right for you and you have agreed to it.

                To change or cancel an appointment, please contact us.

                If you feel unsafe or are thinking about harming yourself, help is available at any time:
                %s

                %s
                """.formatted(fasting(series.protocol()), properties.crisisLine(), clinic));
        return new EmailMessage("Your appointments are confirmed", text.toString());
    }

    /** CLINICAL D-1: IV and IM need 4 hours without food; esketamine 2 hours without food and 30 minutes without drink. */
    static String fasting(Protocol protocol) {
        return switch (protocol) {
            case IV_KETAMINE_DEPRESSION, IM_KETAMINE -> "Do not eat anything for 4 hours before your appointment.";
            case ESKETAMINE_NASAL -> "Do not eat anything for 2 hours, and do not drink anything for 30 minutes, "
                    + "before your appointment.";
        };
    }

    /** "Thursday, November 26, 2026, 9:00 AM to 10:55 AM PST": a session's chair time in the clinic's zone. */
    static String when(Instant start, Instant end, ZoneId zone) {
        return DAY.format(start.atZone(zone)) + ", " + TIME.format(start.atZone(zone)) + " to "
                + TIME.format(end.atZone(zone)) + " " + ZONE.format(start.atZone(zone));
    }
}
