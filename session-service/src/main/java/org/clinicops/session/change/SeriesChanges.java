package org.clinicops.session.change;

import org.clinicops.events.SessionRescheduled;
import org.clinicops.events.SessionScheduled;
import org.clinicops.session.booking.ChairBooking;
import org.clinicops.session.booking.Placement;
import org.clinicops.session.booking.SeriesBooker;
import org.clinicops.session.config.SessionProperties;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.protocol.ProtocolDefinition;
import org.clinicops.session.protocol.Protocols;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Changes to a booked series that keep its rules (CLINICAL section 6, D-2): a session moved by staff, and a session
 * made up for one that was deferred, cancelled or missed. Each runs in the caller's transaction under the clinic's
 * booking lock, so it never races a booking, and never moves another patient's session.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class SeriesChanges {

    private static final Logger log = LoggerFactory.getLogger(SeriesChanges.class);

    private final Sessions sessions;
    private final TreatmentPlans plans;
    private final SeriesBooker booker;
    private final Outbox outbox;
    private final Protocols protocols;
    private final Duration leadTime;
    private final Duration turnover;
    private final ZoneId zone;

    SeriesChanges(Sessions sessions, TreatmentPlans plans, SeriesBooker booker, Outbox outbox, Protocols protocols,
                  SessionProperties properties) {
        this.sessions = sessions;
        this.plans = plans;
        this.booker = booker;
        this.outbox = outbox;
        this.protocols = protocols;
        this.leadTime = properties.booking().leadTime();
        this.turnover = properties.clinic().turnover();
        this.zone = properties.clinic().zone();
    }

    /**
     * Moves a scheduled session to {@code start}: inside one day's opening hours on a slot, with the series' spacing
     * and window held by the new date, on the lowest chair serving its route that is free for its chair time. Its old
     * chair time is free again.
     *
     * @throws ConflictException {@code SLOT_NOT_OPEN}, {@code SERIES_RULES_NOT_KEPT} or {@code NO_FREE_CHAIR}
     */
    public ScheduledSession reschedule(ScheduledSession session, Instant start, Instant now) {
        sessions.lockForBooking();
        if (!booker.opensFor(session.protocol(), start)) {
            throw refused("SLOT_NOT_OPEN", "The clinic is not open for the whole "
                    + booker.chairTime(session.protocol()).toMinutes() + " min chair time from " + start
                    + ", or it is not on a slot.");
        }
        List<LocalDate> dates = new ArrayList<>(otherDates(session));
        dates.add(LocalDate.ofInstant(start, zone));
        // a booster keeps no series rule: its interval is the prescriber's aim, and staff may move it (D-9)
        if (!protocols.of(session.protocol()).isBooster(session.number())
                && !booker.keepsRules(session.protocol(), dates)) {
            throw refused("SERIES_RULES_NOT_KEPT", "On " + LocalDate.ofInstant(start, zone) + " the series would"
                    + " break its spacing or window (CLINICAL section 6).");
        }
        Instant end = start.plus(booker.chairTime(session.protocol()));
        List<ChairBooking> taken = sessions.chairTimeTakenBetween(start, end.plus(turnover)).stream()
                .filter(b -> !(b.chairId() == session.chairId() && b.start().equals(session.start())))
                .toList();
        Placement placed = booker.placeAt(session.protocol(), session.number(), start, taken)
                .orElseThrow(() -> refused("NO_FREE_CHAIR", "No chair is free for the whole chair time from "
                        + start + "."));
        sessions.move(session.sessionId(), placed.chairId(), placed.start(), placed.end(), placed.occupiedUntil());
        outbox.publish(new SessionRescheduled(UUID.randomUUID(), now, session.patientId(), session.planId(),
                session.sessionId(), session.number(), session.start(), placed.start(), placed.end(),
                placed.chairId()), session.sessionId().toString());
        log.info("Session {} (plan {}) moved from {} to {} on chair {}", session.sessionId(), session.planId(),
                session.start(), placed.start(), placed.chairId());
        return sessions.findById(session.sessionId()).orElseThrow();
    }

    /**
     * CLINICAL D-2: a deferred, cancelled or missed session is made up by a new session of the same number, from one
     * lead time after now (the patient is told in time), on the earliest day with which the series keeps its spacing
     * and window. Where none fits the plan needs staff, who decide how the series goes on.
     */
    public Optional<ScheduledSession> makeUp(ScheduledSession missed, Instant now) {
        sessions.lockForBooking();
        Instant notBefore = now.plus(leadTime);
        Optional<Placement> placed = booker.placeOne(missed.protocol(), missed.number(), otherDates(missed),
                notBefore, sessions.chairTimeTakenBetween(notBefore, booker.searchWindow(missed.protocol(),
                        notBefore).to()));
        if (placed.isEmpty()) {
            plans.markNeedsStaff(missed.planId());
            log.warn("Session {} of plan {} ({}) cannot be made up within the series' rules; the plan needs staff",
                    missed.number(), missed.planId(), missed.status());
            return Optional.empty();
        }
        Placement p = placed.get();
        ScheduledSession makeUp = new ScheduledSession(UUID.randomUUID(), missed.planId(), missed.patientId(),
                missed.protocol(), missed.number(), p.chairId(), p.start(), p.end(), p.occupiedUntil(),
                SessionStatus.SCHEDULED);
        sessions.insert(makeUp, missed.sessionId());
        outbox.publish(new SessionScheduled(UUID.randomUUID(), now, makeUp.patientId(), makeUp.sessionId(),
                makeUp.planId(), makeUp.protocol(), makeUp.number(), makeUp.start(), makeUp.end(), makeUp.chairId()),
                makeUp.sessionId().toString());
        log.info("Session {} of plan {} ({}) made up on {} chair {}", missed.number(), missed.planId(),
                missed.status(), makeUp.start(), makeUp.chairId());
        return Optional.of(makeUp);
    }

    /** The dates of the plan's other sessions that count in the induction series (boosters do not). */
    private List<LocalDate> otherDates(ScheduledSession session) {
        ProtocolDefinition protocol = protocols.of(session.protocol());
        return sessions.ofPlan(session.planId()).stream()
                .filter(s -> !s.sessionId().equals(session.sessionId()) && s.countsInSeries()
                        && !protocol.isBooster(s.number()))
                .map(s -> LocalDate.ofInstant(s.start(), zone))
                .toList();
    }

    private static ConflictException refused(String code, String detail) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("unmet", List.of(code));
        members.put("sessionStatus", SessionStatus.SCHEDULED);
        return new ConflictException(code, detail, members);
    }
}
