package org.clinicops.intake.screening;

/**
 * C-SSRS screener answers (CLINICAL section 2), taken at face value: no consistency check between them.
 *
 * @param wishToBeDead        Q1
 * @param suicidalThoughts    Q2
 * @param thoughtsWithMethod  Q3
 * @param intent              Q4
 * @param intentWithPlan      Q5
 * @param behaviorLifetime    Q6
 * @param behaviorPast3Months Q6, within the last 3 months
 */
public record Cssrs(
        boolean wishToBeDead,
        boolean suicidalThoughts,
        boolean thoughtsWithMethod,
        boolean intent,
        boolean intentWithPlan,
        boolean behaviorLifetime,
        boolean behaviorPast3Months) {

    public enum Risk { HIGH, MODERATE, LOW, NONE }

    public Risk risk() {
        // CLINICAL section 2: HIGH if Q4 or Q5 or behaviour in the past 3 months
        if (intent || intentWithPlan || behaviorPast3Months) {
            return Risk.HIGH;
        }
        // else MODERATE if Q3 or lifetime behaviour
        if (thoughtsWithMethod || behaviorLifetime) {
            return Risk.MODERATE;
        }
        // else LOW if Q1 or Q2
        if (wishToBeDead || suicidalThoughts) {
            return Risk.LOW;
        }
        return Risk.NONE;
    }

    public InstrumentScore score() {
        return new InstrumentScore(null, risk().name());
    }
}
