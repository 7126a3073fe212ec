package org.clinicops.session.course;

import org.clinicops.events.ClinicEvent;
import org.clinicops.events.Protocol;
import org.clinicops.session.day.SessionDay;
import org.clinicops.session.day.SessionDays;
import org.clinicops.session.plan.CourseDecision;
import org.clinicops.session.plan.PlanClosure;
import org.clinicops.session.plan.TreatmentPlan;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.protocol.Maintenance;
import org.clinicops.session.protocol.Protocols;
import org.clinicops.session.request.KeyClaims;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.request.JsonBodies;
import org.clinicops.support.request.JsonField;
import org.clinicops.support.request.JsonFields;
import org.clinicops.support.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Staff's decisions on the course after the induction series (CLINICAL D-9): a clinician's review of a plan without a
 * response, the prescriber's booster interval, and the closing of a plan. Checked in this order: the plan exists
 * (404), the body is a JSON object (400), the key's form and the fields (422, every bad field at once); then, with the
 * plan's session rows, the booking lock and the plan's row taken (the order every booking takes them), a repeat with
 * the same key and body answers the plan as it stands, and the plan decides (409 with a code).
 */
@Service
public class CourseChanges {

    private static final Logger log = LoggerFactory.getLogger(CourseChanges.class);

    private final TreatmentPlans plans;
    private final Sessions sessions;
    private final SessionDays days;
    private final Protocols protocols;
    private final TreatmentCourse course;
    private final TreatmentPlanBooking booking;
    private final JsonBodies bodies;
    private final KeyClaims keyClaims;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CourseChanges(TreatmentPlans plans, Sessions sessions, SessionDays days, Protocols protocols,
                  TreatmentCourse course, TreatmentPlanBooking booking, JsonBodies bodies, KeyClaims keyClaims,
                  Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.plans = plans;
        this.sessions = sessions;
        this.days = days;
        this.protocols = protocols;
        this.course = course;
        this.booking = booking;
        this.bodies = bodies;
        this.keyClaims = keyClaims;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** {@code {"decision": "CONTINUE" | "STOP"}}, decided by {@code clinicianId}. */
    public TreatmentPlan review(UUID patientId, byte[] body, String idempotencyKey, String clinicianId) {
        TreatmentPlan found = find(patientId);
        JsonNode request = bodies.readObject(body);
        IdempotencyKeys.checkForm(idempotencyKey);
        CourseDecision decision = decision(request);
        TreatmentPlan reviewed = change("treatment-plan-review", found, request, idempotencyKey, (plan, now) -> {
            TreatmentPlan decided = plan.review(decision, clinicianId, now);
            plans.saveCourse(decided);
            if (decision == CourseDecision.STOP) {
                cancelScheduledSessions(decided, now);
            }
            log.info("Plan {} (patient {}) reviewed by {}: {}", plan.planId(), patientId, clinicianId, decision);
        });
        if (decision == CourseDecision.STOP) {
            booking.retryPlansWaitingForCapacity();
        }
        return reviewed;
    }

    /**
     * {@code {"boosterIntervalWeeks": 4}}, set by {@code prescriberId}: the plan enters maintenance and its next
     * booster is booked, or, in maintenance, later boosters follow the new interval. The interval is the protocol's
     * (IV and IM 2-6 weeks, esketamine 1-2).
     */
    public TreatmentPlan setBoosterInterval(UUID patientId, byte[] body, String idempotencyKey,
                                            String prescriberId) {
        TreatmentPlan found = find(patientId);
        JsonNode request = bodies.readObject(body);
        IdempotencyKeys.checkForm(idempotencyKey);
        int weeks = boosterIntervalWeeks(request, found.protocol() == null ? null
                : protocols.of(found.protocol()).maintenance(), found.protocol());
        return change("treatment-plan-maintenance", found, request, idempotencyKey, (plan, now) -> {
            TreatmentPlan inMaintenance = plan.setBoosterInterval(weeks, prescriberId);
            plans.saveCourse(inMaintenance);
            course.bookNextBooster(inMaintenance, now);
            log.info("Plan {} (patient {}): boosters every {} weeks, set by {}", plan.planId(), patientId, weeks,
                    prescriberId);
        });
    }

    /**
     * {@code {"reason": "PATIENT_REQUEST"}}, by {@code closedBy}: nothing more is booked; each scheduled session
     * is called off and its chair time freed. Closing a closed plan changes nothing.
     */
    public TreatmentPlan close(UUID patientId, byte[] body, String idempotencyKey, String closedBy) {
        TreatmentPlan found = find(patientId);
        JsonNode request = bodies.readObject(body);
        IdempotencyKeys.checkForm(idempotencyKey);
        PlanClosure reason = closure(request);
        TreatmentPlan closed = change("treatment-plan-close", found, request, idempotencyKey, (plan, now) ->
                plan.close(reason, closedBy, now).ifPresent(done -> {
                    plans.saveCourse(done);
                    cancelScheduledSessions(done, now);
                    log.info("Plan {} (patient {}) closed by {}: {}", plan.planId(), patientId, closedBy, reason);
                }));
        booking.retryPlansWaitingForCapacity();
        return closed;
    }

    /** {@code {"decision": "CONTINUE" | "STOP"}}. */
    static CourseDecision decision(JsonNode request) {
        return JsonFields.requiredEnum(request, "decision", CourseDecision.class);
    }

    /**
     * {@code {"boosterIntervalWeeks": 4}}: 1 to 52 weeks, and within the plan's protocol's range when it has one
     * ({@code maintenance} null for none).
     */
    static int boosterIntervalWeeks(JsonNode request, Maintenance maintenance, Protocol protocol) {
        JsonFields fields = new JsonFields(request);
        JsonField weeksField = fields.field("boosterIntervalWeeks");
        Integer weeks = weeksField.requiredInteger(1, 52);
        if (weeks != null && maintenance != null && !maintenance.allowsInterval(weeks)) {
            weeksField.reject("must be from " + maintenance.minIntervalWeeks() + " to "
                    + maintenance.maxIntervalWeeks() + " weeks for " + protocol);
        }
        fields.throwIfInvalid();
        return weeks;
    }

    /** {@code {"reason": "PATIENT_REQUEST"}}. */
    static PlanClosure closure(JsonNode request) {
        return JsonFields.requiredEnum(request, "reason", PlanClosure.class);
    }

    /** What a decision does to the locked plan; the plan is read back afterwards, as stored. */
    private interface Change {
        void apply(TreatmentPlan plan, Instant now);
    }

    private TreatmentPlan change(String operation, TreatmentPlan found, JsonNode request, String idempotencyKey,
                                 Change change) {
        UUID planId = found.planId();
        return transactions.execute(tx -> {
            sessions.lockOfPlan(planId);
            sessions.lockForBooking();
            TreatmentPlan plan = plans.lock(planId).orElseThrow();
            Instant now = clock.instant();
            if (keyClaims.repeated(operation, idempotencyKey, Map.of("patientId",
                    StringNode.valueOf(plan.patientId().toString()), "body", request), planId, now, Map.of())) {
                return plan;
            }
            change.apply(plan, now);
            return plans.findById(planId).orElseThrow();
        });
    }

    private TreatmentPlan find(UUID patientId) {
        return plans.findByPatient(patientId)
                .orElseThrow(() -> new NotFoundException("Patient " + patientId + " has no treatment plan"));
    }

    private void cancelScheduledSessions(TreatmentPlan closed, Instant now) {
        boolean patientRequest = closed.course().closure().reason() == PlanClosure.PATIENT_REQUEST;
        for (ScheduledSession session : sessions.ofPlan(closed.planId())) {
            if (session.status() == SessionStatus.SCHEDULED) {
                SessionDay day = days.find(session.sessionId()).orElseThrow();
                day.cancelForClosedPlan(patientRequest, now);
                days.save(day);
                for (ClinicEvent event : day.takeEvents()) {
                    outbox.publish(event, session.sessionId().toString());
                }
            }
        }
    }
}
