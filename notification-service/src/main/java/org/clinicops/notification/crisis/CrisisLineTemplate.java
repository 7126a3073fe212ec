package org.clinicops.notification.crisis;

import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The clinic's crisis-line message to the patient ({@code email/crisis-line-message.mustache} and its text in
 * {@code sms/}; CLINICAL section 5; the line is configurable, 988 in the US). It says where help is, not what the screening found.
 */
@Component
class CrisisLineTemplate implements MessageTemplate {

    @Override
    public NotificationKind kind() {
        return NotificationKind.CRISIS_LINE_MESSAGE;
    }

    @Override
    public Map<String, ?> values(Notification notification) {
        return Map.of();
    }
}
