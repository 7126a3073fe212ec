package org.clinicops.notification.crisis;

import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
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

    CallPatientTaskTemplate(JsonMapper json) {
        this.json = json;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.CALL_PATIENT_TASK;
    }

    @Override
    public Map<String, ?> values(Notification notification) {
        CrisisReference crisis = json.readValue(notification.content(), CrisisReference.class);
        return Map.of(
                "patientId", notification.patientId(),
                "screeningId", crisis.screeningId() == null ? "" : crisis.screeningId().toString(),
                "measureId", crisis.measureId() == null ? "" : crisis.measureId().toString());
    }
}
