package org.clinicops.events;

/** Kafka topic names, in one place. Events whose relative order matters share a topic and the patient-id key. */
public final class Topics {

    /** Screening outcomes recorded by intake-service. */
    public static final String SCREENINGS = "clinic.screenings";

    /** Treatment plans and their sessions, from session-service. */
    public static final String SESSIONS = "clinic.sessions";

    private Topics() {
    }
}
