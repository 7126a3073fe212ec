package org.clinicops.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's clock: the system's UTC clock, or, for a training or demo clinic day, one that reads
 * {@code clinic.clock.start} at the real moment {@code clinic.clock.started-at} (default: when the service starts)
 * and then ticks on in real time. clinic-local gives every service the same pair, so all of them agree on the time,
 * and every demo clock of a JVM shares {@link ForwardOffset#ofThisJvm()}, so the gateway's demo clock moves them all.
 */
public final class ClinicClock {

    private ClinicClock() {
    }

    /**
     * The service's clock from its settings: the system clock when {@code start} is blank, else a demo clinic day
     * starting at {@code start} at the real moment {@code startedAt} (blank: now).
     */
    public static Clock fromSettings(String start, String startedAt) {
        return start.isBlank() ? system() : demo(start, startedAt);
    }

    /**
     * A demo clinic day's clock: {@code start} at the real moment {@code startedAt} (blank: now), ticking on in real
     * time and moved ahead by this JVM's one {@link ForwardOffset}.
     */
    public static DemoClock demo(String start, String startedAt) {
        Clock system = system();
        Instant realStart = startedAt.isBlank() ? system.instant() : Instant.parse(startedAt);
        return ForwardOffset.ofThisJvm().clock(startingAt(Instant.parse(start), realStart, system));
    }

    /** The machine's clock; read nowhere else (an architecture test holds every module to it). */
    public static Clock system() {
        return Clock.systemUTC();
    }

    public static Clock startingAt(Instant clinicStart, Instant realStart, Clock system) {
        return Clock.offset(system, Duration.between(realStart, clinicStart));
    }
}
