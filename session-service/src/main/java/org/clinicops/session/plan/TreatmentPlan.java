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
 * @param course               what followed the induction series (CLINICAL D-9); {@link Course#INDUCTION} until then
 */
public record TreatmentPlan(UUID planId, UUID patientId, UUID screeningId, String indication, Protocol protocol,
                            Boolean offLabel, PlanStatus status, Instant outcomeRecordedAt, Instant createdAt,
                            ProtocolChoice protocolChoice, EsketamineEnrollment esketamineEnrollment, Course course) {

    /** CLINICAL D-9: the re-screening is due within this many days of the series' last session. */
    private static final int RESCREENING_DAYS = 7;

    /** A new plan, in its induction series. */
    public TreatmentPlan(UUID planId, UUID patientId, UUID screeningId, String indication, Protocol protocol,
                         Boolean offLabel, PlanStatus status, Instant outcomeRecordedAt, Instant createdAt,
                         ProtocolChoice protocolChoice, EsketamineEnrollment esketamineEnrollment) {
        this(planId, patientId, screeningId, indication, protocol, offLabel, status, outcomeRecordedAt, createdAt,
                protocolChoice, esketamineEnrollment, Course.INDUCTION);
    }

    /**
     * The course after the induction series (CLINICAL D-9), each part null until it happens.
     *
     * @param rescreeningDueBy the last day (clinic's date) of the re-screening due after the series
     * @param rescreening      the re-screening that decided what follows the series
     * @param review           the clinician's decision on a plan whose re-screening showed no response
     * @param booster          the prescriber's booster interval for maintenance
     * @param closure          why and by whom the plan was closed
     */
    public record Course(LocalDate rescreeningDueBy, Rescreening rescreening, Review review, BoosterInterval booster,
                         Closure closure) {

        public static final Course INDUCTION = new Course(null, null, null, null, null);
    }

    /** @param response the patient responds (CLINICAL D-9) and the re-screening found them ELIGIBLE */
    public record Rescreening(UUID screeningId, boolean response) {
    }

    public record Review(CourseDecision decision, String clinicianId, Instant reviewedAt) {
    }

    public record BoosterInterval(int weeks, String prescriberId) {
    }

    public record Closure(PlanClosure reason, String closedBy, Instant closedAt) {
    }

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
                new ProtocolChoice(prescriberId, now), esketamineEnrollment, course));
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
                new EsketamineEnrollment(enrolledOn == null ? today : enrolledOn, prescriberId, now), course));
    }

    /**
     * CLINICAL D-9: the last session of the induction series was discharged on {@code dischargedOn}, so a
     * re-screening is due within 7 days. Only a BOOKED plan gets there: one that needs staff has a series still open.
     */
    public Optional<TreatmentPlan> completeInduction(LocalDate dischargedOn) {
        if (status != PlanStatus.BOOKED) {
            return Optional.empty();
        }
        return Optional.of(with(PlanStatus.RESCREENING_DUE, new Course(dischargedOn.plusDays(RESCREENING_DAYS),
                null, null, null, null)));
    }

    /**
     * CLINICAL D-9: the re-screening due after the series decides. A response (on an ELIGIBLE re-screening) lets the
     * prescriber set the booster interval; no response, or any other outcome, sends the plan to a clinician's review
     * before anything more is booked. A re-screening at any other point of the course leaves the plan as it is.
     */
    public Optional<TreatmentPlan> rescreened(UUID rescreeningId, boolean response) {
        if (status != PlanStatus.RESCREENING_DUE) {
            return Optional.empty();
        }
        return Optional.of(with(response ? PlanStatus.WAITING_FOR_BOOSTER_INTERVAL : PlanStatus.WAITING_FOR_REVIEW,
                new Course(course.rescreeningDueBy(), new Rescreening(rescreeningId, response), null, null, null)));
    }

    /**
     * A clinician's decision on a plan whose re-screening showed no response: continue to maintenance (the
     * prescriber then sets the booster interval) or stop (the plan closes).
     *
     * @throws ConflictException {@code PLAN_NOT_WAITING_FOR_REVIEW} at any other point of the course
     */
    public TreatmentPlan review(CourseDecision decision, String clinicianId, Instant now) {
        if (status != PlanStatus.WAITING_FOR_REVIEW) {
            throw notAt("PLAN_NOT_WAITING_FOR_REVIEW", "Only a plan whose re-screening after the induction series"
                    + " needs a clinician's review takes a review decision.");
        }
        Course reviewed = new Course(course.rescreeningDueBy(), course.rescreening(),
                new Review(decision, clinicianId, now), null, null);
        return decision == CourseDecision.CONTINUE
                ? with(PlanStatus.WAITING_FOR_BOOSTER_INTERVAL, reviewed)
                : with(PlanStatus.CLOSED, new Course(reviewed.rescreeningDueBy(), reviewed.rescreening(),
                reviewed.review(), null, new Closure(PlanClosure.NO_RESPONSE, clinicianId, now)));
    }

    /**
     * The prescriber's booster interval: a plan cleared for maintenance enters it, and a plan in maintenance books
     * its later boosters by the new interval. The caller has checked the interval against the protocol.
     *
     * @throws ConflictException {@code MAINTENANCE_NOT_DUE} before the course has reached maintenance, or after it
     */
    public TreatmentPlan setBoosterInterval(int weeks, String prescriberId) {
        if (status != PlanStatus.WAITING_FOR_BOOSTER_INTERVAL && status != PlanStatus.MAINTENANCE) {
            throw notAt("MAINTENANCE_NOT_DUE", "Boosters follow a re-screening with a response, or a clinician's"
                    + " decision to continue, after the induction series (CLINICAL D-9).");
        }
        return with(PlanStatus.MAINTENANCE, new Course(course.rescreeningDueBy(), course.rescreening(),
                course.review(), new BoosterInterval(weeks, prescriberId), null));
    }

    /**
     * Closes the plan: nothing more is booked for it. Closing a closed plan changes nothing.
     */
    public Optional<TreatmentPlan> close(PlanClosure reason, String closedBy, Instant now) {
        if (status == PlanStatus.CLOSED) {
            return Optional.empty();
        }
        return Optional.of(with(PlanStatus.CLOSED, new Course(course.rescreeningDueBy(), course.rescreening(),
                course.review(), course.booster(), new Closure(reason, closedBy, now))));
    }

    private TreatmentPlan with(PlanStatus newStatus, Course newCourse) {
        return new TreatmentPlan(planId, patientId, screeningId, indication, protocol, offLabel, newStatus,
                outcomeRecordedAt, createdAt, protocolChoice, esketamineEnrollment, newCourse);
    }

    private ConflictException notAt(String code, String detail) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("unmet", List.of(code));
        members.put("planStatus", status);
        return new ConflictException(code, detail + " The plan is " + status + ".", members);
    }
}
