package org.clinicops.notification.booking;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The reminder 48 or 24 hours before a session (CLINICAL section 8): its date and time in the clinic's time zone,
 * fasting per CLINICAL D-1, a ride home and no driving until the next day per D-8, and what to bring. Like the
 * confirmation it names neither the drug, the condition nor any score, and its subject says nothing clinical.
 */
@Component
class SessionReminderTemplate implements MessageTemplate {

    private static final DateTimeFormatter SUBJECT_DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);
    private static final DateTimeFormatter SUBJECT_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private final NotificationProperties properties;
    private final JsonMapper json;

    SessionReminderTemplate(NotificationProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.SESSION_REMINDER;
    }

    @Override
    public EmailMessage render(Notification notification, Recipient recipient) {
        SessionReminder reminder = json.readValue(notification.content(), SessionReminder.class);
        ZoneId zone = properties.clinicZone();
        String clinic = properties.clinicName();
        String subject = "Reminder: your appointment on " + SUBJECT_DAY.format(reminder.start().atZone(zone))
                + " at " + SUBJECT_TIME.format(reminder.start().atZone(zone));
        String text = """
                %s

                This is a reminder of your appointment at %s %s:

                  %s

                Please arrive at the start time.

                How to prepare:
                  - %s
                  - Arrange for an adult to take you home. You cannot leave on your own after a session.
                  - Do not drive, cycle or operate machinery until the next day.

                Please bring:
                  - a photo ID
                  - a list of the medicines you take now

                To change or cancel the appointment, please contact us.

                If you feel unsafe or are thinking about harming yourself, help is available at any time:
                %s

                %s
                """.formatted(recipient.greeting(), clinic, reminder.hoursBefore() == 24 ? "tomorrow" : "in 2 days",
                BookingConfirmationTemplate.when(reminder.start(), reminder.end(), zone),
                BookingConfirmationTemplate.fasting(reminder.protocol()), properties.crisisLine(), clinic);
        return new EmailMessage(subject, text);
    }
}
