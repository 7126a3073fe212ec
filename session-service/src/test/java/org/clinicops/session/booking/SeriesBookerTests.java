package org.clinicops.session.booking;

import org.clinicops.events.Protocol;
import org.clinicops.session.config.SessionProperties;
import org.clinicops.session.protocol.Protocols;
import org.clinicops.session.protocol.Route;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.events.Protocol.ESKETAMINE_NASAL;
import static org.clinicops.events.Protocol.IM_KETAMINE;
import static org.clinicops.events.Protocol.IV_KETAMINE_DEPRESSION;

/** The rules of CLINICAL section 6 "Booking a series", on the defaults unless a test says otherwise. */
class SeriesBookerTests {

    static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");
    /** The protocol table with the clinic's default settings, bound as Spring Boot binds an empty configuration. */
    static final Protocols PROTOCOLS = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("session", SessionProperties.class).day().protocols();
    /** Wednesday 2026-11-25 09:00 clinic time: the moment of CLINICAL section 6's example. */
    static final Instant EXAMPLE_OUTCOME = at("2026-11-25T09:00");

    @Test
    void clinicalExampleBooksThursdayThenEveryOtherClinicDayAt0800OnChairOne() {
        List<Placement> series = booker().book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, List.of()).orElseThrow();

        assertThat(series).containsExactly(
                new Placement(1, 1, Instant.parse("2026-11-26T17:00:00Z"), Instant.parse("2026-11-26T18:55:00Z"),
                        Instant.parse("2026-11-26T19:10:00Z")),
                placement(2, 1, "2026-11-30T08:00", 115),
                placement(3, 1, "2026-12-02T08:00", 115),
                placement(4, 1, "2026-12-04T08:00", 115),
                placement(5, 1, "2026-12-07T08:00", 115),
                placement(6, 1, "2026-12-09T08:00", 115));
    }

    @Test
    void clinicalExampleWithThursdayAClosureStartsFridayAt0800() {
        SeriesBooker booker = booker(calendar(Set.of(LocalDate.parse("2026-11-26")), 4));

        assertThat(starts(booker.book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, List.of())))
                .containsExactly("2026-11-27T08:00", "2026-11-30T08:00", "2026-12-02T08:00", "2026-12-04T08:00",
                        "2026-12-07T08:00", "2026-12-09T08:00");
    }

    @Test
    void leadTimeCountsFromTheOutcomeWhenItIsBookedPromptly() {
        assertThat(booker().leadTimeCountsFrom(EXAMPLE_OUTCOME, EXAMPLE_OUTCOME.plusSeconds(2)))
                .isEqualTo(EXAMPLE_OUTCOME);
    }

    @Test
    void anOutcomeReachingBookingAfterAnOutageIsNeverBookedInThePast() {
        // The outcome waited three days (a service was down): the series starts from now, not from three days ago.
        Instant now = at("2026-11-28T10:00");
        SeriesBooker booker = booker();

        Instant countedFrom = booker.leadTimeCountsFrom(EXAMPLE_OUTCOME, now);

        assertThat(countedFrom).isEqualTo(now.minus(Duration.ofHours(24)));
        assertThat(booker.book(IV_KETAMINE_DEPRESSION, countedFrom, List.of()).orElseThrow().getFirst().start())
                .isAfterOrEqualTo(now)
                .isEqualTo(at("2026-11-30T08:00"));
    }

    @Test
    void firstSessionStartsNoEarlierThanTheLeadTimeAfterTheOutcome() {
        // Thursday 16:00 is 24 h after the outcome, but 16:00 + 115 min runs past 17:00: Friday 08:00 is the first fit
        assertThat(starts(booker().book(IV_KETAMINE_DEPRESSION, at("2026-11-25T16:00"), List.of())))
                .containsExactly("2026-11-27T08:00", "2026-11-30T08:00", "2026-12-02T08:00", "2026-12-04T08:00",
                        "2026-12-07T08:00", "2026-12-09T08:00");
        // 15:00 + 115 min = 16:55 still fits inside Thursday's hours
        assertThat(starts(booker().book(IV_KETAMINE_DEPRESSION, at("2026-11-25T15:00"), List.of())).getFirst())
                .isEqualTo("2026-11-26T15:00");
    }

    @Test
    void sessionsStartOnTheQuarterHour() {
        assertThat(starts(booker().book(IV_KETAMINE_DEPRESSION, at("2026-11-25T09:07"), List.of())).getFirst())
                .isEqualTo("2026-11-26T09:15");
        assertThat(starts(booker().book(IV_KETAMINE_DEPRESSION, at("2026-11-25T09:15"), List.of())).getFirst())
                .isEqualTo("2026-11-26T09:15");
    }

    @Test
    void aStartIsOpenOnlyExactlyOnTheQuarterHour() {
        // found by SeriesPropertiesTests: a reschedule to 08:00:00.001 passed as the 08:00 slot
        assertThat(booker().opensFor(IV_KETAMINE_DEPRESSION, at("2026-11-26T08:00"))).isTrue();
        assertThat(booker().opensFor(IV_KETAMINE_DEPRESSION, at("2026-11-26T08:00").plusMillis(1))).isFalse();
        assertThat(booker().opensFor(IV_KETAMINE_DEPRESSION, at("2026-11-26T08:00").plusNanos(1000))).isFalse();
        assertThat(booker().opensFor(IV_KETAMINE_DEPRESSION, at("2026-11-26T08:00").plusSeconds(1))).isFalse();
        assertThat(booker().opensFor(IV_KETAMINE_DEPRESSION, at("2026-11-26T08:05"))).isFalse();
    }

    @Test
    void neverBooksTwoSessionsOnConsecutiveDays() {
        // Monday 30 Nov full on every chair: Tuesday 1 Dec is 5 days after Thursday and allowed, then every other day
        List<ChairBooking> mondayFull = allChairsBusy(4, at("2026-11-30T00:00"), at("2026-12-01T00:00"));

        assertThat(starts(booker().book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, mondayFull)))
                .containsExactly("2026-11-26T09:00", "2026-12-01T08:00", "2026-12-03T08:00", "2026-12-07T08:00",
                        "2026-12-09T08:00", "2026-12-11T08:00");
    }

    @Test
    void aSeriesThatCannotEndWithin21DaysOfItsFirstSessionMovesItsFirstSessionLater() {
        // Every chair busy 1-16 Dec: from 26 Nov the series would need 30 Nov, 17, 21 Dec... (25 days): no fit,
        // nor from 27 or 30 Nov; the first candidate with which all six fit is Thursday 17 Dec
        List<ChairBooking> blocked = allChairsBusy(4, at("2026-12-01T00:00"), at("2026-12-17T00:00"));

        List<String> starts = starts(booker().book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, blocked));

        assertThat(starts).containsExactly("2026-12-17T08:00", "2026-12-21T08:00", "2026-12-23T08:00",
                "2026-12-25T08:00", "2026-12-28T08:00", "2026-12-30T08:00");
    }

    @Test
    void theLastSessionMayFallExactly21DaysAfterTheFirst() {
        // Every chair busy 1-10 Dec: from Thursday 26 Nov the sixth session would fall on 18 Dec, 22 days later;
        // from Friday 27 Nov the series is 27 and 30 Nov, 11, 14, 16 and 18 Dec: 21 days, inside the window
        List<ChairBooking> blocked = allChairsBusy(4, at("2026-12-01T00:00"), at("2026-12-11T00:00"));

        assertThat(starts(booker().book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, blocked)))
                .containsExactly("2026-11-27T08:00", "2026-11-30T08:00", "2026-12-11T08:00", "2026-12-14T08:00",
                        "2026-12-16T08:00", "2026-12-18T08:00");
    }

    @Test
    void aBusyChairSendsTheSessionToTheNextChairAndFullChairsToALaterTime() {
        List<ChairBooking> chairOneBusy = List.of(session(1, "2026-11-26T09:00", 115));
        assertThat(booker().book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, chairOneBusy).orElseThrow().getFirst())
                .isEqualTo(placement(1, 2, "2026-11-26T09:00", 115));

        List<ChairBooking> allChairsBusy = IntStream.rangeClosed(1, 4)
                .mapToObj(chair -> session(chair, "2026-11-26T09:00", 115)).toList();
        // each chair busy until 10:55 + 15 min turnover = 11:10, so the next quarter hour is 11:15 on chair 1
        assertThat(booker().book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, allChairsBusy).orElseThrow().getFirst())
                .isEqualTo(placement(1, 1, "2026-11-26T11:15", 115));
    }

    @Test
    void theLowestNumberedFreeChairIsTaken() {
        List<ChairBooking> chairsOneAndThreeBusy = List.of(session(1, "2026-11-26T09:00", 115),
                session(3, "2026-11-26T09:00", 115));

        assertThat(booker().book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, chairsOneAndThreeBusy).orElseThrow()
                .getFirst().chairId()).isEqualTo(2);
    }

    @Test
    void aChairNeedsFifteenMinutesTurnoverBetweenSessions() {
        SeriesBooker oneChair = booker(calendar(Set.of(), 1));
        // 09:00-10:55 holds the chair until 11:10: not 11:00, but the next quarter hour, 11:15
        assertThat(oneChair.book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME,
                List.of(session(1, "2026-11-26T09:00", 115))).orElseThrow().getFirst())
                .isEqualTo(placement(1, 1, "2026-11-26T11:15", 115));
        // a session at 11:00 leaves no room before it (09:00 + 115 + 15 = 11:10), so the first fit is after it:
        // 11:00-12:55 holds the chair until 13:10 -> 13:15
        assertThat(oneChair.book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME,
                List.of(session(1, "2026-11-26T11:00", 115))).orElseThrow().getFirst())
                .isEqualTo(placement(1, 1, "2026-11-26T13:15", 115));
        // a session starting exactly when the turnover ends is fine: [start, end + turnover) is half-open
        assertThat(oneChair.book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME,
                List.of(session(1, "2026-11-26T11:10", 115))).orElseThrow().getFirst())
                .isEqualTo(placement(1, 1, "2026-11-26T09:00", 115));
    }

    @Test
    void theTurnoverAfterTheDaysLastSessionMayRunPastClosing() {
        // 15:00-16:55, and the chair's turnover until 17:10, after closing
        assertThat(booker(calendar(Set.of(), 1)).book(IV_KETAMINE_DEPRESSION, at("2026-11-25T15:00"), List.of())
                .orElseThrow().getFirst()).isEqualTo(placement(1, 1, "2026-11-26T15:00", 115));
    }

    @Test
    void weekendsAndClosureDatesAreSkipped() {
        // Friday 09:00 + 24 h is Saturday: the first session is Monday; Wednesday 2 Dec is a closure
        SeriesBooker booker = booker(calendar(Set.of(LocalDate.parse("2026-12-02")), 4));

        List<String> starts = starts(booker.book(IV_KETAMINE_DEPRESSION, at("2026-11-27T09:00"), List.of()));

        assertThat(starts).containsExactly("2026-11-30T08:00", "2026-12-03T08:00", "2026-12-07T08:00",
                "2026-12-09T08:00", "2026-12-11T08:00", "2026-12-14T08:00");
    }

    @Test
    void waitsForCapacityWhenNoSeriesFitsWithin28DaysOfTheOutcome() {
        SeriesBooker oneChair = booker(calendar(Set.of(), 1));
        List<ChairBooking> fullyBooked = List.of(new ChairBooking(1, at("2026-11-01T00:00"), at("2027-03-01T00:00")));

        assertThat(oneChair.book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, fullyBooked)).isEmpty();
    }

    @Test
    void theFirstSessionMayFallOnThe28thDayAfterTheOutcomeButNotLater() {
        SeriesBooker oneChair = booker(calendar(Set.of(), 1));
        // 25 Nov + 28 days = Wednesday 23 Dec
        List<ChairBooking> busyUntil23Dec =
                List.of(new ChairBooking(1, at("2026-11-01T00:00"), at("2026-12-23T00:00")));
        List<ChairBooking> busyUntil24Dec =
                List.of(new ChairBooking(1, at("2026-11-01T00:00"), at("2026-12-24T00:00")));

        assertThat(starts(oneChair.book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, busyUntil23Dec)).getFirst())
                .isEqualTo("2026-12-23T08:00");
        assertThat(oneChair.book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, busyUntil24Dec)).isEmpty();
    }

    @Test
    void imSessionsHoldTheChairEightyMinutes() {
        List<Placement> series = booker().book(IM_KETAMINE, EXAMPLE_OUTCOME, List.of()).orElseThrow();

        assertThat(series).hasSize(6);
        assertThat(series.get(1)).isEqualTo(placement(2, 1, "2026-11-30T08:00", 80));
    }

    @Test
    void esketamineBooksTwoSessionsInEachOfFourCalendarWeeksAtLeastTwoDaysApart() {
        // Thursday 26 and Friday 27 Nov leave no second clinic day in their week two days later: the series starts
        // Monday 30 Nov, 145 minutes a session
        List<Placement> series = booker().book(ESKETAMINE_NASAL, EXAMPLE_OUTCOME, List.of()).orElseThrow();

        assertThat(series.stream().map(p -> local(p.start()).toString()))
                .containsExactly("2026-11-30T08:00", "2026-12-02T08:00", "2026-12-07T08:00", "2026-12-09T08:00",
                        "2026-12-14T08:00", "2026-12-16T08:00", "2026-12-21T08:00", "2026-12-23T08:00");
        assertThat(series.getFirst()).isEqualTo(placement(1, 1, "2026-11-30T08:00", 145));
    }

    @Test
    void chairRoutes_aSessionTakesOnlyAChairServingItsProtocolsRoute() {
        // chair 1 is set up for esketamine only, chair 2 for IV only; chair 3 serves every route
        SeriesBooker booker = booker(calendar(Set.of(), 3,
                Map.of(1, Set.of(Route.INTRANASAL), 2, Set.of(Route.IV))));

        assertThat(booker.book(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME, List.of()).orElseThrow())
                .extracting(Placement::chairId).containsOnly(2);
        assertThat(booker.book(ESKETAMINE_NASAL, EXAMPLE_OUTCOME, List.of()).orElseThrow())
                .extracting(Placement::chairId).containsOnly(1);
        assertThat(booker.book(IM_KETAMINE, EXAMPLE_OUTCOME, List.of()).orElseThrow())
                .extracting(Placement::chairId).containsOnly(3);
        // chair 2 busy on Thursday morning: the IV session goes to chair 3, never to the free esketamine chair
        Instant thursday0900 = at("2026-11-26T09:00");
        assertThat(booker.placeAt(IV_KETAMINE_DEPRESSION, 1, thursday0900,
                List.of(session(2, "2026-11-26T08:00", 180))).orElseThrow().chairId()).isEqualTo(3);
        assertThat(booker.placeAt(IV_KETAMINE_DEPRESSION, 1, thursday0900,
                List.of(session(2, "2026-11-26T08:00", 180), session(3, "2026-11-26T08:00", 180)))).isEmpty();
    }

    @Test
    void chairRoutes_aMadeUpSessionTakesOnlyAChairServingItsRoute() {
        SeriesBooker booker = booker(calendar(Set.of(), 2, Map.of(1, Set.of(Route.INTRANASAL))));
        // chair 2, the only IV chair, is taken all Friday 27 Nov: the make-up goes to Monday 30 Nov, not to chair 1
        Placement placed = booker.placeOne(IV_KETAMINE_DEPRESSION, 1, List.of(LocalDate.parse("2026-12-02")),
                at("2026-11-27T09:00"), List.of(session(2, "2026-11-27T08:00", 540))).orElseThrow();

        assertThat(placed.chairId()).isEqualTo(2);
        assertThat(local(placed.start())).isEqualTo(LocalDateTime.parse("2026-11-30T08:00"));
    }

    @Test
    void chairRoutes_aProtocolWhoseRouteNoChairServesWaitsForCapacity() {
        SeriesBooker booker = booker(calendar(Set.of(), 1, Map.of(1, Set.of(Route.IV))));

        assertThat(booker.book(ESKETAMINE_NASAL, EXAMPLE_OUTCOME, List.of())).isEmpty();
    }

    @Test
    void searchWindowCoversEveryDateASeriesCanFallOn() {
        SearchWindow window = booker().searchWindow(IV_KETAMINE_DEPRESSION, EXAMPLE_OUTCOME);

        assertThat(window.from()).isEqualTo(at("2026-11-26T09:00"));
        // last first date 23 Dec + 21 days = 13 Jan, through its end
        assertThat(window.to()).isEqualTo(at("2027-01-14T00:00"));
    }

    @Test
    void bookingManyPlansOneAfterAnotherKeepsEveryRule() {
        Random random = new Random(20261125);
        SeriesBooker booker = booker(calendar(Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")), 3));
        List<ChairBooking> calendar = new ArrayList<>();
        int waiting = 0;
        for (int patient = 0; patient < 120; patient++) {
            Instant recordedAt = EXAMPLE_OUTCOME.plus(random.nextInt(14 * 24 * 60), ChronoUnit.MINUTES);
            Protocol protocol = Protocol.values()[random.nextInt(Protocol.values().length)];
            Optional<List<Placement>> series = booker.book(protocol, recordedAt, calendar);
            if (series.isEmpty()) {
                waiting++;
                continue;
            }
            assertKeepsTheRules(protocol, recordedAt, series.get());
            series.get().forEach(p -> calendar.add(p.asChairBooking()));
        }
        assertThat(waiting).as("some plans must wait once three chairs fill up").isPositive();
        for (ChairBooking a : calendar) {
            for (ChairBooking b : calendar) {
                if (a != b && a.chairId() == b.chairId()) {
                    assertThat(a.start().isBefore(b.occupiedUntil()) && b.start().isBefore(a.occupiedUntil()))
                            .as("%s overlaps %s", a, b).isFalse();
                }
            }
        }
    }

    private static void assertKeepsTheRules(Protocol protocol, Instant recordedAt, List<Placement> series) {
        assertThat(series).extracting(Placement::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, series.size()).boxed().toList());
        assertThat(series).hasSize(protocol == ESKETAMINE_NASAL ? 8 : 6);
        assertThat(series.getFirst().start()).isAfterOrEqualTo(recordedAt.plus(Duration.ofHours(24)));
        assertThat(date(series.getFirst().start())).isBeforeOrEqualTo(date(recordedAt).plusDays(28));
        for (Placement p : series) {
            LocalDateTime start = local(p.start());
            assertThat(start.getMinute() % 15).isZero();
            assertThat(start.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(start.toLocalDate()).isNotIn(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"));
            assertThat(start.toLocalTime()).isAfterOrEqualTo(LocalTime.of(8, 0));
            assertThat(local(p.end()).toLocalTime()).isBeforeOrEqualTo(LocalTime.of(17, 0));
            assertThat(Duration.between(p.start(), p.end())).isEqualTo(PROTOCOLS.of(protocol).chairTime());
            assertThat(p.occupiedUntil()).isEqualTo(p.end().plus(Duration.ofMinutes(15)));
        }
        for (int i = 1; i < series.size(); i++) {
            assertThat(date(series.get(i).start())).isAfterOrEqualTo(date(series.get(i - 1).start()).plusDays(2));
        }
        if (protocol != ESKETAMINE_NASAL) {
            assertThat(date(series.getLast().start())).isBeforeOrEqualTo(date(series.getFirst().start()).plusDays(21));
        }
    }

    static SeriesBooker booker() {
        return booker(calendar(Set.of(), 4));
    }

    static SeriesBooker booker(ClinicCalendar calendar) {
        return new SeriesBooker(calendar, PROTOCOLS, Duration.ofHours(24), 28);
    }

    /** The CLINICAL section 6 defaults, with the given closures, chairs and the routes some chairs are set up for. */
    static ClinicCalendar calendar(Set<LocalDate> closures, int chairs, Map<Integer, Set<Route>> chairRoutes) {
        ClinicCalendar defaults = calendar(closures, chairs);
        return new ClinicCalendar(defaults.zone(), defaults.hours(), defaults.closures(), chairs,
                defaults.slotMinutes(), defaults.turnover(), chairRoutes);
    }

    /** The CLINICAL section 6 defaults, with the given closures and chairs. */
    static ClinicCalendar calendar(Set<LocalDate> closures, int chairs) {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(day, new OpeningHours(LocalTime.of(8, 0), LocalTime.of(17, 0)));
        }
        return new ClinicCalendar(CLINIC, hours, closures, chairs, 15, Duration.ofMinutes(15));
    }

    /** Clinic-local date and time, e.g. "2026-11-25T09:00". */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CLINIC).toInstant();
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, CLINIC);
    }

    static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, CLINIC);
    }

    static Placement placement(int number, int chair, String localStart, int minutes) {
        Instant start = at(localStart);
        Instant end = start.plus(Duration.ofMinutes(minutes));
        return new Placement(number, chair, start, end, end.plus(Duration.ofMinutes(15)));
    }

    static ChairBooking session(int chair, String localStart, int minutes) {
        Instant start = at(localStart);
        return new ChairBooking(chair, start, start.plus(Duration.ofMinutes(minutes + 15)));
    }

    static List<ChairBooking> allChairsBusy(int chairs, Instant from, Instant to) {
        return IntStream.rangeClosed(1, chairs).mapToObj(chair -> new ChairBooking(chair, from, to)).toList();
    }

    static List<String> starts(Optional<List<Placement>> series) {
        return series.orElseThrow().stream().map(p -> local(p.start()).toString()).toList();
    }
}
