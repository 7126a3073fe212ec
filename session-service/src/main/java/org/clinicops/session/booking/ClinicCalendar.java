package org.clinicops.session.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The clinic's capacity as CLINICAL section 6 "Booking a series" describes it: one time zone, opening hours per
 * weekday (a weekday without hours is closed), closure dates, chairs numbered 1..{@code chairs}, sessions starting on
 * multiples of {@code slotMinutes} after midnight, and {@code turnover} between two sessions on one chair.
 */
public record ClinicCalendar(ZoneId zone, Map<DayOfWeek, OpeningHours> hours, Set<LocalDate> closures, int chairs,
                             int slotMinutes, Duration turnover) {

    private static final int MINUTES_PER_DAY = 24 * 60;

    public ClinicCalendar {
        hours = Map.copyOf(hours);
        closures = Set.copyOf(closures);
        if (chairs < 1) {
            throw new IllegalArgumentException("A clinic needs at least one chair, not " + chairs);
        }
        if (slotMinutes < 1 || MINUTES_PER_DAY % slotMinutes != 0) {
            throw new IllegalArgumentException("Slot minutes must divide a day evenly, not " + slotMinutes);
        }
        if (turnover.isNegative()) {
            throw new IllegalArgumentException("Turnover cannot be negative: " + turnover);
        }
    }

    /** The day's opening hours; empty on a closure date or a weekday without hours. */
    public Optional<OpeningHours> hoursOn(LocalDate date) {
        if (closures.contains(date)) {
            return Optional.empty();
        }
        return Optional.ofNullable(hours.get(date.getDayOfWeek()));
    }
}
