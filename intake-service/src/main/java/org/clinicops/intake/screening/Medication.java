package org.clinicops.intake.screening;

/** Medications a screening's history may list; each needs a clinician's review (CLINICAL section 4, S-10). */
public enum Medication {
    MAOI("raises blood pressure"),
    PSYCHOSTIMULANT("raises blood pressure"),
    BENZODIAZEPINE("sedation, may blunt response");

    private final String why;

    Medication(String why) {
        this.why = why;
    }

    public String why() {
        return why;
    }
}
