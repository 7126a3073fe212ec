package org.clinicops.session.booking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.clinicops.events.Protocol;
import org.clinicops.session.config.SessionProperties;
import org.clinicops.session.plan.PlanStatus;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.support.testing.TestClock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.clinicops.session.schedule.SessionStatus.CANCELLED;
import static org.clinicops.session.schedule.SessionStatus.DEFERRED;
import static org.clinicops.session.schedule.SessionStatus.NO_SHOW;
import static org.clinicops.session.schedule.SessionStatus.SCHEDULED;

/**
 * Properties of booking and changing induction series (CLINICAL section 6 "Booking a series" and D-2) over an
 * in-memory clinic: several patients' series are booked with {@link SeriesBooker}, then sessions are rescheduled,
 * cancelled, deferred or missed and made up exactly as {@code SeriesChanges} decides, and plans waiting for capacity
 * are tried again as {@code TreatmentPlanBooking} does. After every step each property checks one rule.
 *
 * <p>The rules are written out below as the clinical text states them, without {@code InductionSeries} or
 * the protocol table, so that a fault in those is caught rather than repeated. The in-memory session table stands in
 * for the database: its chair time query, like {@code Sessions.chairTimeTakenBetween} and the exclusion constraint,
 * ignores only CANCELLED sessions (deferred and missed sessions keep their chair time).
 */
class SeriesPropertiesTests {

    // --- CLINICAL section 6, written out ---

    static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");
    static final Set<DayOfWeek> OPEN_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final LocalTime OPENS = LocalTime.of(8, 0);
    static final LocalTime CLOSES = LocalTime.of(17, 0);
    static final Duration SLOT = Duration.ofMinutes(15);
    static final Duration TURNOVER = Duration.ofMinutes(15);
    static final Duration LEAD_TIME = Duration.ofHours(24);
    static final int HORIZON_DAYS = 28;

    static int seriesLength(Protocol protocol) {
        return switch (protocol) {
            case IV_KETAMINE_DEPRESSION, IM_KETAMINE -> 6;
            case ESKETAMINE_NASAL -> 8;
        };
    }

    static Duration chairTime(Protocol protocol) {
        return switch (protocol) {
            case IV_KETAMINE_DEPRESSION -> Duration.ofMinutes(15 + 40 + 60);
            case ESKETAMINE_NASAL -> Duration.ofMinutes(15 + 10 + 120);
            case IM_KETAMINE -> Duration.ofMinutes(15 + 5 + 60);
        };
    }

    /** Monday of the reference week, midnight at the clinic: outcomes are recorded in the week that follows. */
    static final Instant WEEK_START = TestClock.at("2026-11-23T00:00", CLINIC);

    // --- the properties, one rule each ---

    @Property(tries = 200)
    void noChairIsDoubleBookedIncludingTurnover(@ForAll("clinics") Scenario scenario) {
        run(scenario, clinic -> {
            List<ScheduledSession> holding = clinic.table.stream().filter(s -> s.status() != CANCELLED).toList();
            for (ScheduledSession s : clinic.table) {
                clinic.check(s.chairId() >= 1 && s.chairId() <= clinic.chairs, () -> "chair out of range: " + s);
                clinic.check(s.occupiedUntil().equals(s.end().plus(TURNOVER)),
                        () -> "occupied until end + turnover: " + s);
            }
            for (int i = 0; i < holding.size(); i++) {
                for (int j = i + 1; j < holding.size(); j++) {
                    ScheduledSession a = holding.get(i);
                    ScheduledSession b = holding.get(j);
                    clinic.check(a.chairId() != b.chairId() || !a.start().isBefore(b.occupiedUntil())
                                    || !b.start().isBefore(a.occupiedUntil()),
                            () -> "double-booked: " + clinic.show(a) + " and " + clinic.show(b));
                }
            }
        });
    }

