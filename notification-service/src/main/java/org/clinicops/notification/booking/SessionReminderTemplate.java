package org.clinicops.notification.booking;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.clinicops.notification.template.MailTemplates;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The reminder 48 or 24 hours before a session (CLINICAL section 8, {@code email/session-reminder.mustache}): its
 * date and time in the clinic's time zone, fasting per CLINICAL D-1, a ride home and no driving until the next day
 * per D-8, and what to bring. Like the confirmation it names neither the drug, the condition nor any score, and its
 * subject says nothing clinical.
 */
@Component
class SessionReminderTemplate implements MessageTemplate {

    /** "Thursday, November 26 at 9:00 AM", as the subject gives the time. */
    private static final DateTimeFormatter SUBJECT_WHEN =
            DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a", Locale.US);

    private final NotificationProperties properties;
    private final JsonMapper json;
    private final MailTemplates templates;

    SessionReminderTemplate(NotificationProperties properties, JsonMapper json, MailTemplates templates) {
        this.properties = properties;
        this.json = json;
        this.templates = templates;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.SESSION_REMINDER;
    }

    @Override
    public EmailMessage render(Notification notification, Recipient recipient) {
        SessionReminder reminder = json.readValue(notification.content(), SessionReminder.class);
        ZoneId zone = properties.clinicZone();
        Map<String, Object> values = BookingConfirmationTemplate.preparation(reminder.protocol());
        values.put("subjectWhen", SUBJECT_WHEN.format(reminder.start().atZone(zone)));
        values.put("when", BookingConfirmationTemplate.when(reminder.start(), reminder.end(), zone));
        values.put("tomorrow", reminder.hoursBefore() <= 24);
        values.put("daysAhead", reminder.hoursBefore() / 24);
        return templates.render(kind(), recipient, values);
    }
}
