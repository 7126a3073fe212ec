package org.clinicops.notification.aftercare;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.template.MessageTimes;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;

/**
 * A message about one session visit, with the session's time when this service heard of it: the day-after check-in
 * ({@code email/day-after-check-in.mustache}: how is the patient, side effects to watch for, the crisis line) and the
 * missed-session follow-up ({@code email/missed-session-follow-up.mustache}: please get in touch to rebook).
 */
class SessionVisitTemplate implements MessageTemplate {

    private final NotificationKind kind;
    private final NotificationProperties properties;
    private final JsonMapper json;

    SessionVisitTemplate(NotificationKind kind, NotificationProperties properties, JsonMapper json) {
        this.kind = kind;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public NotificationKind kind() {
        return kind;
    }

    @Override
    public Map<String, ?> values(Notification notification) {
        SessionVisit visit = json.readValue(notification.content(), SessionVisit.class);
        MessageTimes times = new MessageTimes(properties.clinicZone());
        // the session's time, when this service heard of it
        Map<String, Object> values = new HashMap<>();
        values.put("knownTime", visit.start() != null);
        values.put("day", visit.start() == null ? "" : times.day(visit.start()));
        values.put("time", visit.start() == null ? "" : times.time(visit.start()));
        return values;
    }
}
