package org.clinicops.notification.aftercare;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.template.MessageTimes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * The re-screening invitation ({@code rescreening-invitation.mustache}): the first series of appointments is
 * complete, please complete the questionnaires by the due day. It names no result, diagnosis or score.
 */
@Component
class RescreeningInvitationTemplate implements MessageTemplate {

    private final NotificationProperties properties;
    private final JsonMapper json;

    RescreeningInvitationTemplate(NotificationProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.RESCREENING_INVITATION;
    }

    @Override
    public Map<String, ?> values(Notification notification) {
        RescreeningDue due = json.readValue(notification.content(), RescreeningDue.class);
        return Map.of("dueBy", new MessageTimes(properties.clinicZone()).day(due.dueBy()));
    }
}
