package org.clinicops.intake.screening;

import java.util.List;

/** Checks of an instrument's item list, shared by the instrument records. */
final class Items {

    private Items() {
    }

    static List<Integer> checked(String instrument, List<Integer> items, int count, int max) {
        if (items.size() != count) {
            throw new IllegalArgumentException(instrument + " has " + count + " items, not " + items.size());
        }
        for (Integer item : items) {
            if (item == null || item < 0 || item > max) {
                throw new IllegalArgumentException(instrument + " items are 0 to " + max + ", not " + item);
            }
        }
        return List.copyOf(items);
    }

    static int sum(List<Integer> items) {
        return items.stream().mapToInt(Integer::intValue).sum();
    }
}
