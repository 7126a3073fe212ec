package org.clinicops.notification.partner;

import java.util.Arrays;
import java.util.Optional;

/** The catalogue of what a partner clinic may subscribe to; a type is never renamed, a breaking change is a new one. */
public enum PartnerEventType {

    PATIENT_STATUS_CHANGED("patient.status_changed",
            "The partner-visible status of a referred patient changed: ACCEPTED, UNDER_CLINICAL_REVIEW or NOT_ACCEPTED."),
    INDUCTION_BOOKED("induction.booked",
            "The patient's whole induction series was booked: the number of sessions and the first session's date."),
    INDUCTION_WAITING_FOR_CAPACITY("induction.waiting_for_capacity",
            "A treatment plan was made but no capacity fits its induction series yet."),
    SESSION_COMPLETED("session.completed",
            "A session of the patient's plan was completed: how many of the plan's sessions are completed so far.");

    private final String type;
    private final String description;

    PartnerEventType(String type, String description) {
        this.type = type;
        this.description = description;
    }

    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    public static Optional<PartnerEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
