package org.clinicops.session.day;

import org.clinicops.events.ClinicEvent;
import org.clinicops.session.change.SeriesChanges;
import org.clinicops.session.course.TreatmentCourse;
import org.clinicops.session.day.SessionDayRequests.CancelRequest;
import org.clinicops.session.day.SessionDayRequests.CheckInRequest;
import org.clinicops.session.day.SessionDayRequests.DeferRequest;
import org.clinicops.session.day.SessionDayRequests.DischargeRequest;
import org.clinicops.session.day.SessionDayRequests.DoseEndRequest;
import org.clinicops.session.day.SessionDayRequests.DoseOrderRequest;
import org.clinicops.session.day.SessionDayRequests.DoseStartRequest;
import org.clinicops.session.day.SessionDayRequests.EffectsRequest;
import org.clinicops.session.day.SessionDayRequests.RescheduleRequest;
import org.clinicops.session.day.SessionDayRequests.VitalsRequest;
import org.clinicops.session.monitoring.MonitoringForms;
import org.clinicops.session.plan.TreatmentPlanBooking;
import org.clinicops.session.protocol.Protocols;
import org.clinicops.session.request.KeyClaims;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.security.Caller;
import org.clinicops.support.request.JsonBodies;
import org.clinicops.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Runs each change of a session in one transaction: the session's row locked, the {@code Idempotency-Key} claimed,
 * the step checked and applied by {@link SessionDay} (or, for a move, by {@link SeriesChanges}), the session saved,
 * its events put in the outbox, a session that ended undosed made up, and after a discharge from esketamine the
 * monitoring form its restricted programme needs made due, and the course moved on (a complete series makes the
 * re-screening due; a booster books the next). A refused change rolls back whole: nothing changed, nothing
 * published, the key not claimed.
 */
@Service
public class SessionDayActions {

    private static final String OPERATION = "session-action";
    private static final String RESCHEDULE = "reschedule";

    private final SessionDays days;
    private final JsonBodies bodies;
    private final JsonMapper json;
    private final KeyClaims keyClaims;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final TreatmentPlanBooking booking;
    private final SeriesChanges seriesChanges;
    private final MonitoringForms monitoringForms;
    private final TreatmentCourse course;
    private final Protocols protocols;
    private final Clock clock;

    SessionDayActions(SessionDays days, JsonBodies bodies, JsonMapper json, KeyClaims keyClaims,
                      Outbox outbox, TransactionTemplate transactions, TreatmentPlanBooking booking,
                      SeriesChanges seriesChanges, MonitoringForms monitoringForms, TreatmentCourse course,
                      Protocols protocols, Clock clock) {
        this.days = days;
        this.bodies = bodies;
        this.json = json;
        this.keyClaims = keyClaims;
        this.outbox = outbox;
        this.transactions = transactions;
        this.booking = booking;
        this.seriesChanges = seriesChanges;
        this.monitoringForms = monitoringForms;
        this.course = course;
        this.protocols = protocols;
        this.clock = clock;
    }

    /** One of the session day's actions (check-in to no-show), by {@code caller} (the dose order's prescriber). */
    public SessionDay perform(UUID sessionId, SessionAction action, byte[] body, String idempotencyKey,
                              Caller caller) {
        SessionDay done = run(sessionId, action.path(), read(action.body(), body), idempotencyKey,
                (day, request, now) -> {
                    apply(day, action, request, now, caller);
                    if (action == SessionAction.DISCHARGE && day.monitoringFormDue()) {
                        monitoringForms.due(day.session(), day.record().discharge().dischargedAt());
                    }
                });
        if (action == SessionAction.CANCEL) {
            freedChairTime();
        }
        return done;
    }

