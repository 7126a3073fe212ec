package org.clinicops.notification.change;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.template.MessageTimes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** {@code email/cancellation-notice.mustache}: which appointment does not take place; never why. */
@Component
class CancellationNoticeTemplate implements MessageTemplate {

    private final NotificationProperties properties;
    private final JsonMapper json;

    CancellationNoticeTemplate(NotificationProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.CANCELLATION_NOTICE;
    }

    @Override
    public Map<String, ?> values(Notification notification) {
        SessionCancellation cancellation = json.readValue(notification.content(), SessionCancellation.class);
        MessageTimes times = new MessageTimes(properties.clinicZone());
        return Map.of(
                "day", times.day(cancellation.start()),
                "time", times.time(cancellation.start()),
                "deferred", cancellation.deferred());
    }
}
