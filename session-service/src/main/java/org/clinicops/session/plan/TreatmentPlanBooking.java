package org.clinicops.session.plan;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.clinicops.events.ReviewDecision;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.ScreeningReviewed;
import org.clinicops.events.SessionScheduled;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.events.TreatmentPlanWaitingForCapacity;
import org.clinicops.session.booking.Placement;
import org.clinicops.session.booking.SearchWindow;
import org.clinicops.session.booking.SeriesBooker;
import org.clinicops.session.protocol.ProtocolDefinition;
import org.clinicops.session.protocol.Protocols;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.messaging.ProcessedEvents;
import org.clinicops.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reacts to a screening cleared for treatment, an ELIGIBLE outcome or a clinician's approval: the patient gets a
 * treatment plan and its whole induction series booked (CLINICAL section 5), or the plan waits for capacity. An
 * indication without a default protocol gets a plan that waits for the prescriber's choice and books nothing.
 * <p>
 * One transaction records the event as processed, stores the plan and its sessions, and puts the events announcing
 * them in the outbox, so a redelivered event changes nothing and nothing is ever half-booked. Bookings of all
 * instances serialize on a PostgreSQL advisory lock held to the end of the transaction; should two bookings still
 * collide, the sessions table's exclusion constraint refuses the second, whose transaction rolls back whole and is
 * tried again against the new state of the calendar.
 */
@Service
public class TreatmentPlanBooking {

    /** The name of the consumer function (see {@link ScreeningConsumers}), under which the inbox records events. */
    static final String CONSUMER = "bookTreatmentPlan";
    private static final Logger log = LoggerFactory.getLogger(TreatmentPlanBooking.class);
    private static final int ATTEMPTS = 3;
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final ProcessedEvents processedEvents;
    private final TreatmentPlans plans;
    private final Sessions sessions;
    private final SeriesBooker booker;
    private final Protocols protocols;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Timer latency;