    /** Moves a scheduled session to another time of its series ({@code {"start": "…"}}). */
    public SessionDay reschedule(UUID sessionId, byte[] body, String idempotencyKey) {
        SessionDay done = run(sessionId, RESCHEDULE, read(SessionAction.Body.REQUIRED, body), idempotencyKey,
                (day, request, now) -> {
                    RescheduleRequest reschedule = RescheduleRequest.read(request);
                    day.checkReschedule(reschedule, now);
                    seriesChanges.reschedule(day.session(), reschedule.start(), now);
                });
        freedChairTime();
        return done;
    }

    public SessionDay get(UUID sessionId) {
        return days.find(sessionId).orElseThrow(() -> new NotFoundException("No session " + sessionId));
    }

    private interface Change {
        void apply(SessionDay day, JsonNode request, Instant now);
    }

    /**
     * Checks in the contract's order: the session exists (404), the body is JSON (400, read lazily so the 404 comes
     * first), then the key, then the change's own checks. A repeat with the same key and body records nothing and
     * answers the session as it stands.
     */
    private SessionDay run(UUID sessionId, String action, BodyReader body, String idempotencyKey, Change change) {
        return transactions.execute(tx -> {
            SessionDay day = days.lock(sessionId).orElseThrow(() -> new NotFoundException("No session " + sessionId));
            JsonNode request = body.read();
            IdempotencyKeys.checkForm(idempotencyKey);
            Instant now = clock.instant();
            if (repeated(day, action, request, idempotencyKey, now)) {
                return day;
            }
            change.apply(day, request, now);
            days.save(day);
            for (ClinicEvent event : day.takeEvents()) {
                outbox.publish(event, sessionId.toString());
            }
            SessionDay saved = days.find(sessionId).orElseThrow();
            if (saved.status() == SessionStatus.DISCHARGED) {
                course.discharged(saved.session(), saved.record().discharge().dischargedAt(), now);
            }
            if (saved.endedUndosed()) {
                if (protocols.of(saved.session().protocol()).isBooster(saved.session().number())) {
                    course.makeUpBooster(saved.session(), now);
                } else {
                    seriesChanges.makeUp(saved.session(), now);
                }
            }
            return saved;
        });
    }

    private interface BodyReader {
        JsonNode read();
    }

    private BodyReader read(SessionAction.Body kind, byte[] body) {
        return switch (kind) {
            case REQUIRED -> () -> bodies.readObject(body);
            case OPTIONAL -> () -> body == null || body.length == 0 ? json.createObjectNode() : bodies.readObject(body);
            case IGNORED -> json::createObjectNode;
        };
    }

    /** The freed chair time may fit a plan that waits for capacity (CLINICAL section 6). */
    private void freedChairTime() {
        booking.retryPlansWaitingForCapacity();
    }

    private boolean repeated(SessionDay day, String action, JsonNode request, String key, Instant now) {
        UUID sessionId = day.session().sessionId();
        return keyClaims.repeated(OPERATION, key, Map.of("sessionId", StringNode.valueOf(sessionId.toString()),
                "action", StringNode.valueOf(action), "body", request), sessionId, now,
                Map.of("sessionStatus", day.status()));
    }

    private static void apply(SessionDay day, SessionAction action, JsonNode request, Instant now, Caller caller) {
        switch (action) {
            case CHECK_IN -> day.checkIn(CheckInRequest.read(request), now);
            case VITALS -> day.recordVitals(VitalsRequest.read(request), now);
            case EFFECTS -> day.recordEffects(EffectsRequest.read(request), now);
            case DOSE_ORDER -> day.orderDose(DoseOrderRequest.read(request, day.ordersByWeight(), caller.id()), now);
            case DOSE_START -> day.startDose(DoseStartRequest.read(request), now);
            case DOSE_END -> day.endDose(DoseEndRequest.read(request), now);
            case DISCHARGE -> day.discharge(DischargeRequest.read(request), now);
            case DEFER -> day.defer(DeferRequest.read(request), now);
            case CANCEL -> day.cancel(CancelRequest.read(request), now);
            case NO_SHOW -> day.recordNoShow(now);
        }
    }
}
