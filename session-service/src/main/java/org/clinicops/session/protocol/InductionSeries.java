package org.clinicops.session.protocol;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * How many sessions a protocol's induction series has and which dates each may fall on (CLINICAL section 6); each
 * protocol's series is in {@link Protocols}.
 */
public sealed interface InductionSeries {

    int sessions();

    /**
     * Whether the next session may fall on {@code date}, given the dates of the sessions already placed (in order;
     * the first is the series' first date).
     */
    boolean allows(List<LocalDate> placed, LocalDate date);

    /** No session of a series whose first session falls on {@code first} can fall after this date. */
    LocalDate lastPossibleDate(LocalDate first);

    /**
     * Whether these session dates, in date order, keep the series' rules: each one allowed after those before it,
     * and no more sessions than the series has. A changed or made-up session must leave the series so.
     */
    default boolean keepsRules(List<LocalDate> dates) {
        if (dates.size() > sessions()) {
            return false;
        }
        for (int i = 1; i < dates.size(); i++) {
            if (!allows(dates.subList(0, i), dates.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Sessions at least {@code minDaysApart} calendar days apart, the last within {@code windowDays} of the first. */
    record Spaced(int sessions, int minDaysApart, int windowDays) implements InductionSeries {

        @Override
        public boolean allows(List<LocalDate> placed, LocalDate date) {
            return !date.isBefore(placed.getLast().plusDays(minDaysApart))
                    && !date.isAfter(lastPossibleDate(placed.getFirst()));
        }

        @Override
        public LocalDate lastPossibleDate(LocalDate first) {
            return first.plusDays(windowDays);
        }
    }

    /**
     * Two sessions in each of {@code weeks} consecutive calendar weeks (Monday to Sunday), the first week being the
     * first session's, every session at least {@code minDaysApart} calendar days after the one before.
     */
    record TwicePerCalendarWeek(int weeks, int minDaysApart) implements InductionSeries {

        @Override
        public int sessions() {
            return 2 * weeks;
        }

        @Override
        public boolean allows(List<LocalDate> placed, LocalDate date) {
            LocalDate weekStart = mondayOf(placed.getFirst()).plusWeeks(placed.size() / 2);
            return !date.isBefore(weekStart) && !date.isAfter(weekStart.plusDays(6))
                    && !date.isBefore(placed.getLast().plusDays(minDaysApart));
        }

        @Override
        public LocalDate lastPossibleDate(LocalDate first) {
            return mondayOf(first).plusWeeks(weeks).minusDays(1);
        }

        private static LocalDate mondayOf(LocalDate date) {
            return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
    }
}
