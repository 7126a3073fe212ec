package org.clinicops.intake.screening;

import org.clinicops.events.ScreeningOutcome;
import org.clinicops.intake.patient.SexAtBirth;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import static org.clinicops.events.ScreeningOutcome.CRISIS_ESCALATION;
import static org.clinicops.events.ScreeningOutcome.ELIGIBLE;
import static org.clinicops.events.ScreeningOutcome.INELIGIBLE;
import static org.clinicops.events.ScreeningOutcome.NEEDS_CLINICIAN_REVIEW;

/**
 * The eligibility rules of CLINICAL section 4. Every rule is checked and each that holds is a {@link Finding}; the
 * outcome is the most severe among them: CRISIS_ESCALATION > INELIGIBLE > NEEDS_CLINICIAN_REVIEW, ELIGIBLE when none
 * held. Rules tied to an indication apply to that indication only; overlapping rules all fire.
 */
public final class EligibilityRules {

    /** CLINICAL S-1: PHQ-9 item 9 >= 1. */
    public static final int PHQ9_ITEM9_POSITIVE = 1;
    /** CLINICAL S-5: age on the screening date < 18. */
    static final int ADULT_AGE = 18;
    /** CLINICAL S-5's reason code: the one INELIGIBLE reason no one may override (CLINICAL section 5). */
    static final String AGE_UNDER_18 = "AGE_UNDER_18";
    /** CLINICAL S-6: systolic >= 160 or diastolic >= 100. */
    static final int UNCONTROLLED_SYSTOLIC = 160;
    static final int UNCONTROLLED_DIASTOLIC = 100;
    /** CLINICAL S-7: 140 <= systolic < 160 or 90 <= diastolic < 100. */
    static final int ELEVATED_SYSTOLIC = 140;
    static final int ELEVATED_DIASTOLIC = 90;
    /** CLINICAL S-11: DEPRESSION with fewer than 2 failed antidepressant trials. */
    static final int TRD_FAILED_TRIALS = 2;
    /** CLINICAL S-13: PHQ-9 total < 10 (below MODERATE). */
    static final int PHQ9_MODERATE = 10;
    /** CLINICAL S-16: DAST-10 total >= 3. */
    static final int DAST10_POSITIVE = 3;

    /** CLINICAL section 4: the outcomes in order of precedence, most severe first. */
    private static final List<ScreeningOutcome> PRECEDENCE =
            List.of(CRISIS_ESCALATION, INELIGIBLE, NEEDS_CLINICIAN_REVIEW);

    private EligibilityRules() {
    }

