package org.clinicops.intake.screening;

import java.util.List;
import java.util.Objects;

/** DAST-10 answers: 10 yes/no items, total 0-10 (CLINICAL section 2). */
public record Dast10(List<Boolean> answers) {

    public static final int ITEMS = 10;
    /** CLINICAL section 2: item 3 (index 2) is reverse-scored: "no" scores 1. */
    public static final int REVERSED_ITEM_INDEX = 2;

    public enum Severity { NONE, LOW, MODERATE, SUBSTANTIAL, SEVERE }

    public Dast10 {
        if (answers.size() != ITEMS || answers.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("DAST-10 has " + ITEMS + " yes/no answers, not " + answers);
        }
        answers = List.copyOf(answers);
    }

    public int total() {
        int total = 0;
        for (int i = 0; i < ITEMS; i++) {
            boolean scores = i == REVERSED_ITEM_INDEX ? !answers.get(i) : answers.get(i);
            total += scores ? 1 : 0;
        }
        return total;
    }

    public Severity severity() {
        int total = total();
        // CLINICAL section 2: NONE 0, LOW 1-2, MODERATE 3-5, SUBSTANTIAL 6-8, SEVERE 9-10
        if (total == 0) {
            return Severity.NONE;
        }
        if (total <= 2) {
            return Severity.LOW;
        }
        if (total <= 5) {
            return Severity.MODERATE;
        }
        if (total <= 8) {
            return Severity.SUBSTANTIAL;
        }
        return Severity.SEVERE;
    }

    public InstrumentScore score() {
        return new InstrumentScore(total(), severity().name());
    }
}
