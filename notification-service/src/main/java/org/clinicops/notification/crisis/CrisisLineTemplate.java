package org.clinicops.notification.crisis;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.springframework.stereotype.Component;

/**
 * The clinic's crisis-line message to the patient (CLINICAL section 5; the line is configurable, 988 in the US).
 * It says where help is, not what the screening found.
 */
@Component
class CrisisLineTemplate implements MessageTemplate {

    private final NotificationProperties properties;

    CrisisLineTemplate(NotificationProperties properties) {
        this.properties = properties;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.CRISIS_LINE_MESSAGE;
    }

    @Override
    public EmailMessage render(Notification notification, Recipient recipient) {
        String text = """
                %s

                Thank you for completing your screening with %s. A clinician will contact you soon.

                If you are thinking about harming yourself or feel unsafe, help is available right now, day or night:
                %s

                If you are in immediate danger, call your local emergency number.

                %s
                """.formatted(recipient.greeting(), properties.clinicName(), properties.crisisLine(),
                properties.clinicName());
        return new EmailMessage("Support is available at any time", text);
    }
}
