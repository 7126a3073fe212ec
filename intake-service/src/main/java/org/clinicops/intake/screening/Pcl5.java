package org.clinicops.intake.screening;

import java.util.List;

/** PCL-5 answers: 20 items, each 0-4, total 0-80 (CLINICAL section 2). */
public record Pcl5(List<Integer> items) {

    public static final int ITEMS = 20;
    public static final int ITEM_MAX = 4;
    /** CLINICAL section 2: PROBABLE_PTSD if total >= 33. */
    public static final int CUTOFF = 33;

    public enum Result { PROBABLE_PTSD, BELOW_CUTOFF }

    public Pcl5 {
        items = Items.checked("PCL-5", items, ITEMS, ITEM_MAX);
    }

    public int total() {
        return Items.sum(items);
    }

    public Result result() {
        return total() >= CUTOFF ? Result.PROBABLE_PTSD : Result.BELOW_CUTOFF;
    }

    public InstrumentScore score() {
        return new InstrumentScore(total(), result().name());
    }
}
