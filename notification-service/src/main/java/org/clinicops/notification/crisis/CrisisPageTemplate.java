package org.clinicops.notification.crisis;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The page to the on-call clinician: which patient and screening, when, and "assess now" (CLINICAL section 5).
 * E-mail is not a place for health data, so it carries ids only: no reasons, scores or links.
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
    public EmailMessage render(Notification notification, Recipient recipient) {
        CrisisReference crisis = json.readValue(notification.content(), CrisisReference.class);
        String text = """
                CRISIS ESCALATION: assess the patient now.

                A screening was escalated as a crisis. Nothing is booked for this patient until a clinician has \
                assessed them and approved.

                Patient:    %s
                Screening:  %s
                Recorded:   %s

                Open the screening in clinic-ops by its id; no clinical details are sent by e-mail.
                The patient is sent the crisis-line message on a channel they consented to; if there is none, you \
                will get a separate task to call the patient.

                %s
                """.formatted(notification.patientId(), crisis.screeningId(),
                WHEN.format(crisis.recordedAt().atZone(properties.clinicZone())), properties.clinicName());
        return new EmailMessage("CRISIS: assess patient " + notification.patientId() + " now", text);
    }
}