    @Property(tries = 200)
    void everyPlansCountingSessionsKeepTheirProtocolsSpacingAndWindow(@ForAll("clinics") Scenario scenario) {
        run(scenario, clinic -> clinic.plans.values().forEach(plan -> {
            List<LocalDate> dates = clinic.countingSessions(plan).stream().map(s -> date(s.start())).sorted().toList();
            for (int i = 1; i < dates.size(); i++) {
                // IV and IM: never on consecutive calendar days; esketamine: at least 2 days apart
                clinic.check(!dates.get(i).isBefore(dates.get(i - 1).plusDays(2)),
                        () -> plan + " has sessions less than 2 days apart: " + dates);
            }
            if (dates.isEmpty()) {
                return;
            }
            if (plan.protocol() == Protocol.ESKETAMINE_NASAL) {
                // two sessions in each of 4 consecutive calendar weeks (Monday to Sunday): never more than two in
                // a week, and no session beyond the fourth week counted from the first session's
                Map<LocalDate, Integer> perWeek = new LinkedHashMap<>();
                dates.forEach(d -> perWeek.merge(mondayOf(d), 1, Integer::sum));
                clinic.check(perWeek.values().stream().allMatch(n -> n <= 2),
                        () -> plan + " has more than two sessions in a calendar week: " + dates);
                clinic.check(!mondayOf(dates.getLast()).isAfter(mondayOf(dates.getFirst()).plusWeeks(3)),
                        () -> plan + " runs past its 4 calendar weeks: " + dates);
            } else {
                // all within 21 days of the first: last date - first date <= 21
                clinic.check(ChronoUnit.DAYS.between(dates.getFirst(), dates.getLast()) <= 21,
                        () -> plan + " runs past 21 days: " + dates);
            }
        }));
    }

    @Property(tries = 200)
    void noPlanHasMoreCountingSessionsThanItsProtocolsSeries(@ForAll("clinics") Scenario scenario) {
        run(scenario, clinic -> clinic.plans.values().forEach(plan -> {
            List<ScheduledSession> counting = clinic.countingSessions(plan);
            clinic.check(counting.size() <= seriesLength(plan.protocol()),
                    () -> plan + " has " + counting.size() + " sessions counting in its series");
            // a make-up takes the number of the session it makes up, which no longer counts
            Set<Integer> numbers = new HashSet<>();
            for (ScheduledSession s : counting) {
                clinic.check(s.number() >= 1 && s.number() <= seriesLength(plan.protocol()) && numbers.add(s.number()),
                        () -> plan + " counts session number " + s.number() + " twice or out of range");
            }
        }));
    }

    @Property(tries = 200)
    void everySessionLiesInsideOneDaysOpeningHoursAndStartsOnASlot(@ForAll("clinics") Scenario scenario) {
        run(scenario, clinic -> clinic.table.forEach(s -> {
            LocalDateTime start = LocalDateTime.ofInstant(s.start(), CLINIC);
            LocalDateTime end = LocalDateTime.ofInstant(s.end(), CLINIC);
            clinic.check(Duration.between(s.start(), s.end()).equals(chairTime(s.protocol())),
                    () -> "not the chair time of " + s.protocol() + ": " + clinic.show(s));
            clinic.check(OPEN_DAYS.contains(start.getDayOfWeek()), () -> "on a closed day: " + clinic.show(s));
            clinic.check(!start.toLocalTime().isBefore(OPENS) && end.toLocalDate().equals(start.toLocalDate())
                    && !end.toLocalTime().isAfter(CLOSES), () -> "outside opening hours: " + clinic.show(s));
            clinic.check(start.toLocalTime().toNanoOfDay() % SLOT.toNanos() == 0,
                    () -> "not on a quarter-hour slot: " + clinic.show(s));
        }));
    }

    // --- the scenario: patients, chairs, and a sequence of changes ---

    record Patient(Protocol protocol, int outcomeMinuteOfWeek) {
    }

    sealed interface Change permits Reschedule, Cancel, Defer, NoShow {
    }

    /** Staff move a session to come to {@code dayShift} days from its date, {@code quarter} quarter hours in. */
    record Reschedule(int pick, int dayShift, int quarter, Duration offSlot) implements Change {
    }

    /** Some hours pass, then a scheduled session is cancelled. */
    record Cancel(int pick, int hoursLater) implements Change {
    }

    /** A session to come is deferred on its day (D-2: blood pressure still too high at the recheck). */
    record Defer(int pick, int minutesAfterStart) implements Change {
    }

    /** The patient does not come to a session to come; it is recorded some minutes after its start. */
    record NoShow(int pick, int minutesAfterStart) implements Change {
    }

    record Scenario(int chairs, List<Patient> patients, List<Change> changes) {
    }

