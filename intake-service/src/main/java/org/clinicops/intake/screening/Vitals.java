package org.clinicops.intake.screening;

/**
 * Vitals at screening, all > 0; {@code weightKg} is required because IV and IM doses are weight-based
 * (CLINICAL section 4 notes).
 */
public record Vitals(double systolic, double diastolic, double heartRate, double weightKg) {

    public Vitals {
        if (!(systolic > 0 && diastolic > 0 && heartRate > 0 && weightKg > 0)) {
            throw new IllegalArgumentException("vitals must be > 0");
        }
    }
}
