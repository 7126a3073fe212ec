package org.clinicops.intake.screening;

import java.util.List;

/** GAD-7 answers: 7 items, each 0-3, total 0-21 (CLINICAL section 2); reported, used by no rule. */
public record Gad7(List<Integer> items) {

    public static final int ITEMS = 7;
    public static final int ITEM_MAX = 3;

    public enum Severity { MINIMAL, MILD, MODERATE, SEVERE }

    public Gad7 {
        items = Items.checked("GAD-7", items, ITEMS, ITEM_MAX);
    }

    public int total() {
        return Items.sum(items);
    }

    public Severity severity() {
        int total = total();
        // CLINICAL section 2: MINIMAL 0-4, MILD 5-9, MODERATE 10-14, SEVERE 15-21
        if (total <= 4) {
            return Severity.MINIMAL;
        }
        if (total <= 9) {
            return Severity.MILD;
        }
        if (total <= 14) {
            return Severity.MODERATE;
        }
        return Severity.SEVERE;
    }

    public InstrumentScore score() {
        return new InstrumentScore(total(), severity().name());
    }
}
