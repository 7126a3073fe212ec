package org.clinicops.session.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Which chairs are taken when: the existing bookings plus the sessions placed so far for the series being built.
 * On one chair the intervals [start, occupiedUntil) never overlap (the database's exclusion constraint guarantees it
 * for stored sessions, this class for placed ones), so the interval starting last before an end is the only one
 * that can overlap.
 */
final class ChairOccupancy {

    private final Map<Integer, NavigableMap<Instant, Instant>> byChair = new HashMap<>();
    private final List<ChairBooking> placed = new ArrayList<>();

    ChairOccupancy(Collection<ChairBooking> existing) {
        existing.forEach(this::take);
    }

    /**
     * The lowest-numbered of the {@code allowed} chairs (those serving the session's route, in ascending order) free
     * for all of [start, occupiedUntil), if any (CLINICAL section 6).
     */
    OptionalInt lowestFreeChair(List<Integer> allowed, Instant start, Instant occupiedUntil) {
        for (int chair : allowed) {
            if (isFree(chair, start, occupiedUntil)) {
                return OptionalInt.of(chair);
            }
        }
        return OptionalInt.empty();
    }

    void place(ChairBooking booking) {
        take(booking);
        placed.add(booking);
    }

    /** Forgets the sessions placed for a series that did not fit as a whole. */
    void clearPlaced() {
        placed.forEach(b -> byChair.get(b.chairId()).remove(b.start()));
        placed.clear();
    }

    private boolean isFree(int chair, Instant start, Instant occupiedUntil) {
        NavigableMap<Instant, Instant> taken = byChair.get(chair);
        if (taken == null) {
            return true;
        }
        Map.Entry<Instant, Instant> lastStartingBefore = taken.lowerEntry(occupiedUntil);
        return lastStartingBefore == null || !lastStartingBefore.getValue().isAfter(start);
    }

    private void take(ChairBooking booking) {
        byChair.computeIfAbsent(booking.chairId(), c -> new TreeMap<>()).put(booking.start(), booking.occupiedUntil());
    }
}
