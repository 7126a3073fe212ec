package org.clinicops.intake.screening;

import org.clinicops.events.ScreeningOutcome;

import static org.clinicops.events.ScreeningOutcome.INELIGIBLE;
import static org.clinicops.events.ScreeningOutcome.NEEDS_CLINICIAN_REVIEW;

/** Conditions a screening's history may list, with the outcome each gives (CLINICAL section 4, S-8 and S-9). */
public enum Condition {
    ANEURYSMAL_VASCULAR_DISEASE(INELIGIBLE, "label contraindication (BP rise)"),
    ARTERIOVENOUS_MALFORMATION(INELIGIBLE, "label contraindication"),
    INTRACEREBRAL_HEMORRHAGE(INELIGIBLE, "label contraindication"),
    KETAMINE_HYPERSENSITIVITY(INELIGIBLE, "label contraindication"),
    UNCONTROLLED_HYPERTENSION(INELIGIBLE, "consensus: control first"),
    ACTIVE_PSYCHOSIS(INELIGIBLE, "consensus: exclude current psychosis"),
    CURRENT_MANIC_EPISODE(INELIGIBLE, "consensus: exclude mania / mixed state"),
    PREGNANT(INELIGIBLE, "not recommended in pregnancy"),
    HISTORY_OF_PSYCHOSIS(NEEDS_CLINICIAN_REVIEW, "relative contraindication"),
    SUBSTANCE_USE_DISORDER(NEEDS_CLINICIAN_REVIEW, "misuse risk; dual-diagnosis pathway"),
    KETAMINE_MISUSE_HISTORY(NEEDS_CLINICIAN_REVIEW, "misuse risk"),
    CARDIOVASCULAR_DISEASE(NEEDS_CLINICIAN_REVIEW, "BP and heart-rate rise"),
    SEVERE_HEPATIC_IMPAIRMENT(NEEDS_CLINICIAN_REVIEW, "reduced clearance"),
    BREASTFEEDING(NEEDS_CLINICIAN_REVIEW, "limited data"),
    RAISED_INTRACRANIAL_PRESSURE(NEEDS_CLINICIAN_REVIEW, "ketamine raises ICP");

    private final ScreeningOutcome outcome;
    private final String why;

    Condition(ScreeningOutcome outcome, String why) {
        this.outcome = outcome;
        this.why = why;
    }

    /** INELIGIBLE (rule S-8) or NEEDS_CLINICIAN_REVIEW (rule S-9). */
    public ScreeningOutcome outcome() {
        return outcome;
    }

    public String why() {
        return why;
    }
}
