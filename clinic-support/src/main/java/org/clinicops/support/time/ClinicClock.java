package org.clinicops.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's clock: the system's UTC clock, or, for a training or demo clinic day, one that starts at a set
 * instant ({@code clinic.clock.start}) and then ticks on in real time.
 */
public final class ClinicClock {

    private ClinicClock() {
    }

    public static Clock startingAt(Instant start, Clock system) {
        return Clock.offset(system, Duration.between(system.instant(), start));
    }
}
