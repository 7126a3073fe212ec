package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A reading or an observation during a session crossed a D-6 threshold: the prescriber is paged (CLINICAL D-6).
 *
 * @param value        the reading's number; null for a serious adverse event
 * @param threshold    the limit it crossed; null for a serious adverse event
 * @param takenAt      when the reading was taken (or the effects observed)
 * @param prescriberId the prescriber of the session's current dose order; null before there is one
 */
public record SafetyAlertRaised(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID planId,
        UUID sessionId,
        int number,
        UUID alertId,
        SafetyAlertCode code,
        Integer value,
        Integer threshold,
        Instant takenAt,
        String prescriberId) implements ClinicEvent {
}
