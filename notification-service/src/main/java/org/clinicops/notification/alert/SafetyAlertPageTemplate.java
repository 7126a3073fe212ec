package org.clinicops.notification.alert;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * {@code email/safety-alert-page.mustache}: the page to the prescriber, ids and the time only, like the crisis page:
 * "see the patient now". No code, reading or threshold in e-mail.
 */
@Component
class SafetyAlertPageTemplate implements MessageTemplate {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, h:mm a zzz", Locale.US);

    private final NotificationProperties properties;
    private final JsonMapper json;

    SafetyAlertPageTemplate(NotificationProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.SAFETY_ALERT_PAGE;
    }

    @Override
    public Map<String, ?> values(Notification notification) {
        SafetyAlertReference alert = json.readValue(notification.content(), SafetyAlertReference.class);
        return Map.of(
                "patientId", notification.patientId(),
                "sessionId", alert.sessionId(),
                "number", alert.number(),
                "alertId", alert.alertId(),
                "takenAt", WHEN.format(alert.takenAt().atZone(properties.clinicZone())));
    }
}
