package org.clinicops.notification.crisis;

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
 * The page to the on-call clinician and, while nobody acknowledges, the backup ({@code email/crisis-page.mustache}):
 * which patient, screening and alert, when, and "assess now" (CLINICAL section 5). E-mail is not a place for health
 * data, so it carries ids only: no reasons, scores or links.
 */
@Component
class CrisisPageTemplate implements MessageTemplate {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, h:mm a zzz", Locale.US);

    private final NotificationProperties properties;
    private final JsonMapper json;

    CrisisPageTemplate(NotificationProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.CRISIS_PAGE;
    }

    @Override
    public Map<String, ?> values(Notification notification) {
        CrisisReference crisis = json.readValue(notification.content(), CrisisReference.class);
        return Map.of(
                "patientId", notification.patientId(),
                "screeningId", crisis.screeningId() == null ? "" : crisis.screeningId().toString(),
                "measureId", crisis.measureId() == null ? "" : crisis.measureId().toString(),
                // a page stored before crises were alerts has none; "" leaves its line out
                "alertId", crisis.alertId() == null ? "" : crisis.alertId().toString(),
                "recordedAt", WHEN.format(crisis.recordedAt().atZone(properties.clinicZone())));
    }
}
