package org.clinicops.support.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ClinicClockTests {

    @Test
    void aDemoClinicDayStartsAtTheSetTimeAndTicksOn() {
        Instant realNow = Instant.parse("2026-12-01T10:00:00Z");
        Instant clinicStart = Instant.parse("2026-11-25T16:45:00Z");

        Clock atLaunch = ClinicClock.startingAt(clinicStart, realNow, Clock.fixed(realNow, ZoneOffset.UTC));
        Clock tenMinutesLater = ClinicClock.startingAt(clinicStart, realNow,
                Clock.fixed(realNow.plus(Duration.ofMinutes(10)), ZoneOffset.UTC));

        assertThat(atLaunch.instant()).isEqualTo(clinicStart);
        assertThat(tenMinutesLater.instant()).isEqualTo(clinicStart.plus(Duration.ofMinutes(10)));
    }

    @Test
    void servicesStartedLaterAgreeWithTheFirstWhenGivenTheSameAnchor() {
        Instant anchor = Instant.parse("2026-12-01T10:00:00Z");
        Instant clinicStart = Instant.parse("2026-11-25T16:45:00Z");
        Clock system = Clock.fixed(anchor.plusSeconds(7), ZoneOffset.UTC);

        assertThat(ClinicClock.startingAt(clinicStart, anchor, system).instant()).isEqualTo(clinicStart.plusSeconds(7));
    }
}
