package org.clinicops.session.plan;

import org.clinicops.events.Protocol;
import org.clinicops.session.protocol.ProtocolDefinition;
import org.clinicops.support.web.ConflictException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's treatment plan, made from the screening that cleared them for treatment. It decides itself whether its
 * protocol may still change and how an enrollment is recorded.
 *
 * @param indication           what the patient was screened for; null for a plan made before it was kept
 * @param protocol             null while {@link PlanStatus#WAITING_FOR_PROTOCOL}
 * @param offLabel             the protocol is used off-label for the indication (CLINICAL section 6); null without a
 *                             protocol
 * @param outcomeRecordedAt    when the outcome was recorded: the lead time of the first booking counts from it
 * @param protocolChoice       the prescriber's choice of the protocol; null for a default protocol, or none yet
 * @param esketamineEnrollment the patient's enrollment in esketamine's restricted programme; null until recorded
 */
public record TreatmentPlan(UUID planId, UUID patientId, UUID screeningId, String indication, Protocol protocol,
                            Boolean offLabel, PlanStatus status, Instant outcomeRecordedAt, Instant createdAt,
                            ProtocolChoice protocolChoice, EsketamineEnrollment esketamineEnrollment) {

    /** Who chose the plan's protocol, and when. */
    public record ProtocolChoice(String prescriberId, Instant chosenAt) {
    }

    /**
     * @param enrolledOn   the date of the enrollment, as the prescriber states it
     * @param prescriberId who recorded it
     * @param recordedAt   when it was recorded here
     */
    public record EsketamineEnrollment(LocalDate enrolledOn, String prescriberId, Instant recordedAt) {
    }

    /**
     * The prescriber's choice of protocol (CLINICAL section 6). A plan waiting for its protocol gets it; a plan with
     * another protocol changes to it as long as treatment has not begun: no session of the plan has been checked in
     * (a dose needs a check-in first). Either way the plan then waits for its new series to be booked.
     *
     * @param checkedIn whether any session of the plan has been checked in, whatever became of it after
     * @return the plan with the new protocol; empty when it has that protocol already (nothing changes)
     * @throws ConflictException {@code PROTOCOL_FIXED} once treatment has begun
     */
    public Optional<TreatmentPlan> chooseProtocol(ProtocolDefinition chosen, String prescriberId, boolean checkedIn,
                                                  Instant now) {
        if (chosen.protocol() == protocol) {
            return Optional.empty();
        }
        if (checkedIn) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("unmet", List.of("PROTOCOL_FIXED"));
            members.put("protocol", protocol);
            throw new ConflictException("PROTOCOL_FIXED", "Treatment under " + protocol + " has begun: a session of"
                    + " this plan has been checked in, so its protocol no longer changes here.", members);
        }
        return Optional.of(new TreatmentPlan(planId, patientId, screeningId, indication, chosen.protocol(),
                chosen.offLabelFor(indication), PlanStatus.WAITING_FOR_CAPACITY, outcomeRecordedAt, createdAt,
                new ProtocolChoice(prescriberId, now), esketamineEnrollment));
    }

    /**
     * Records the patient's enrollment in esketamine's restricted programme, which an esketamine session needs before
     * check-in. It is recorded once: asked again without a date or with the recorded one, nothing changes.
     *
     * @param enrolledOn the date stated, or null for {@code today}
     * @return the plan with the enrollment; empty when it is recorded already
     * @throws ConflictException {@code ESKETAMINE_ENROLLMENT_RECORDED} when another date is recorded
     */
    public Optional<TreatmentPlan> enrollInEsketamine(LocalDate enrolledOn, LocalDate today, String prescriberId,
                                                      Instant now) {
        if (esketamineEnrollment != null) {
            if (enrolledOn == null || esketamineEnrollment.enrolledOn().equals(enrolledOn)) {
                return Optional.empty();
            }
            throw new ConflictException("ESKETAMINE_ENROLLMENT_RECORDED", "The patient's enrollment on "
                    + esketamineEnrollment.enrolledOn() + ", recorded by " + esketamineEnrollment.prescriberId()
                    + ", stands; it is not replaced.", Map.of("unmet", List.of("ESKETAMINE_ENROLLMENT_RECORDED")));
        }
        return Optional.of(new TreatmentPlan(planId, patientId, screeningId, indication, protocol, offLabel, status,
                outcomeRecordedAt, createdAt, protocolChoice,
                new EsketamineEnrollment(enrolledOn == null ? today : enrolledOn, prescriberId, now)));
    }
}
