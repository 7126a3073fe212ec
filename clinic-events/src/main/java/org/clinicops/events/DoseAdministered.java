package org.clinicops.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session's dose was given and has ended: the ordered and the given dose (they differ when an infusion was stopped
 * early), and from when the patient may be discharged (CLINICAL D-4, D-8).
 *
 * @param orderedMgPerKg null for esketamine, which is ordered in mg
 * @param overrides      the rules the prescriber overrode, as codes (the reasons are free text and stay in
 *                       session-service)
 */
public record DoseAdministered(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID planId,
        UUID sessionId,
        int number,
        Protocol protocol,
        BigDecimal orderedMgPerKg,
        BigDecimal doseMg,
        BigDecimal givenMg,
        Instant startedAt,
        Instant endedAt,
        Instant earliestDischargeAt,
        String prescriberId,
        List<DoseOverrideRule> overrides) implements ClinicEvent {

    public DoseAdministered {
        overrides = List.copyOf(overrides);
    }
}
