package org.clinicops.notification.crisis;

import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.clinicops.notification.template.MailTemplates;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The clinic's crisis-line message to the patient ({@code email/crisis-line-message.mustache}; CLINICAL section 5;
 * the line is configurable, 988 in the US). It says where help is, not what the screening found.
 */
@Component
class CrisisLineTemplate implements MessageTemplate {

    private final MailTemplates templates;

    CrisisLineTemplate(MailTemplates templates) {
        this.templates = templates;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.CRISIS_LINE_MESSAGE;
    }

    @Override
    public EmailMessage render(Notification notification, Recipient recipient) {
        return templates.render(kind(), recipient, Map.of());
    }
}
