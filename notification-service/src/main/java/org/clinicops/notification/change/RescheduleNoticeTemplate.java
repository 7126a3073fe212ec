package org.clinicops.notification.change;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.template.MessageTimes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** {@code email/reschedule-notice.mustache}: the old time, the new one and how to prepare for it. */
@Component
class RescheduleNoticeTemplate implements MessageTemplate {

    private final NotificationProperties properties;
    private final JsonMapper json;

    RescheduleNoticeTemplate(NotificationProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.RESCHEDULE_NOTICE;
    }

    @Override
    public Map<String, ?> values(Notification notification) {
        SessionChange change = json.readValue(notification.content(), SessionChange.class);
        MessageTimes times = new MessageTimes(properties.clinicZone());
        Map<String, Object> values = MessageTimes.preparation(change.protocol());
        values.put("previousDay", times.day(change.previousStart()));
        values.put("previousTime", times.time(change.previousStart()));
        values.put("when", times.chairTime(change.start(), change.end()));
        values.put("day", times.day(change.start()));
        values.put("time", times.time(change.start()));
        return values;
    }
}
