package org.clinicops.intake.screening;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The medical history given at a screening. Conditions and medications are sets in their tables' order: a code
 * listed twice is one fact and gives one reason.
 */
public record History(int failedAntidepressantTrials, boolean onMoodStabilizer, Set<Condition> conditions,
                      Set<Medication> medications) {

    public History {
        if (failedAntidepressantTrials < 0) {
            throw new IllegalArgumentException("failedAntidepressantTrials must be >= 0");
        }
        EnumSet<Condition> conditionSet = EnumSet.noneOf(Condition.class);
        conditionSet.addAll(conditions);
        conditions = Collections.unmodifiableSet(conditionSet);
        EnumSet<Medication> medicationSet = EnumSet.noneOf(Medication.class);
        medicationSet.addAll(medications);
        medications = Collections.unmodifiableSet(medicationSet);
    }
}
