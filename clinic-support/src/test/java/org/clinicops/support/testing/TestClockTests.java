package org.clinicops.support.testing;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TestClockTests {

    @Test
    void withoutABaseTheSuiteRunsInItsReferenceWeek() {
        assertThat(TestClock.shift(null)).isZero();
        assertThat(TestClock.shift("")).isZero();
        assertThat(TestClock.shift("2026-11-25")).isZero();
    }

    @Test
    void aBaseMovesEveryTestTimeByWholeFiftyTwoWeekYearsKeepingWeekdayAndSeason() {
        Duration yearAhead = TestClock.shift("2027-12-01");

        assertThat(yearAhead).isEqualTo(Duration.ofDays(364));
        LocalDate moved = TestClock.REFERENCE_DAY.plusDays(yearAhead.toDays());
        assertThat(moved.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(moved).isBetween(LocalDate.parse("2027-11-20"), LocalDate.parse("2027-11-30"));
        assertThat(TestClock.shift("2031-06-01")).isEqualTo(Duration.ofDays(4 * 364));
        assertThat(TestClock.shift("2025-11-01")).isEqualTo(Duration.ofDays(-364));
    }

    @Test
    void aTestClockStandsStillUntilTheTestMovesIt() {
        TestClock clock = new TestClock();
        assertThat(clock.instant()).isEqualTo(TestClock.at("2026-11-25T17:00:00Z"));

        clock.advance(Duration.ofMinutes(10));

        assertThat(clock.instant()).isEqualTo(TestClock.at("2026-11-25T17:10:00Z"));
    }
}
