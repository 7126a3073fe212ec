package org.clinicops.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a demo clinic day has been moved ahead of its clock: only ever forward, and shared by every
 * {@link DemoClock} made from it, so a jump moves them all at once. {@link #ofThisJvm()} is the one that every demo
 * clock from {@link ClinicClock#fromSettings} uses, so all services clinic-local runs in one JVM jump together. It
 * lives in memory: a restart begins again at {@code clinic.clock.start}.
 */
public final class ForwardOffset {

    private static final ForwardOffset THIS_JVM = new ForwardOffset();

    // read on every clock reading, changed only under the lock
    private volatile Duration ahead = Duration.ZERO;

    /** The offset every demo clock of this JVM shares. */
    public static ForwardOffset ofThisJvm() {
        return THIS_JVM;
    }

    /** {@code base} moved ahead by this offset, as it is now and after every later jump. */
    public DemoClock clock(Clock base) {
        return new DemoClock(base, this);
    }

    Duration ahead() {
        return ahead;
    }

    synchronized Instant advanceBy(Clock base, Duration by) {
        if (!by.isPositive()) {
            throw new IllegalArgumentException("A demo clock moves forward only, not by " + by);
        }
        // computed first, so a jump past the last representable instant fails without moving anything
        Instant moved = base.instant().plus(ahead).plus(by);
        ahead = ahead.plus(by);
        return moved;
    }

    synchronized Instant advanceTo(Clock base, Instant target) {
        Instant now = base.instant().plus(ahead);
        if (target.isBefore(now)) {
            throw new DemoClock.CannotGoBackException(now, target);
        }
        ahead = ahead.plus(Duration.between(now, target));
        return target;
    }
}
