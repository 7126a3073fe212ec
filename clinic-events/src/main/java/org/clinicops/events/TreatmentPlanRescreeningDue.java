package org.clinicops.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The last session of a plan's induction series was discharged: a re-screening is due (CLINICAL D-9), and its
 * progress decides whether maintenance follows. notification-service invites the patient to it.
 *
 * @param dueBy the last day, in the clinic's time zone, on which the re-screening is due: 7 days after the discharge
 */
public record TreatmentPlanRescreeningDue(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID planId,
        Protocol protocol,
        LocalDate dueBy) implements ClinicEvent {
}