    /**
     * @param dateOfBirth the patient's; age is taken on {@code answers.screenedOn()}
     * @param sexAtBirth  the patient's, null when unknown (AUDIT-C cut-off)
     */
    public static Assessment assess(ScreeningAnswers answers, LocalDate dateOfBirth, SexAtBirth sexAtBirth) {
        Instruments instruments = answers.instruments();
        History history = answers.history();
        Vitals vitals = answers.vitals();
        Indication indication = answers.indication();
        List<Finding> findings = new ArrayList<>();

        // S-1
        int item9 = instruments.phq9().item9();
        if (item9 >= PHQ9_ITEM9_POSITIVE) {
            findings.add(new Finding("S-1", "PHQ9_ITEM9_POSITIVE", CRISIS_ESCALATION,
                    "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered " + item9
                            + ": page the on-call clinician."));
        }
        // S-2, S-3, S-4
        switch (instruments.cssrs().risk()) {
            case HIGH -> findings.add(new Finding("S-2", "CSSRS_HIGH_RISK", CRISIS_ESCALATION,
                    "C-SSRS screener risk HIGH (intent, intent with a plan, or suicidal behaviour in the past"
                            + " 3 months): page the on-call clinician."));
            case MODERATE -> findings.add(new Finding("S-3", "CSSRS_MODERATE_RISK", NEEDS_CLINICIAN_REVIEW,
                    "C-SSRS screener risk MODERATE (thoughts with a method, or suicidal behaviour in the lifetime)."));
            case LOW -> findings.add(new Finding("S-4", "CSSRS_LOW_RISK", NEEDS_CLINICIAN_REVIEW,
                    "C-SSRS screener risk LOW (wish to be dead or suicidal thoughts)."));
            case NONE -> {
            }
        }
        // S-5
        int age = ageOn(dateOfBirth, answers.screenedOn());
        if (age < ADULT_AGE) {
            findings.add(new Finding("S-5", AGE_UNDER_18, INELIGIBLE,
                    "Age " + age + " on " + answers.screenedOn() + ": under 18 (cannot be overridden)."));
        }
        // S-6, and S-7 only when S-6 does not hold
        String bloodPressure = number(vitals.systolic()) + "/" + number(vitals.diastolic()) + " mmHg";
        boolean uncontrolled = vitals.systolic() >= UNCONTROLLED_SYSTOLIC || vitals.diastolic() >= UNCONTROLLED_DIASTOLIC;
        boolean elevated = vitals.systolic() >= ELEVATED_SYSTOLIC || vitals.diastolic() >= ELEVATED_DIASTOLIC;
        if (uncontrolled) {
            findings.add(new Finding("S-6", "BP_UNCONTROLLED", INELIGIBLE,
                    "Blood pressure " + bloodPressure + ": systolic >= 160 or diastolic >= 100."));
        } else if (elevated) {
            findings.add(new Finding("S-7", "BP_ELEVATED", NEEDS_CLINICIAN_REVIEW,
                    "Blood pressure " + bloodPressure + ": systolic 140-159 or diastolic 90-99."));
        }
        // S-8 and S-9: each listed condition, by its table outcome
        for (Condition condition : history.conditions()) {
            boolean excludes = condition.outcome() == INELIGIBLE;
            findings.add(new Finding(excludes ? "S-8" : "S-9", condition.name(), condition.outcome(),
                    "Condition " + condition.name() + " listed (" + condition.why() + ")."));
        }
        // S-10
        for (Medication medication : history.medications()) {
            findings.add(new Finding("S-10", medication.name(), NEEDS_CLINICIAN_REVIEW,
                    "Medication " + medication.name() + " listed (" + medication.why() + ")."));
        }
        // S-11
        if (indication == Indication.DEPRESSION && history.failedAntidepressantTrials() < TRD_FAILED_TRIALS) {
            findings.add(new Finding("S-11", "TRD_NOT_ESTABLISHED", NEEDS_CLINICIAN_REVIEW,
                    history.failedAntidepressantTrials() + " failed antidepressant trial(s): treatment-resistant"
                            + " depression needs at least 2."));
        }
        // S-12
        if (indication == Indication.BIPOLAR_DEPRESSION && !history.onMoodStabilizer()) {
            findings.add(new Finding("S-12", "BIPOLAR_WITHOUT_MOOD_STABILIZER", NEEDS_CLINICIAN_REVIEW,
                    "Bipolar depression and not on a mood stabilizer."));
        }
        // S-13
        int phq9Total = instruments.phq9().total();
        if ((indication == Indication.DEPRESSION || indication == Indication.BIPOLAR_DEPRESSION)
                && phq9Total < PHQ9_MODERATE) {
            findings.add(new Finding("S-13", "DEPRESSION_BELOW_MODERATE", NEEDS_CLINICIAN_REVIEW,
                    "PHQ-9 total " + phq9Total + ": below moderate depression (10)."));
        }
        // S-14 (PCL-5 is required for PTSD)
        if (indication == Indication.PTSD && instruments.pcl5().total() < Pcl5.CUTOFF) {
            findings.add(new Finding("S-14", "PCL5_BELOW_CUTOFF", NEEDS_CLINICIAN_REVIEW,
                    "PCL-5 total " + instruments.pcl5().total() + ": below the probable-PTSD cut-off (33)."));
        }
        // S-15
        if (indication == Indication.OCD || indication == Indication.CHRONIC_PAIN
                || indication == Indication.SUBSTANCE_USE_WITH_MOOD) {
            findings.add(new Finding("S-15", "INDICATION_NEEDS_PRESCRIBER_PLAN", NEEDS_CLINICIAN_REVIEW,
                    indication + ": treatment follows a prescriber's plan."));
        }
        // S-16, any indication, on whichever substance screens were given
        List<String> positive = new ArrayList<>();
        AuditC auditC = instruments.auditC();
        if (auditC != null && auditC.result(sexAtBirth) == AuditC.Result.POSITIVE) {
            positive.add("AUDIT-C total " + auditC.total() + " (cut-off " + AuditC.cutoff(sexAtBirth) + ")");
        }
        Dast10 dast10 = instruments.dast10();
        if (dast10 != null && dast10.total() >= DAST10_POSITIVE) {
            positive.add("DAST-10 total " + dast10.total() + " (cut-off 3)");
        }
        if (!positive.isEmpty()) {
            findings.add(new Finding("S-16", "SUBSTANCE_SCREEN_POSITIVE", NEEDS_CLINICIAN_REVIEW,
                    "Substance screen positive: " + String.join(", ", positive) + "."));
        }

        return new Assessment(outcome(findings), findings);
    }

    /** CLINICAL section 4: the most severe outcome among the findings; ELIGIBLE when there are none. */
    static ScreeningOutcome outcome(List<Finding> findings) {
        for (ScreeningOutcome outcome : PRECEDENCE) {
            if (findings.stream().anyMatch(finding -> finding.outcome() == outcome)) {
                return outcome;
            }
        }
        return ELIGIBLE;
    }

    /**
     * Age in completed years on a date (CLINICAL section 3). Someone born on 29 February becomes a year older on
     * 1 March in a non-leap year, which is how {@link Period} counts.
     */
    public static int ageOn(LocalDate dateOfBirth, LocalDate on) {
        return Period.between(dateOfBirth, on).getYears();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
