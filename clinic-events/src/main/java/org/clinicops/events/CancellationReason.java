package org.clinicops.events;

/** Who called a session off before it was dosed. */
public enum CancellationReason {
    PATIENT_REQUEST,
    CLINIC_REQUEST
}
