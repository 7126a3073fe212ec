package org.clinicops.session.booking;

import org.clinicops.events.Protocol;
import org.clinicops.session.protocol.InductionSeries;
import org.clinicops.session.protocol.ProtocolDefinition;
import org.clinicops.session.protocol.Protocols;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Books a whole induction series, or nothing, exactly as CLINICAL section 6 "Booking a series" says:
 * <ul>
 *   <li>a session fits when its whole chair time lies inside one day's opening hours, it starts on a slot boundary,
 *       and a chair serving the protocol's route is free for [start, end + turnover); the lowest-numbered such free
 *       chair is taken;</li>
 *   <li>the first session starts no earlier than the lead time after the outcome was recorded;</li>
 *   <li>candidate first starts are tried in time order; for each, every following session takes the earliest
 *       fitting start on a day the series allows; the first candidate with which the whole series fits wins;</li>
 *   <li>only candidates whose date is at most {@code horizonDays} after the outcome's date are tried.</li>
 * </ul>
 * Existing bookings are only read, never moved. Each protocol's series, chair time and route are looked up in the
 * clinic's {@link Protocols}.
 */
public final class SeriesBooker {

    private final ClinicCalendar calendar;
    private final Protocols protocols;
    private final Duration leadTime;
    private final int horizonDays;

    public SeriesBooker(ClinicCalendar calendar, Protocols protocols, Duration leadTime, int horizonDays) {
        this.calendar = calendar;
        this.protocols = protocols;
        this.leadTime = leadTime;
        this.horizonDays = horizonDays;
    }

    /**
     * The instant the lead time counts from: when the outcome was recorded (CLINICAL section 6), unless the outcome
     * reaches booking so late (after an outage) that its lead time has already passed; then from one lead time
     * before now, so that nothing is ever booked in the past.
     */
    public Instant leadTimeCountsFrom(Instant recordedAt, Instant now) {
        Instant latest = now.minus(leadTime);
        return recordedAt.isBefore(latest) ? latest : recordedAt;
    }

