package org.clinicops.session.booking;

import org.clinicops.session.protocol.Route;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The clinic's capacity as CLINICAL section 6 "Booking a series" describes it: one time zone, opening hours per
 * weekday (a weekday without hours is closed), closure dates, chairs numbered 1..{@code chairs}, sessions starting on
 * multiples of {@code slotMinutes} after midnight, and {@code turnover} between two sessions on one chair.
 * {@code chairRoutes} names the routes a chair is set up for; a chair not in it serves every route.
 */
public record ClinicCalendar(ZoneId zone, Map<DayOfWeek, OpeningHours> hours, Set<LocalDate> closures, int chairs,
                             int slotMinutes, Duration turnover, Map<Integer, Set<Route>> chairRoutes) {

    private static final int MINUTES_PER_DAY = 24 * 60;

    /** Every chair serves every route. */
    public ClinicCalendar(ZoneId zone, Map<DayOfWeek, OpeningHours> hours, Set<LocalDate> closures, int chairs,
                          int slotMinutes, Duration turnover) {
        this(zone, hours, closures, chairs, slotMinutes, turnover, Map.of());
    }

    public ClinicCalendar {
        hours = Map.copyOf(hours);
        closures = Set.copyOf(closures);
        Map<Integer, Set<Route>> routes = new HashMap<>();
        chairRoutes.forEach((chair, served) -> routes.put(chair, Set.copyOf(served)));
        chairRoutes = Map.copyOf(routes);
        if (chairs < 1) {
            throw new IllegalArgumentException("A clinic needs at least one chair, not " + chairs);
        }
        if (slotMinutes < 1 || MINUTES_PER_DAY % slotMinutes != 0) {
            throw new IllegalArgumentException("Slot minutes must divide a day evenly, not " + slotMinutes);
        }
        if (turnover.isNegative()) {
            throw new IllegalArgumentException("Turnover cannot be negative: " + turnover);
        }
        for (Map.Entry<Integer, Set<Route>> chair : chairRoutes.entrySet()) {
            if (chair.getKey() < 1 || chair.getKey() > chairs) {
                throw new IllegalArgumentException("Chair " + chair.getKey() + " has routes but the clinic's chairs are"
                        + " numbered 1 to " + chairs);
            }
            if (chair.getValue().isEmpty()) {
                throw new IllegalArgumentException("Chair " + chair.getKey() + " needs at least one route");
            }
        }
    }

    /** The chairs set up for {@code route}, lowest number first. */
    public List<Integer> chairsFor(Route route) {
        return IntStream.rangeClosed(1, chairs).boxed()
                .filter(chair -> chairRoutes.getOrDefault(chair, EnumSet.allOf(Route.class)).contains(route))
                .toList();
    }

    /** The day's opening hours; empty on a closure date or a weekday without hours. */
    public Optional<OpeningHours> hoursOn(LocalDate date) {
        if (closures.contains(date)) {
            return Optional.empty();
        }
        return Optional.ofNullable(hours.get(date.getDayOfWeek()));
    }
}