    @Provide
    Arbitrary<Scenario> clinics() {
        Arbitrary<Patient> patient = Combinators.combine(Arbitraries.of(Protocol.class),
                Arbitraries.integers().between(0, 7 * 24 * 60 - 1)).as(Patient::new);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 999);
        Arbitrary<Duration> offSlot = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(Duration.ZERO)),
                Tuple.of(1, Arbitraries.integers().between(1, 14).map(Duration::ofMinutes)),
                Tuple.of(1, Arbitraries.integers().between(1, 59).map(Duration::ofSeconds)),
                Tuple.of(1, Arbitraries.integers().between(1, 999).map(Duration::ofMillis)));
        // mostly starts that leave the chair time inside opening hours, sometimes anywhere in the day
        Arbitrary<Integer> quarter = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(8 * 4, 15 * 4)),
                Tuple.of(1, Arbitraries.integers().between(0, 24 * 4 - 1)));
        // mostly near the session's own date, where the series' spacing can still hold
        Arbitrary<Integer> dayShift = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-2, 2)),
                Tuple.of(1, Arbitraries.integers().between(-7, 7)));
        Arbitrary<Change> reschedule = Combinators.combine(pick, dayShift, quarter, offSlot).as(Reschedule::new);
        Arbitrary<Change> cancel = Combinators.combine(pick, Arbitraries.integers().between(0, 48)).as(Cancel::new);
        Arbitrary<Change> defer = Combinators.combine(pick, Arbitraries.integers().between(0, 45)).as(Defer::new);
        Arbitrary<Change> noShow = Combinators.combine(pick, Arbitraries.integers().between(0, 60)).as(NoShow::new);
        Arbitrary<Change> change = Arbitraries.frequencyOf(Tuple.of(4, reschedule), Tuple.of(2, cancel),
                Tuple.of(1, defer), Tuple.of(1, noShow));
        return Combinators.combine(Arbitraries.integers().between(1, 4), patient.list().ofMinSize(1).ofMaxSize(12),
                change.list().ofMaxSize(25)).as(Scenario::new);
    }

    /** Books every patient's series in the order the outcomes were recorded, then applies the changes. */
    static void run(Scenario scenario, Consumer<Clinic> rule) {
        Clinic clinic = new Clinic(scenario.chairs());
        List<Patient> byOutcome = scenario.patients().stream()
                .sorted(Comparator.comparingInt(Patient::outcomeMinuteOfWeek)).toList();
        for (Patient patient : byOutcome) {
            clinic.now = WEEK_START.plus(Duration.ofMinutes(patient.outcomeMinuteOfWeek()));
            clinic.retryWaiting();
            clinic.book(patient.protocol());
            rule.accept(clinic);
        }
        for (Change change : scenario.changes()) {
            clinic.apply(change);
            rule.accept(clinic);
        }
        clinic.plans.values().forEach(plan -> Statistics.label("plans at the end").collect(plan.status()));
        // an entry for each covered label in every try: jqwik cannot report a covered label without one, and its
        // error would hide a failure's counterexample
        if (clinic.reschedules == 0) {
            Statistics.label("reschedule").collect("none in this try");
        }
        if (clinic.makeUps == 0) {
            Statistics.label("make-up").collect("none in this try");
        }
        // the changes must really happen, or the properties hold of nothing
        Statistics.label("reschedule").coverage(c -> c.check("moved").percentage(p -> p > 5));
        Statistics.label("make-up").coverage(c -> {
            c.check("placed").percentage(p -> p > 20);
            c.check("needs staff").count(n -> n > 0);
        });
    }

    // --- the in-memory clinic: the session table and the decisions of SeriesChanges and TreatmentPlanBooking ---

    record Plan(UUID planId, int patient, Protocol protocol, Instant outcomeRecordedAt, PlanStatus status) {

        Plan withStatus(PlanStatus changed) {
            return new Plan(planId, patient, protocol, outcomeRecordedAt, changed);
        }

        @Override
        public String toString() {
            return "plan of patient " + patient + " (" + protocol + ", " + status + ")";
        }
    }

    static final class Clinic {

        final int chairs;
        final SeriesBooker booker;
        final Map<UUID, Plan> plans = new LinkedHashMap<>();
        /** The session table: every session ever booked, in any status. */
        final List<ScheduledSession> table = new ArrayList<>();
        final List<String> history = new ArrayList<>();
        Instant now;
        int reschedules;
        int makeUps;
        private long ids;

        Clinic(int chairs) {
            this.chairs = chairs;
            // the configured defaults: no hours given means Monday to Friday 08:00-17:00, no closures
            ClinicCalendar calendar = new SessionProperties.Clinic(CLINIC, Map.of(), List.of(), chairs,
                    (int) SLOT.toMinutes(), TURNOVER, Map.of()).calendar();
            this.booker = new SeriesBooker(calendar, SeriesBookerTests.PROTOCOLS, LEAD_TIME, HORIZON_DAYS);
        }

        void book(Protocol protocol) {
            Plan plan = new Plan(nextId(), plans.size() + 1, protocol, now, PlanStatus.WAITING_FOR_CAPACITY);
            plans.put(plan.planId(), plan);
            boolean booked = bookSeries(plan, booker.leadTimeCountsFrom(plan.outcomeRecordedAt(), now));
            history.add(at(now) + " outcome: " + plan + (booked ? "" : " waits for capacity"));
            Statistics.label("booking").collect(booked ? "booked" : "waits for capacity");
        }

        /** As TreatmentPlanBooking.retryPlansWaitingForCapacity (on its timer and after freed chair time). */
        void retryWaiting() {
            for (Plan plan : List.copyOf(plans.values())) {
                if (plan.status() == PlanStatus.WAITING_FOR_CAPACITY) {
                    Instant countedFrom = plan.outcomeRecordedAt().isAfter(now) ? plan.outcomeRecordedAt() : now;
                    if (bookSeries(plan, countedFrom)) {
                        history.add(at(now) + " retried: " + plans.get(plan.planId()) + " booked");
                        Statistics.label("booking").collect("booked when tried again");
                    }
                }
            }
        }

        /** As TreatmentPlanBooking.bookSeries. */
        private boolean bookSeries(Plan plan, Instant countedFrom) {
            SearchWindow window = booker.searchWindow(plan.protocol(), countedFrom);
            Optional<List<Placement>> series = booker.book(plan.protocol(), countedFrom,
                    chairTimeTakenBetween(window.from(), window.to()));
            if (series.isEmpty()) {
                return false;
            }
            series.get().forEach(p -> table.add(session(plan, p)));
            plans.put(plan.planId(), plan.withStatus(PlanStatus.BOOKED));
            return true;
        }

        void apply(Change change) {
            List<ScheduledSession> scheduled = table.stream().filter(s -> s.status() == SCHEDULED)
                    .sorted(Comparator.comparing(ScheduledSession::start).thenComparing(ScheduledSession::chairId))
                    .toList();
            switch (change) {
                case Reschedule r when scheduled.stream().anyMatch(s -> s.start().isAfter(now)) -> {
                    List<ScheduledSession> toCome = scheduled.stream().filter(s -> s.start().isAfter(now)).toList();
                    ScheduledSession session = toCome.get(r.pick() % toCome.size());
                    Instant start = date(session.start()).plusDays(r.dayShift()).atStartOfDay(CLINIC).toInstant()
                            .plus(SLOT.multipliedBy(r.quarter())).plus(r.offSlot());
                    String outcome = reschedule(session, start);
                    history.add(at(now) + " reschedule " + show(session) + " to " + at(start) + ": " + outcome);
                    Statistics.label("reschedule").collect(outcome);
                    reschedules++;
                    if (outcome.equals("moved")) {
                        retryWaiting();
                    }
                }
                case Cancel c when !scheduled.isEmpty() -> {
                    now = now.plus(Duration.ofHours(c.hoursLater()));
                    retryWaiting();
                    ScheduledSession session = scheduled.get(c.pick() % scheduled.size());
                    endUndosed(session, CANCELLED);
                    retryWaiting();
                }
                case Defer d -> {
                    List<ScheduledSession> toCome = scheduled.stream().filter(s -> !s.start().isBefore(now)).toList();
                    if (!toCome.isEmpty()) {
                        ScheduledSession session = toCome.get(d.pick() % toCome.size());
                        now = session.start().plus(Duration.ofMinutes(d.minutesAfterStart()));
                        retryWaiting();
                        endUndosed(session, DEFERRED);
                    }
                }
                case NoShow n -> {
                    List<ScheduledSession> toCome = scheduled.stream().filter(s -> !s.start().isBefore(now)).toList();
                    if (!toCome.isEmpty()) {
                        ScheduledSession session = toCome.get(n.pick() % toCome.size());
                        now = session.start().plus(Duration.ofMinutes(n.minutesAfterStart()));
                        retryWaiting();
                        endUndosed(session, NO_SHOW);
                    }
                }
                default -> {
                    // nothing scheduled to change
                }
            }
        }

        /**
         * SessionDay.checkReschedule (only to a time to come), then SeriesChanges.reschedule: open for the whole
         * chair time on a slot, the series' rules kept with the new date among the other counting sessions', and the
         * lowest chair free once the session's own chair time is left out.
         */
        String reschedule(ScheduledSession session, Instant start) {
            if (!start.isAfter(now)) {
                return "START_NOT_IN_FUTURE";
            }
            if (!booker.opensFor(session.protocol(), start)) {
                return "SLOT_NOT_OPEN";
            }
            List<LocalDate> dates = new ArrayList<>(otherDates(session));
            dates.add(date(start));
            if (!booker.keepsRules(session.protocol(), dates)) {
                return "SERIES_RULES_NOT_KEPT";
            }
            Instant end = start.plus(SeriesBookerTests.PROTOCOLS.of(session.protocol()).chairTime());
            List<ChairBooking> taken = chairTimeTakenBetween(start, end.plus(TURNOVER)).stream()
                    .filter(b -> !(b.chairId() == session.chairId() && b.start().equals(session.start())))
                    .toList();
            Optional<Placement> placed = booker.placeAt(session.protocol(), session.number(), start, taken);
            if (placed.isEmpty()) {
                return "NO_FREE_CHAIR";
            }
            Placement p = placed.get();
            replace(new ScheduledSession(session.sessionId(), session.planId(), session.patientId(),
                    session.protocol(), session.number(), p.chairId(), p.start(), p.end(), p.occupiedUntil(),
                    session.status()));
            return "moved";
        }

        /** The session ends undosed, and SessionDayActions has SeriesChanges.makeUp it. */
        private void endUndosed(ScheduledSession session, SessionStatus status) {
            replace(withStatus(session, status));
            Optional<ScheduledSession> madeUp = makeUp(withStatus(session, status));
            history.add(at(now) + " " + status + " " + show(session) + ": "
                    + madeUp.map(m -> "made up " + show(m)).orElse("needs staff"));
            Statistics.label("make-up").collect(madeUp.isPresent() ? "placed" : "needs staff");
            makeUps++;
        }

        /** As SeriesChanges.makeUp: the earliest place from one lead time after now that keeps the series' rules. */
        Optional<ScheduledSession> makeUp(ScheduledSession missed) {
            Instant notBefore = now.plus(LEAD_TIME);
            Optional<Placement> placed = booker.placeOne(missed.protocol(), missed.number(), otherDates(missed),
                    notBefore, chairTimeTakenBetween(notBefore, booker.searchWindow(missed.protocol(), notBefore)
                            .to()));
            if (placed.isEmpty()) {
                plans.computeIfPresent(missed.planId(), (id, plan) -> plan.withStatus(PlanStatus.NEEDS_STAFF));
                return Optional.empty();
            }
            ScheduledSession makeUp = session(plans.get(missed.planId()), placed.get());
            table.add(makeUp);
            return Optional.of(makeUp);
        }

        /** As Sessions.chairTimeTakenBetween: non-cancelled sessions overlapping [from, to). */
        List<ChairBooking> chairTimeTakenBetween(Instant from, Instant to) {
            return table.stream()
                    .filter(s -> s.status() != CANCELLED && s.start().isBefore(to) && s.occupiedUntil().isAfter(from))
                    .map(s -> new ChairBooking(s.chairId(), s.start(), s.occupiedUntil()))
                    .toList();
        }

        /** As SeriesChanges.otherDates: the dates of the plan's other sessions that count in the series. */
        private List<LocalDate> otherDates(ScheduledSession session) {
            return table.stream()
                    .filter(s -> s.planId().equals(session.planId()) && !s.sessionId().equals(session.sessionId())
                            && s.countsInSeries())
                    .map(s -> date(s.start()))
                    .toList();
        }

        List<ScheduledSession> countingSessions(Plan plan) {
            return table.stream().filter(s -> s.planId().equals(plan.planId()) && s.countsInSeries()).toList();
        }

        void check(boolean holds, Supplier<String> what) {
            if (!holds) {
                throw new AssertionError(what.get() + "\nafter:\n  " + String.join("\n  ", history));
            }
        }

        String show(ScheduledSession s) {
            return "patient " + plans.get(s.planId()).patient() + " #" + s.number() + " " + s.status() + " chair "
                    + s.chairId() + " " + at(s.start()) + "-" + LocalTime.ofInstant(s.end(), CLINIC);
        }

        private ScheduledSession session(Plan plan, Placement p) {
            return new ScheduledSession(nextId(), plan.planId(), new UUID(0, plan.patient()), plan.protocol(),
                    p.number(), p.chairId(), p.start(), p.end(), p.occupiedUntil(), SCHEDULED);
        }

        private void replace(ScheduledSession changed) {
            table.replaceAll(s -> s.sessionId().equals(changed.sessionId()) ? changed : s);
        }

        private static ScheduledSession withStatus(ScheduledSession s, SessionStatus status) {
            return new ScheduledSession(s.sessionId(), s.planId(), s.patientId(), s.protocol(), s.number(),
                    s.chairId(), s.start(), s.end(), s.occupiedUntil(), status);
        }

        private UUID nextId() {
            return new UUID(1, ++ids);
        }
    }

    static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, CLINIC);
    }

    static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Clinic-local date and time, as the history shows it. */
    static String at(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, CLINIC);
        return local.getDayOfWeek().toString().substring(0, 3) + " " + local;
    }
}
