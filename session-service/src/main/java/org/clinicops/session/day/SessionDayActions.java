package org.clinicops.session.day;

import org.clinicops.events.ClinicEvent;
import org.clinicops.session.day.SessionDayRequests.CancelRequest;
import org.clinicops.session.day.SessionDayRequests.CheckInRequest;
import org.clinicops.session.day.SessionDayRequests.DeferRequest;
import org.clinicops.session.day.SessionDayRequests.DischargeRequest;
import org.clinicops.session.day.SessionDayRequests.DoseEndRequest;
import org.clinicops.session.day.SessionDayRequests.DoseOrderRequest;
import org.clinicops.session.day.SessionDayRequests.DoseStartRequest;
import org.clinicops.session.day.SessionDayRequests.EffectsRequest;
import org.clinicops.session.day.SessionDayRequests.VitalsRequest;
import org.clinicops.events.Protocol;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.support.idempotency.IdempotencyKeyReusedException;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.request.JsonBodies;
import org.clinicops.support.web.ConflictException;
import org.clinicops.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs each session-day action in one transaction: the session's row locked, the {@code Idempotency-Key} claimed,
 * the step checked and applied by {@link SessionDay}, the session saved and its events put in the outbox. A refused
 * action rolls back whole: nothing changed, nothing published, the key not claimed.
 */
@Service
public class SessionDayActions {

    private static final String OPERATION = "session-action";

    private final SessionDays days;
    private final JsonBodies bodies;
    private final JsonMapper json;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final TreatmentPlanBooking booking;
    private final Clock clock;

    SessionDayActions(SessionDays days, JsonBodies bodies, JsonMapper json, IdempotencyKeys idempotencyKeys,
                      Outbox outbox, TransactionTemplate transactions, TreatmentPlanBooking booking, Clock clock) {
        this.days = days;
        this.bodies = bodies;
        this.json = json;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.transactions = transactions;
        this.booking = booking;
        this.clock = clock;
    }

    /**
     * Checks in the contract's order: the session exists (404), the body is JSON (400), then the key, then the
     * step's own checks. A repeat with the same key and body records nothing and answers the session as it stands.
     */
    public SessionDay perform(UUID sessionId, SessionAction action, byte[] body, String idempotencyKey) {
        SessionDay done = transactions.execute(tx -> {
            SessionDay day = days.lock(sessionId).orElseThrow(() -> new NotFoundException("No session " + sessionId));
            JsonNode request = read(action, body);
            IdempotencyKeys.checkForm(idempotencyKey);
            Instant now = clock.instant();
            if (idempotencyKey != null && repeated(day, action, request, idempotencyKey, now)) {
                return day;
            }
            apply(day, action, request, now);
            days.save(day);
            for (ClinicEvent event : day.takeEvents()) {
                outbox.publish(event, sessionId.toString());
            }
            return day;
        });
        if (action == SessionAction.CANCEL) {
            // the freed chair time may fit a plan that waits for capacity (CLINICAL section 6)
            booking.retryPlansWaitingForCapacity();
        }
        return done;
    }

    public SessionDay get(UUID sessionId) {
        return days.find(sessionId).orElseThrow(() -> new NotFoundException("No session " + sessionId));
    }

    private JsonNode read(SessionAction action, byte[] body) {
        return switch (action.body()) {
            case REQUIRED -> bodies.readObject(body);
            case OPTIONAL -> body == null || body.length == 0 ? json.createObjectNode() : bodies.readObject(body);
            case IGNORED -> json.createObjectNode();
        };
    }

    private boolean repeated(SessionDay day, SessionAction action, JsonNode request, String key, Instant now) {
        UUID sessionId = day.session().sessionId();
        try {
            return idempotencyKeys.claim(OPERATION, key, Map.of("sessionId", StringNode.valueOf(sessionId.toString()),
                    "action", StringNode.valueOf(action.path()), "body", request), sessionId, now).isPresent();
        } catch (IdempotencyKeyReusedException e) {
            throw new ConflictException("IDEMPOTENCY_KEY_REUSED", "The Idempotency-Key " + key
                    + " was used before for another request; use a new key for a new request.",
                    Map.of("unmet", List.of("IDEMPOTENCY_KEY_REUSED"), "sessionStatus", day.status()));
        }
    }

    private static void apply(SessionDay day, SessionAction action, JsonNode request, Instant now) {
        switch (action) {
            case CHECK_IN -> day.checkIn(CheckInRequest.read(request), now);
            case VITALS -> day.recordVitals(VitalsRequest.read(request), now);
            case EFFECTS -> day.recordEffects(EffectsRequest.read(request), now);
            case DOSE_ORDER -> day.orderDose(DoseOrderRequest.read(request,
                    day.session().protocol() != Protocol.ESKETAMINE_NASAL), now);
            case DOSE_START -> day.startDose(DoseStartRequest.read(request), now);
            case DOSE_END -> day.endDose(DoseEndRequest.read(request), now);
            case DISCHARGE -> day.discharge(DischargeRequest.read(request), now);
            case DEFER -> day.defer(DeferRequest.read(request), now);
            case CANCEL -> day.cancel(CancelRequest.read(request), now);
            case NO_SHOW -> day.recordNoShow(now);
        }
    }
}
