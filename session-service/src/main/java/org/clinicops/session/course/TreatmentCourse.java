package org.clinicops.session.course;

import org.clinicops.events.SessionScheduled;
import org.clinicops.events.TreatmentPlanRescreeningDue;
import org.clinicops.session.booking.Placement;
import org.clinicops.session.booking.SearchWindow;
import org.clinicops.session.booking.SeriesBooker;
import org.clinicops.session.config.SessionProperties;
import org.clinicops.session.plan.PlanStatus;
import org.clinicops.session.plan.TreatmentPlan;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.protocol.ProtocolDefinition;
import org.clinicops.session.protocol.Protocols;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a discharge means for the course (CLINICAL D-9): the last session of the induction series makes a re-screening
 * due; a booster in maintenance books the next one at the prescriber's interval. Boosters are booked one at a time,
 * each from the date of the last session given, so a late booster moves the ones after it. Runs in the
 * caller's transaction under the clinic's booking lock.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class TreatmentCourse {

    private static final Logger log = LoggerFactory.getLogger(TreatmentCourse.class);
    private static final Set<SessionStatus> OPEN = EnumSet.of(SessionStatus.SCHEDULED, SessionStatus.CHECKED_IN,
            SessionStatus.READY_TO_DOSE, SessionStatus.DOSING, SessionStatus.IN_OBSERVATION);

    private final TreatmentPlans plans;
    private final Sessions sessions;
    private final SeriesBooker booker;
    private final Protocols protocols;
    private final Outbox outbox;
    private final ZoneId zone;

    TreatmentCourse(TreatmentPlans plans, Sessions sessions, SeriesBooker booker, Protocols protocols, Outbox outbox,
                    SessionProperties properties) {
        this.plans = plans;
        this.sessions = sessions;
        this.booker = booker;
        this.protocols = protocols;
        this.outbox = outbox;
        this.zone = properties.clinic().zone();
    }

    /** A session of the plan was discharged at {@code dischargedAt}. */
    public void discharged(ScheduledSession session, Instant dischargedAt, Instant now) {
        ProtocolDefinition protocol = protocols.of(session.protocol());
        sessions.lockForBooking();
        TreatmentPlan plan = plans.lock(session.planId()).orElseThrow();
        if (protocol.isBooster(session.number())) {
            if (plan.status() == PlanStatus.MAINTENANCE) {
                bookNextBooster(plan, now);
            }
            return;
        }
        if (!inductionComplete(plan, protocol)) {
            return;
        }
        plan.completeInduction(LocalDate.ofInstant(dischargedAt, zone)).ifPresent(done -> {
            plans.saveCourse(done);
            outbox.publish(new TreatmentPlanRescreeningDue(UUID.randomUUID(), now, done.patientId(), done.planId(),
                    done.protocol(), done.course().rescreeningDueBy()), done.planId().toString());
            log.info("Plan {} (patient {}) completed its induction series; re-screening due by {}", done.planId(),
                    done.patientId(), done.course().rescreeningDueBy());
        });
    }

    /**
     * Books the plan's next booster, unless one is booked already: the prescriber's interval (or a week, early in
     * esketamine's maintenance) after the last session given, not sooner than one lead time from now. Where none
     * fits within the horizon the plan needs staff.
     */
    public void bookNextBooster(TreatmentPlan plan, Instant now) {
        List<ScheduledSession> all = sessions.ofPlan(plan.planId());
        if (all.stream().anyMatch(s -> OPEN.contains(s.status()))) {
            return;
        }
        ProtocolDefinition protocol = protocols.of(plan.protocol());
        int number = all.stream().mapToInt(ScheduledSession::number).max().orElse(0) + 1;
        int weeks = protocol.maintenance().weeksBefore(number - protocol.induction().sessions(),
                plan.course().booster().weeks());
        LocalDate lastGiven = all.stream().filter(s -> s.status() == SessionStatus.DISCHARGED)
                .map(ScheduledSession::start).max(Comparator.naturalOrder())
                .map(start -> LocalDate.ofInstant(start, zone)).orElse(LocalDate.ofInstant(now, zone));
        book(plan, number, lastGiven.plusWeeks(weeks), now);
    }

    /** A booster that was deferred, cancelled or missed is booked again, as soon as the lead time allows. */
    public void makeUpBooster(ScheduledSession missed, Instant now) {
        sessions.lockForBooking();
        TreatmentPlan plan = plans.lock(missed.planId()).orElseThrow();
        if (plan.status() == PlanStatus.MAINTENANCE) {
            book(plan, missed.number(), LocalDate.ofInstant(now, zone), now);
        }
    }

    private void book(TreatmentPlan plan, int number, LocalDate earliest, Instant now) {
        SearchWindow window = booker.boosterWindow(earliest, now);
        Optional<Placement> placed = booker.placeBooster(plan.protocol(), number, window,
                sessions.chairTimeTakenBetween(window.from(), window.to()));
        if (placed.isEmpty()) {
            plans.markNeedsStaff(plan.planId());
            log.warn("No chair fits booster {} of plan {} from {}; the plan needs staff", number, plan.planId(),
                    earliest);
            return;
        }
        Placement p = placed.get();
        ScheduledSession booster = new ScheduledSession(UUID.randomUUID(), plan.planId(), plan.patientId(),
                plan.protocol(), number, p.chairId(), p.start(), p.end(), p.occupiedUntil(), SessionStatus.SCHEDULED);
        sessions.insert(booster);
        outbox.publish(new SessionScheduled(UUID.randomUUID(), now, booster.patientId(), booster.sessionId(),
                booster.planId(), booster.protocol(), number, booster.start(), booster.end(), booster.chairId(),
                true), booster.sessionId().toString());
        log.info("Booster {} of plan {} booked on {} chair {}", number, plan.planId(), booster.start(),
                booster.chairId());
    }

    /** Every session of the series was given and discharged, and none of them is still to come or under way. */
    private boolean inductionComplete(TreatmentPlan plan, ProtocolDefinition protocol) {
        int seriesLength = protocol.induction().sessions();
        List<ScheduledSession> series = sessions.ofPlan(plan.planId()).stream()
                .filter(s -> !protocol.isBooster(s.number())).toList();
        Set<Integer> given = series.stream().filter(s -> s.status() == SessionStatus.DISCHARGED)
                .map(ScheduledSession::number).collect(Collectors.toSet());
        return given.size() == seriesLength && series.stream().noneMatch(s -> OPEN.contains(s.status()));
    }
}