    TreatmentPlanBooking(ProcessedEvents processedEvents, TreatmentPlans plans, Sessions sessions,
                         SeriesBooker booker, Protocols protocols, Outbox outbox, TransactionTemplate transactions,
                         Clock clock, MeterRegistry meters) {
        this.processedEvents = processedEvents;
        this.plans = plans;
        this.sessions = sessions;
        this.booker = booker;
        this.protocols = protocols;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.latency = Timer.builder("clinic.booking.latency")
                .description("From a screening cleared for treatment to its induction series booked, for the plans"
                        + " booked as soon as the clearing event came")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * CLINICAL section 5: an ELIGIBLE outcome books; every other outcome books nothing. A re-screening of a patient
     * with a plan books nothing either: it reports the patient's progress to the plan (CLINICAL D-9).
     */
    public void on(ScreeningCompleted event) {
        if (!event.baseline() && plans.findByPatient(event.patientId()).isPresent()) {
            processedEvents.once(CONSUMER, event.eventId(), () -> rescreened(event));
        } else if (event.outcome() == ScreeningOutcome.ELIGIBLE) {
            bookOnce(new Cleared(event.eventId(), event.patientId(), event.screeningId(), event.indication(),
                    event.occurredAt()));
        }
    }

    /** CLINICAL section 5: a clinician's approval books as ELIGIBLE does, counted from the approval. */
    public void on(ScreeningReviewed event) {
        if (event.decision() == ReviewDecision.APPROVED) {
            bookOnce(new Cleared(event.eventId(), event.patientId(), event.screeningId(), event.indication(),
                    event.occurredAt()));
        }
    }

    /**
     * The re-screening due after the induction series decides what follows it: a response on an ELIGIBLE
     * re-screening lets the prescriber set boosters; anything else waits for a clinician's review.
     */
    private void rescreened(ScreeningCompleted event) {
        TreatmentPlan plan = plans.findByPatient(event.patientId()).orElseThrow();
        boolean response = event.outcome() == ScreeningOutcome.ELIGIBLE && event.progress() != null
                && event.progress().response();
        plans.lock(plan.planId()).orElseThrow().rescreened(event.screeningId(), response).ifPresentOrElse(
                decided -> {
                    plans.saveCourse(decided);
                    log.info("Re-screening {} of plan {} (patient {}): {}", event.screeningId(), plan.planId(),
                            event.patientId(), decided.status());
                },
                () -> log.info("Re-screening {} of patient {} recorded while plan {} is {}: the plan stays so",
                        event.screeningId(), event.patientId(), plan.planId(), plan.status()));
    }

    /** A screening cleared for treatment, by the rules or by a clinician, at {@code clearedAt}. */
    private record Cleared(UUID eventId, UUID patientId, UUID screeningId, String indication, Instant clearedAt) {
    }

    /**
     * Books for one delivery of a clearing event. Each attempt is a transaction of its own (the inbox's), so that a
     * booking collision can roll back and retry the whole of it.
     */
    private void bookOnce(Cleared cleared) {
        for (int attempt = 1; ; attempt++) {
            try {
                processedEvents.once(CONSUMER, cleared.eventId(), () -> handle(cleared));
                return;
            } catch (DataIntegrityViolationException e) {
                if (!isBookingCollision(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Booking for screening {} collided with another booking (attempt {}); trying again",
                        cleared.screeningId(), attempt);
            }
        }
    }

    private void handle(Cleared cleared) {
        sessions.lockForBooking();
        Optional<TreatmentPlan> existing = plans.findByPatient(cleared.patientId());
        if (existing.isPresent()) {
            log.info("Patient {} already has treatment plan {}; screening {} makes no second one",
                    cleared.patientId(), existing.get().planId(), cleared.screeningId());
            return;
        }
        Instant now = clock.instant();
        Optional<ProtocolDefinition> protocol = protocols.defaultFor(cleared.indication());
        if (protocol.isEmpty()) {
            // These indications always go to review first (CLINICAL S-15); the prescriber chooses their protocol.
            TreatmentPlan plan = new TreatmentPlan(UUID.randomUUID(), cleared.patientId(), cleared.screeningId(),
                    cleared.indication(), null, null, PlanStatus.WAITING_FOR_PROTOCOL, cleared.clearedAt(), now,
                    null, null);
            plans.insert(plan);
            log.warn("Screening {} is cleared for {}, which has no default protocol; plan {} waits for the"
                    + " prescriber's choice", cleared.screeningId(), cleared.indication(), plan.planId());
            return;
        }
        TreatmentPlan plan = new TreatmentPlan(UUID.randomUUID(), cleared.patientId(), cleared.screeningId(),
                cleared.indication(), protocol.get().protocol(), protocol.get().offLabelFor(cleared.indication()),
                PlanStatus.WAITING_FOR_CAPACITY, cleared.clearedAt(), now, null, null);
        plans.insert(plan);
        if (bookOrWait(plan, booker.leadTimeCountsFrom(plan.outcomeRecordedAt(), now), now)) {
            recordLatencyAfterCommit(Duration.between(cleared.clearedAt(), now));
        }
    }

    /**
     * Only a booking that commits is measured: one rolled back by a collision is tried again and measured then. A
     * plan that waits for capacity or a protocol is not: its wait is the clinic's, not the services'.
     */
    private void recordLatencyAfterCommit(Duration clearedToBooked) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                latency.record(clearedToBooked.isNegative() ? Duration.ZERO : clearedToBooked);
            }
        });
    }

    /**
     * Books the whole induction series of a stored plan that is {@code WAITING_FOR_CAPACITY} by its protocol's rules,
     * the lead time counted from {@code countedFrom}, and announces it; or, when it does not fit, leaves the plan
     * waiting and announces that. The caller holds the booking lock ({@link Sessions#lockForBooking()}) in its
     * transaction. True when it booked.
     */
    public boolean bookOrWait(TreatmentPlan plan, Instant countedFrom, Instant now) {
        boolean booked = bookSeries(plan, countedFrom, now);
        if (!booked) {
            outbox.publish(new TreatmentPlanWaitingForCapacity(UUID.randomUUID(), now, plan.patientId(),
                    plan.planId(), plan.screeningId(), plan.protocol()), plan.planId().toString());
            log.warn("No capacity for the induction series of plan {} (patient {}); it waits for capacity",
                    plan.planId(), plan.patientId());
        }
        return booked;
    }

    /**
     * CLINICAL section 6: a plan waiting for capacity is tried again whenever capacity may have freed up. Capacity
     * changes with the clinic's settings (new hours, more chairs), which take effect at start-up, so the plans are
     * tried then and every {@code session.booking.retry-waiting-every} after. The lead time counts from now: the
     * patient has not been told of any session yet.
     */
    @Scheduled(initialDelay = 0, fixedDelayString = "${session.booking.retry-waiting-every:15m}")
    public void retryPlansWaitingForCapacity() {
        try {
            transactions.executeWithoutResult(status -> {
                sessions.lockForBooking();
                Instant now = clock.instant();
                for (TreatmentPlan plan : plans.waitingForCapacity()) {
                    Instant countedFrom = plan.outcomeRecordedAt().isAfter(now) ? plan.outcomeRecordedAt() : now;
                    bookSeries(plan, countedFrom, now);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Plans waiting for capacity could not be tried again; next round: {}", e.toString());
        }
    }

    /**
     * Books the plan's whole induction series if it fits, with its lead time counted from {@code countedFrom}: the
     * sessions, the plan marked BOOKED and the events announcing them. False, changing nothing, when it does not fit.
     */
    private boolean bookSeries(TreatmentPlan plan, Instant countedFrom, Instant now) {
        SearchWindow window = booker.searchWindow(plan.protocol(), countedFrom);
        Optional<List<Placement>> series = booker.book(plan.protocol(), countedFrom,
                sessions.chairTimeTakenBetween(window.from(), window.to()));
        if (series.isEmpty()) {
            return false;
        }
        List<ScheduledSession> booked = series.get().stream()
                .map(p -> new ScheduledSession(UUID.randomUUID(), plan.planId(), plan.patientId(), plan.protocol(),
                        p.number(), p.chairId(), p.start(), p.end(), p.occupiedUntil(), SessionStatus.SCHEDULED))
                .toList();
        booked.forEach(sessions::insert);
        plans.markBooked(plan.planId());
        outbox.publish(new TreatmentPlanBooked(UUID.randomUUID(), now, plan.patientId(), plan.planId(),
                plan.screeningId(), plan.protocol(), booked.stream()
                .map(s -> new TreatmentPlanBooked.BookedSession(s.sessionId(), s.number(), s.start(), s.end(),
                        s.chairId()))
                .toList()), plan.planId().toString());
        for (ScheduledSession s : booked) {
            outbox.publish(new SessionScheduled(UUID.randomUUID(), now, s.patientId(), s.sessionId(), s.planId(),
                    s.protocol(), s.number(), s.start(), s.end(), s.chairId()), s.sessionId().toString());
        }
        log.info("Booked plan {} (patient {}): {} sessions from {}", plan.planId(), plan.patientId(), booked.size(),
                booked.getFirst().start());
        return true;
    }

    /** Another booking took the same chair time or the same plan first: worth trying again. */
    private static boolean isBookingCollision(DataIntegrityViolationException e) {
        if (e instanceof DuplicateKeyException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
