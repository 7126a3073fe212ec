package org.clinicops.events;

import java.util.UUID;

/**
 * A clinical event: a {@link PublishedEvent} about one patient, keyed by the patient's id so that one patient's events
 * stay in order.
 */
public interface ClinicEvent extends PublishedEvent {

    UUID patientId();

    @Override
    default String key() {
        return patientId().toString();
    }
}
