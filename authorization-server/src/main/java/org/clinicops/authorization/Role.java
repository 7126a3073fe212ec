package org.clinicops.authorization;

/** The roles a token's {@code roles} claim may carry: the only claim that grants rights in clinic-ops. */
public enum Role {
    INTAKE_COORDINATOR,
    NURSE,
    CLINICIAN,
    PRESCRIBER,
    CLINIC_ADMIN,
    OPS,
    /** A referring partner clinic's system: only its own patients' PHI-free status. */
    PARTNER,
    /** notification-service itself, for the patient contact endpoint. */
    NOTIFICATION_SERVICE;

    /**
     * A partner's or a service's token acts only as that identity: the services refuse any token that carries one of
     * these beside another role, so the issuer never mints one.
     */
    boolean isExclusive() {
        return this == PARTNER || this == NOTIFICATION_SERVICE;
    }
}
