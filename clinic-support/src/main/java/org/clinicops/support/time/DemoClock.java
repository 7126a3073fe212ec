package org.clinicops.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A demo clinic day's clock: its base clock (the clinic time ticking on in real time) moved ahead by a shared
 * {@link ForwardOffset}. Moving one demo clock on moves every clock of its offset; none ever goes back.
 */
public final class DemoClock extends Clock {

    private final Clock base;
    private final ForwardOffset offset;

    DemoClock(Clock base, ForwardOffset offset) {
        this.base = base;
        this.offset = offset;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.ahead());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new DemoClock(base.withZone(zone), offset);
    }

    /**
     * Moves this clock, and every other clock of its offset, on by {@code by}, which must be more than zero.
     *
     * @return this clock's time right after the jump
     */
    public Instant advanceBy(Duration by) {
        return offset.advanceBy(base, by);
    }

    /**
     * Moves this clock, and every other clock of its offset, on to {@code target}; at {@code target} already, nothing
     * changes.
     *
     * @return {@code target}, this clock's time right after the jump
     * @throws CannotGoBackException when {@code target} is earlier than now
     */
    public Instant advanceTo(Instant target) {
        return offset.advanceTo(base, target);
    }

    /** A demo clock was asked to go back to an earlier time than it shows. */
    public static final class CannotGoBackException extends RuntimeException {

        private final Instant now;

        CannotGoBackException(Instant now, Instant target) {
            super("A demo clock moves forward only: " + target + " is before now, " + now);
            this.now = now;
        }

        /** The clock's time when it refused. */
        public Instant now() {
            return now;
        }
    }
}
