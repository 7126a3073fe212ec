package org.clinicops.support.security;

/**
 * The roles a token's {@code roles} claim grants (docs/access.md). A token may carry several staff roles and gets
 * the union of their rights; {@link #PARTNER} and {@link #NOTIFICATION_SERVICE} are never combined with another.
 */
public enum Role {
    INTAKE_COORDINATOR,
    NURSE,
    CLINICIAN,
    /** A clinician who may also order doses and override: every right of {@link #CLINICIAN}, and more. */
    PRESCRIBER,
    /** The audit trail; no clinical data. */
    CLINIC_ADMIN,
    /** A referring partner clinic's system: the partner API, for its own clinic's objects only. */
    PARTNER,
    /** Metrics, dead letters, audit-chain verification; no patient data. */
    OPS,
    /** notification-service itself: only the patient-contact endpoint. */
    NOTIFICATION_SERVICE;

    boolean exclusive() {
        return this == PARTNER || this == NOTIFICATION_SERVICE;
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