    /** The range in which a series for an outcome recorded at {@code recordedAt} can be booked. */
    public SearchWindow searchWindow(Protocol protocol, Instant recordedAt) {
        LocalDate lastFirstDate = lastFirstDate(recordedAt);
        LocalDate lastDate = protocols.of(protocol).induction().lastPossibleDate(lastFirstDate);
        return new SearchWindow(recordedAt.plus(leadTime),
                lastDate.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
    }

    /**
     * The sessions of the whole series in order, or empty when no candidate within the horizon fits (the plan then
     * waits for capacity).
     *
     * @param existing every non-cancelled booking overlapping {@link #searchWindow}
     */
    public Optional<List<Placement>> book(Protocol protocol, Instant recordedAt, Collection<ChairBooking> existing) {
        ProtocolDefinition definition = protocols.of(protocol);
        InductionSeries series = definition.induction();
        Duration chairTime = definition.chairTime();
        Seats chairs = new Seats(new ChairOccupancy(existing), calendar.chairsFor(definition.route()));
        Instant earliestStart = recordedAt.plus(leadTime);
        LocalDate lastFirstDate = lastFirstDate(recordedAt);
        for (LocalDate day = LocalDate.ofInstant(earliestStart, calendar.zone()); !day.isAfter(lastFirstDate);
             day = day.plusDays(1)) {
            // Of a day's candidate first starts only the earliest needs trying: the following sessions fall on later
            // days, and which days the series allows depends on the first session's date alone, so a later start
            // on the same day fits exactly when the earliest does.
            Optional<Placement> first = earliestFit(day, earliestStart, chairTime, chairs, 1);
            if (first.isPresent()) {
                Optional<List<Placement>> whole = completeSeries(series, first.get(), chairTime, chairs);
                if (whole.isPresent()) {
                    return whole;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The earliest place for one session of a series whose other sessions fall on {@code otherDates}: from
     * {@code notBefore} on, within the horizon, on a day with which the series still keeps its rules (CLINICAL D-2:
     * a deferred, cancelled or missed session made up). Empty when none fits: staff decide.
     */
    public Optional<Placement> placeOne(Protocol protocol, int number, List<LocalDate> otherDates, Instant notBefore,
                                        Collection<ChairBooking> existing) {
        ProtocolDefinition definition = protocols.of(protocol);
        InductionSeries series = definition.induction();
        Seats chairs = new Seats(new ChairOccupancy(existing), calendar.chairsFor(definition.route()));
        LocalDate lastDay = LocalDate.ofInstant(notBefore, calendar.zone()).plusDays(horizonDays);
        for (LocalDate day = LocalDate.ofInstant(notBefore, calendar.zone()); !day.isAfter(lastDay);
             day = day.plusDays(1)) {
            if (series.keepsRules(withDate(otherDates, day))) {
                Optional<Placement> placed = earliestFit(day, notBefore, definition.chairTime(), chairs, number);
                if (placed.isPresent()) {
                    return placed;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where a maintenance booster (CLINICAL D-9) due on {@code earliest} can go: from that day, but never sooner
     * than one lead time from {@code now}, to the end of the horizon. A booster has no series window: when its day
     * is full, a later one is better than none.
     */
    public SearchWindow boosterWindow(LocalDate earliest, Instant now) {
        Instant notBefore = now.plus(leadTime);
        Instant dayStart = earliest.atStartOfDay(calendar.zone()).toInstant();
        Instant from = dayStart.isAfter(notBefore) ? dayStart : notBefore;
        return new SearchWindow(from, LocalDate.ofInstant(from, calendar.zone()).plusDays(horizonDays + 1)
                .atStartOfDay(calendar.zone()).toInstant());
    }

    /** The earliest place for a booster in its {@link #boosterWindow}; empty when none fits: staff decide. */
    public Optional<Placement> placeBooster(Protocol protocol, int number, SearchWindow window,
                                            Collection<ChairBooking> existing) {
        ProtocolDefinition definition = protocols.of(protocol);
        Seats chairs = new Seats(new ChairOccupancy(existing), calendar.chairsFor(definition.route()));
        LocalDate last = LocalDate.ofInstant(window.to(), calendar.zone()).minusDays(1);
        for (LocalDate day = LocalDate.ofInstant(window.from(), calendar.zone()); !day.isAfter(last);
             day = day.plusDays(1)) {
            Optional<Placement> placed = earliestFit(day, window.from(), definition.chairTime(), chairs, number);
            if (placed.isPresent()) {
                return placed;
            }
        }
        return Optional.empty();
    }

    /** Whether a session of this protocol starting at {@code start} lies on a slot and inside one day's hours. */
    public boolean opensFor(Protocol protocol, Instant start) {
        LocalDate day = LocalDate.ofInstant(start, calendar.zone());
        Optional<OpeningHours> hours = calendar.hoursOn(day);
        LocalTime startTime = LocalTime.ofInstant(start, calendar.zone());
        Instant end = start.plus(chairTime(protocol));
        return hours.isPresent()
                && startTime.toNanoOfDay() % Duration.ofMinutes(calendar.slotMinutes()).toNanos() == 0
                && !startTime.isBefore(hours.get().opens())
                && LocalDate.ofInstant(end, calendar.zone()).equals(day)
                && !LocalTime.ofInstant(end, calendar.zone()).isAfter(hours.get().closes());
    }

    /** The session placed at exactly {@code start} on the lowest free chair, if one is free for its chair time. */
    public Optional<Placement> placeAt(Protocol protocol, int number, Instant start, Collection<ChairBooking> existing) {
        Instant end = start.plus(chairTime(protocol));
        Instant occupiedUntil = end.plus(calendar.turnover());
        OptionalInt chair = new ChairOccupancy(existing)
                .lowestFreeChair(calendar.chairsFor(protocols.of(protocol).route()), start, occupiedUntil);
        return chair.isPresent()
                ? Optional.of(new Placement(number, chair.getAsInt(), start, end, occupiedUntil))
                : Optional.empty();
    }

    /** Whether the series keeps its rules with its sessions on these dates (any order). */
    public boolean keepsRules(Protocol protocol, List<LocalDate> dates) {
        return protocols.of(protocol).induction().keepsRules(dates.stream().sorted().toList());
    }

    /** How long one session of the protocol holds a chair (CLINICAL section 6). */
    public Duration chairTime(Protocol protocol) {
        return protocols.of(protocol).chairTime();
    }

    public ZoneId zone() {
        return calendar.zone();
    }

    private static List<LocalDate> withDate(List<LocalDate> dates, LocalDate day) {
        List<LocalDate> all = new ArrayList<>(dates);
        all.add(day);
        all.sort(null);
        return all;
    }

    private LocalDate lastFirstDate(Instant recordedAt) {
        return LocalDate.ofInstant(recordedAt, calendar.zone()).plusDays(horizonDays);
    }

    /** The occupancy of the clinic's chairs, and which of them may take the series' sessions (its route's). */
    private record Seats(ChairOccupancy occupancy, List<Integer> allowed) {

        OptionalInt lowestFreeChair(Instant start, Instant occupiedUntil) {
            return occupancy.lowestFreeChair(allowed, start, occupiedUntil);
        }

        void place(ChairBooking booking) {
            occupancy.place(booking);
        }

        void clearPlaced() {
            occupancy.clearPlaced();
        }
    }

    private Optional<List<Placement>> completeSeries(InductionSeries series, Placement first, Duration chairTime,
                                                     Seats chairs) {
        List<Placement> placements = new ArrayList<>(List.of(first));
        List<LocalDate> dates = new ArrayList<>(List.of(dateOf(first)));
        chairs.place(first.asChairBooking());
        LocalDate lastPossible = series.lastPossibleDate(dates.getFirst());
        while (placements.size() < series.sessions()) {
            Optional<Placement> next = Optional.empty();
            for (LocalDate day = dates.getLast().plusDays(1); next.isEmpty() && !day.isAfter(lastPossible);
                 day = day.plusDays(1)) {
                if (series.allows(dates, day)) {
                    next = earliestFit(day, Instant.MIN, chairTime, chairs, placements.size() + 1);
                }
            }
            if (next.isEmpty()) {
                chairs.clearPlaced();
                return Optional.empty();
            }
            placements.add(next.get());
            dates.add(dateOf(next.get()));
            chairs.place(next.get().asChairBooking());
        }
        return Optional.of(List.copyOf(placements));
    }

    /** The earliest start on {@code day}, not before {@code notBefore}, whose whole chair time fits a free chair. */
    private Optional<Placement> earliestFit(LocalDate day, Instant notBefore, Duration chairTime,
                                            Seats chairs, int number) {
        Optional<OpeningHours> hours = calendar.hoursOn(day);
        if (hours.isEmpty()) {
            return Optional.empty();
        }
        Instant closing = day.atTime(hours.get().closes()).atZone(calendar.zone()).toInstant();
        int slotSeconds = calendar.slotMinutes() * 60;
        int opensAt = hours.get().opens().toSecondOfDay();
        int firstSlot = (opensAt + slotSeconds - 1) / slotSeconds * slotSeconds;
        for (int second = firstSlot; second < LocalTime.MAX.toSecondOfDay(); second += slotSeconds) {
            Instant start = day.atTime(LocalTime.ofSecondOfDay(second)).atZone(calendar.zone()).toInstant();
            Instant end = start.plus(chairTime);
            if (end.isAfter(closing)) {
                return Optional.empty();
            }
            if (start.isBefore(notBefore)) {
                continue;
            }
            // The turnover after the day's last session may run past closing (CLINICAL section 6).
            Instant occupiedUntil = end.plus(calendar.turnover());
            OptionalInt chair = chairs.lowestFreeChair(start, occupiedUntil);
            if (chair.isPresent()) {
                return Optional.of(new Placement(number, chair.getAsInt(), start, end, occupiedUntil));
            }
        }
        return Optional.empty();
    }

    private LocalDate dateOf(Placement placement) {
        return LocalDate.ofInstant(placement.start(), calendar.zone());
    }
}
