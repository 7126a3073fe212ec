package org.clinicops.notification.crisis;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The task for the on-call clinician when the crisis-line message cannot reach the patient: call them (CLINICAL
 * section 5). Ids only, like the page: the reason the message failed is on the patient's notifications in clinic-ops.
 */
@Component
class CallPatientTaskTemplate implements MessageTemplate {

    private final NotificationProperties properties;
    private final JsonMapper json;

    CallPatientTaskTemplate(NotificationProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.CALL_PATIENT_TASK;
    }

    @Override
    public EmailMessage render(Notification notification, Recipient recipient) {
        CrisisReference crisis = json.readValue(notification.content(), CrisisReference.class);
        String text = """
                CALL THE PATIENT: the crisis-line message could not reach them.

                A screening was escalated as a crisis, and the patient has no channel the clinic may use for the \\
                crisis-line message. Call the patient now and give them the crisis line: %s

                Patient:    %s
                Screening:  %s

                Their phone number is on the patient's record in clinic-ops; no contact details are sent by e-mail.

                %s
                """.formatted(properties.crisisLine(), notification.patientId(), crisis.screeningId(),
                properties.clinicName());
        return new EmailMessage("CALL patient " + notification.patientId() + " now: crisis line not delivered", text);
    }
}
