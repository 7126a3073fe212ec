package org.clinicops.session.choice;

import org.clinicops.events.ClinicEvent;
import org.clinicops.events.Protocol;
import org.clinicops.session.day.SessionDay;
import org.clinicops.session.day.SessionDays;
import org.clinicops.session.plan.TreatmentPlan;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.protocol.Protocols;
import org.clinicops.session.request.KeyClaims;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.request.JsonBodies;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the prescriber's choice of protocol in one transaction. Checked in this order: the plan exists (404), the body
 * is a JSON object (400), the key's form and the fields (422, every bad field at once); then, with the plan's session
 * rows, the booking lock and the plan's row taken (in the order every session action and booking takes them), a
 * repeat with the same key and body answers the plan as it stands, and the plan decides (same protocol: nothing;
 * treatment begun: 409 {@code PROTOCOL_FIXED}). A change cancels the plan's scheduled sessions, each announced as a
 * clinic's cancellation, and books the new protocol's series with the lead time counted from now, or lets it wait
 * for capacity.
 */
@Service
public class ProtocolChoices {

    private static final Logger log = LoggerFactory.getLogger(ProtocolChoices.class);
    private static final String OPERATION = "treatment-plan-protocol";

    private final TreatmentPlans plans;
    private final Sessions sessions;
    private final SessionDays days;
    private final TreatmentPlanBooking booking;
    private final Protocols protocols;
    private final JsonBodies bodies;
    private final KeyClaims keyClaims;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProtocolChoices(TreatmentPlans plans, Sessions sessions, SessionDays days, TreatmentPlanBooking booking,
                    Protocols protocols, JsonBodies bodies, KeyClaims keyClaims, Outbox outbox,
                    TransactionTemplate transactions, Clock clock) {
        this.plans = plans;
        this.sessions = sessions;
        this.days = days;
        this.booking = booking;
        this.protocols = protocols;
        this.bodies = bodies;
        this.keyClaims = keyClaims;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The plan as it stands after the choice. */
    public TreatmentPlan choose(UUID patientId, byte[] body, String idempotencyKey, String prescriberId) {
        UUID planId = plans.findByPatient(patientId).map(TreatmentPlan::planId)
                .orElseThrow(() -> new NotFoundException("Patient " + patientId + " has no treatment plan"));
        JsonNode request = bodies.readObject(body);
        IdempotencyKeys.checkForm(idempotencyKey);
        Protocol protocol = protocol(request);

        Outcome outcome = transactions.execute(tx -> {
            sessions.lockOfPlan(planId);
            sessions.lockForBooking();
            TreatmentPlan plan = plans.lock(planId).orElseThrow();
            // a plan waiting for capacity may have been booked before the booking lock was ours
            sessions.lockOfPlan(planId);
            Instant now = clock.instant();
            if (keyClaims.repeated(OPERATION, idempotencyKey, Map.of("patientId",
                    StringNode.valueOf(patientId.toString()), "body", request), planId, now, Map.of())) {
                return new Outcome(plan, false);
            }
            Optional<TreatmentPlan> changed = plan.chooseProtocol(protocols.of(protocol), prescriberId,
                    sessions.anyCheckedIn(planId), now);
            if (changed.isEmpty()) {
                return new Outcome(plan, false);
            }
            boolean cancelled = cancelScheduledSessions(planId, protocol, now);
            plans.changeProtocol(changed.get());
            booking.bookOrWait(changed.get(), now, now);
            log.info("Plan {} (patient {}): protocol {} chosen by {} instead of {}", planId, patientId, protocol,
                    prescriberId, plan.protocol());
            return new Outcome(plans.findById(planId).orElseThrow(), cancelled);
        });
        if (outcome.freedChairTime()) {
            // the old series' chair time may fit a plan waiting for capacity (CLINICAL section 6)
            booking.retryPlansWaitingForCapacity();
        }
        return outcome.plan();
    }

    private record Outcome(TreatmentPlan plan, boolean freedChairTime) {
    }

    /** Each scheduled session of the plan cancelled by the clinic, its chair time free; none is made up. */
    private boolean cancelScheduledSessions(UUID planId, Protocol newProtocol, Instant now) {
        boolean any = false;
        for (ScheduledSession session : sessions.ofPlan(planId)) {
            if (session.status() == SessionStatus.SCHEDULED) {
                SessionDay day = days.find(session.sessionId()).orElseThrow();
                day.cancelForProtocolChange(newProtocol, now);
                days.save(day);
                for (ClinicEvent event : day.takeEvents()) {
                    outbox.publish(event, session.sessionId().toString());
                }
                any = true;
            }
        }
        return any;
    }

    /** {@code {"protocol": "ESKETAMINE_NASAL"}}. */
    static Protocol protocol(JsonNode request) {
        return JsonFields.requiredEnum(request, "protocol", Protocol.class);
    }
}
