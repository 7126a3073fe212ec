package org.clinicops.intake.screening;

import java.util.List;

/** PHQ-9 answers: 9 items, each 0-3, total 0-27 (CLINICAL section 2). */
public record Phq9(List<Integer> items) {

    public static final int ITEMS = 9;
    public static final int ITEM_MAX = 3;

    public enum Severity { NONE_MINIMAL, MILD, MODERATE, MODERATELY_SEVERE, SEVERE }

    public Phq9 {
        items = Items.checked("PHQ-9", items, ITEMS, ITEM_MAX);
    }

    public int total() {
        return Items.sum(items);
    }

    public Severity severity() {
        int total = total();
        // CLINICAL section 2: NONE_MINIMAL 0-4, MILD 5-9, MODERATE 10-14, MODERATELY_SEVERE 15-19, SEVERE 20-27
        if (total <= 4) {
            return Severity.NONE_MINIMAL;
        }
        if (total <= 9) {
            return Severity.MILD;
        }
        if (total <= 14) {
            return Severity.MODERATE;
        }
        if (total <= 19) {
            return Severity.MODERATELY_SEVERE;
        }
        return Severity.SEVERE;
    }

    /** Item 9 (1-based): thoughts of being better off dead or of self-harm. */
    public int item9() {
        return items.get(8);
    }

    public InstrumentScore score() {
        return new InstrumentScore(total(), severity().name());
    }
}
