package org.clinicops.support.time;

import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo clinic day's clock that trainers move forward; the base stands for the clinic time ticking on. */
class DemoClockTests {

    private static final Instant THURSDAY_0900_LOS_ANGELES = TestClock.at("2026-11-26T17:00:00Z");

    private final TestClock base = new TestClock(THURSDAY_0900_LOS_ANGELES);
    private final DemoClock clock = new ForwardOffset().clock(base);

    @Test
    void advanceByMovesTheClockOnByTheDurationAndItTicksOnFromThere() {
        Instant moved = clock.advanceBy(Duration.parse("PT65M"));
        base.advance(Duration.ofSeconds(10));

        assertThat(moved).isEqualTo(TestClock.at("2026-11-26T18:05:00Z"));
        assertThat(clock.instant()).isEqualTo(TestClock.at("2026-11-26T18:05:10Z"));
    }

    @Test
    void advanceToMovesTheClockToTheInstant() {
        Instant moved = clock.advanceTo(TestClock.at("2026-11-27T16:00:00Z"));

        assertThat(moved).isEqualTo(TestClock.at("2026-11-27T16:00:00Z"));
        assertThat(clock.instant()).isEqualTo(TestClock.at("2026-11-27T16:00:00Z"));
    }

    @Test
    void advanceToNowChangesNothing() {
        assertThat(clock.advanceTo(THURSDAY_0900_LOS_ANGELES)).isEqualTo(THURSDAY_0900_LOS_ANGELES);
        assertThat(clock.instant()).isEqualTo(THURSDAY_0900_LOS_ANGELES);
    }

    @Test
    void theDemoClockNeverGoesBack_CLOCK_CANNOT_GO_BACK() {
        clock.advanceBy(Duration.ofHours(1));

        assertThatThrownBy(() -> clock.advanceTo(TestClock.at("2026-11-26T17:30:00Z")))
                .isInstanceOfSatisfying(DemoClock.CannotGoBackException.class,
                        refused -> assertThat(refused.now()).isEqualTo(TestClock.at("2026-11-26T18:00:00Z")));
        assertThat(clock.instant()).isEqualTo(TestClock.at("2026-11-26T18:00:00Z"));
    }

    @Test
    void theDemoClockMovesOnOnlyByMoreThanZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> clock.advanceBy(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> clock.advanceBy(Duration.ofMinutes(-5)));
        assertThat(clock.instant()).isEqualTo(THURSDAY_0900_LOS_ANGELES);
    }

    @Test
    void aJumpPastTheLastInstantMovesNothing() {
        assertThatThrownBy(() -> clock.advanceBy(Duration.ofSeconds(Long.MAX_VALUE))).isInstanceOf(RuntimeException.class);
        assertThat(clock.instant()).isEqualTo(THURSDAY_0900_LOS_ANGELES);
    }

    @Test
    void everyClockBuiltFromOneOffsetJumpsAtOnce() {
        ForwardOffset offset = new ForwardOffset();
        Clock intake = offset.clock(new TestClock(THURSDAY_0900_LOS_ANGELES));
        DemoClock gateway = offset.clock(new TestClock(THURSDAY_0900_LOS_ANGELES));
        Clock elsewhere = new ForwardOffset().clock(new TestClock(THURSDAY_0900_LOS_ANGELES));

        gateway.advanceBy(Duration.parse("P1DT2H"));

        assertThat(intake.instant()).isEqualTo(gateway.instant()).isEqualTo(TestClock.at("2026-11-27T19:00:00Z"));
        assertThat(elsewhere.instant()).isEqualTo(THURSDAY_0900_LOS_ANGELES);
    }

    @Test
    void theServicesDemoClocksShareThisJvmsOffset() {
        // as clinic-local gives them: the same start, and the same real moment it corresponds to
        String start = THURSDAY_0900_LOS_ANGELES.toString();
        String startedAt = ClinicClock.system().instant().toString();
        DemoClock gateway = ClinicClock.demo(start, startedAt);
        Clock session = ClinicClock.fromSettings(start, startedAt);

        Instant before = session.instant();
        Instant moved = gateway.advanceBy(Duration.ofHours(1));
        Instant after = session.instant();

        assertThat(Duration.between(before, after)).isBetween(Duration.ofHours(1), Duration.ofHours(1).plusSeconds(5));
        assertThat(after).isAfterOrEqualTo(moved);
    }

    @Test
    void withoutAClinicTimeTheClockIsTheSystemsAndNeverJumps() {
        assertThat(ClinicClock.fromSettings("", "")).isNotInstanceOf(DemoClock.class);
    }
}
