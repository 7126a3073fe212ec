package org.clinicops.intake.screening;

import org.clinicops.intake.patient.SexAtBirth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The contract example of CLINICAL section 3 (ELIGIBLE: no rule fires) as a starting point that a test changes in
 * one place, then assesses with {@link EligibilityRules}.
 */
final class Answers {

    Indication indication = Indication.DEPRESSION;
    LocalDate screenedOn = LocalDate.parse("2026-11-20");
    List<Integer> phq9 = List.of(2, 2, 1, 2, 1, 1, 2, 1, 0);
    List<Integer> gad7 = List.of(1, 2, 1, 1, 0, 1, 1);
    List<Integer> pcl5 = List.of(0, 1, 2, 1, 0, 0, 1, 1, 0, 2, 1, 1, 0, 0, 1, 2, 1, 0, 1, 0);
    List<Integer> auditC = List.of(1, 0, 0);
    List<Boolean> dast10 = List.of(false, false, true, false, false, false, false, false, false, false);
    Cssrs cssrs = new Cssrs(false, false, false, false, false, false, false);
    int failedTrials = 2;
    boolean onMoodStabilizer = false;
    Set<Condition> conditions = Set.of();
    Set<Medication> medications = Set.of();
    double systolic = 128;
    double diastolic = 82;
    LocalDate dateOfBirth = LocalDate.parse("1984-03-09");
    SexAtBirth sexAtBirth = SexAtBirth.FEMALE;

    static Answers example() {
        return new Answers();
    }

    /** {@code count} items of 0 to {@code max} adding up to {@code total}, filled from the first item. */
    static List<Integer> itemsWithTotal(int total, int count, int max) {
        if (total > count * max) {
            throw new IllegalArgumentException("No " + count + " items of 0-" + max + " add up to " + total);
        }
        List<Integer> items = new ArrayList<>(Collections.nCopies(count, 0));
        int left = total;
        for (int i = 0; i < count && left > 0; i++) {
            items.set(i, Math.min(max, left));
            left -= items.get(i);
        }
        return items;
    }

    /** A PHQ-9 with the given total and item 9 of 0 (so S-1 stays silent), for totals up to 24. */
    static List<Integer> phq9WithTotal(int total) {
        List<Integer> items = new ArrayList<>(itemsWithTotal(total, 8, 3));
        items.add(0);
        return items;
    }

    Answers indication(Indication value) {
        indication = value;
        return this;
    }

    Answers phq9Item9(int value) {
        List<Integer> items = new ArrayList<>(phq9);
        items.set(8, value);
        phq9 = items;
        return this;
    }

    Answers bloodPressure(double systolic, double diastolic) {
        this.systolic = systolic;
        this.diastolic = diastolic;
        return this;
    }

    Answers conditions(Condition... values) {
        conditions = Set.copyOf(Arrays.asList(values));
        return this;
    }

    Answers medications(Medication... values) {
        medications = Set.copyOf(Arrays.asList(values));
        return this;
    }

    ScreeningAnswers answers() {
        return new ScreeningAnswers(indication, screenedOn,
                new Instruments(new Phq9(phq9), new Gad7(gad7), pcl5 == null ? null : new Pcl5(pcl5),
                        auditC == null ? null : new AuditC(auditC), dast10 == null ? null : new Dast10(dast10), cssrs),
                new History(failedTrials, onMoodStabilizer, conditions, medications),
                new Vitals(systolic, diastolic, 74, 71.5));
    }

    Assessment assess() {
        return EligibilityRules.assess(answers(), dateOfBirth, sexAtBirth);
    }
}
