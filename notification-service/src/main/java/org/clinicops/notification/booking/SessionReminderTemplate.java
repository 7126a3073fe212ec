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
 * The reminder 48 or 24 hours before a session (CLINICAL section 8, {@code email/session-reminder.mustache}): its
 * date and time in the clinic's time zone, fasting per CLINICAL D-1, a ride home and no driving until the next day
 * per D-8, and what to bring. Like the confirmation it names neither the drug, the condition nor any score, and its
 * subject says nothing clinical.
 */
@Component
class SessionReminderTemplate implements MessageTemplate {

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
    public Map<String, ?> values(Notification notification) {
        SessionReminder reminder = json.readValue(notification.content(), SessionReminder.class);
        MessageTimes times = new MessageTimes(properties.clinicZone());
        Map<String, Object> values = MessageTimes.preparation(reminder.protocol());
        values.put("day", times.day(reminder.start()));
        values.put("time", times.time(reminder.start()));
        values.put("when", times.chairTime(reminder.start(), reminder.end()));
        values.put("tomorrow", reminder.hoursBefore() <= 24);
        values.put("daysAhead", reminder.hoursBefore() / 24);
        return values;
    }
}
