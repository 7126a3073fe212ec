package org.clinicops.notification.aftercare;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.clinicops.notification.template.MailTemplates;
import org.clinicops.notification.template.MessageTimes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;

/** {@code email/day-after-check-in.mustache}: how is the patient the day after a session, side effects to watch for, the crisis line. */
@Component
class DayAfterCheckInTemplate implements MessageTemplate {

    private final NotificationProperties properties;
    private final JsonMapper json;
    private final MailTemplates templates;

    DayAfterCheckInTemplate(NotificationProperties properties, JsonMapper json, MailTemplates templates) {
        this.properties = properties;
        this.json = json;
        this.templates = templates;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.DAY_AFTER_CHECK_IN;
    }

    @Override
    public EmailMessage render(Notification notification, Recipient recipient) {
        SessionVisit visit = json.readValue(notification.content(), SessionVisit.class);
        MessageTimes times = new MessageTimes(properties.clinicZone());
        // the session's time, when this service heard of it
        Map<String, Object> values = new HashMap<>();
        values.put("knownTime", visit.start() != null);
        values.put("day", visit.start() == null ? "" : times.day(visit.start()));
        values.put("time", visit.start() == null ? "" : times.time(visit.start()));
        return templates.render(kind(), recipient, values);
    }
}
