package org.clinicops.notification.crisis;

import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.clinicops.notification.template.MailTemplates;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * The task for the on-call clinician ({@code email/call-patient-task.mustache}) when the crisis-line message cannot
 * reach the patient: call them (CLINICAL section 5). Ids only, like the page: the reason the message failed is on the
 * patient's notifications in clinic-ops.
 */
@Component
class CallPatientTaskTemplate implements MessageTemplate {

    private final JsonMapper json;
    private final MailTemplates templates;

    CallPatientTaskTemplate(JsonMapper json, MailTemplates templates) {
        this.json = json;
        this.templates = templates;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.CALL_PATIENT_TASK;
    }

    @Override
    public EmailMessage render(Notification notification, Recipient recipient) {
        CrisisReference crisis = json.readValue(notification.content(), CrisisReference.class);
        return templates.render(kind(), recipient, Map.of(
                "patientId", notification.patientId(), "screeningId", crisis.screeningId()));
    }
}
