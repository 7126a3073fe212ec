package org.clinicops.events;

/**
 * Kafka topic names, in one place. Clinical events whose relative order matters share a topic and the patient-id key.
 */
public final class Topics {

    /** Screening outcomes recorded by intake-service. */
    public static final String SCREENINGS = "clinic.screenings";

    /** Treatment plans and their sessions, from session-service. */
    public static final String SESSIONS = "clinic.sessions";

    /** Audit records of every service, for audit-service to append to the trail. */
    public static final String AUDIT = "clinic.audit";

    /** The audit chain's head, from audit-service, every minute. */
    public static final String AUDIT_HEADS = "clinic.audit-heads";

    private Topics() {
    }
}
