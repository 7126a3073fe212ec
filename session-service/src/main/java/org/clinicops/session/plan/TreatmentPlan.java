package org.clinicops.session.plan;

import org.clinicops.events.Protocol;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient's treatment plan, made from the screening that found them eligible.
 *
 * @param offLabel          the protocol is used off-label for the patient's indication (CLINICAL section 6)
 * @param outcomeRecordedAt when the outcome was recorded: the lead time counts from it
 */
public record TreatmentPlan(UUID planId, UUID patientId, UUID screeningId, Protocol protocol, boolean offLabel,
                            PlanStatus status, Instant outcomeRecordedAt, Instant createdAt) {
}
