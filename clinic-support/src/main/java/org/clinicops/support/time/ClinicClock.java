package org.clinicops.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's clock: the system's UTC clock, or, for a training or demo clinic day, one that reads
 * {@code clinic.clock.start} at the real moment {@code clinic.clock.started-at} (default: when the service starts)
 * and then ticks on in real time. clinic-local gives every service the same pair, so all of them agree on the time.
 */
public final class ClinicClock {

    private ClinicClock() {
    }

    public static Clock startingAt(Instant clinicStart, Instant realStart, Clock system) {
        return Clock.offset(system, Duration.between(realStart, clinicStart));
    }
}
