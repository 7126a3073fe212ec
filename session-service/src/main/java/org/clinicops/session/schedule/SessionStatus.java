package org.clinicops.session.schedule;

/** Where a session stands; more states come with the session day (CLINICAL section 7). */
public enum SessionStatus {
    SCHEDULED
}
