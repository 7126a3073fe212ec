package org.clinicops.intake.screening;

/**
 * One instrument's result as reported: its total and band (PHQ-9 {@code MODERATE}, PCL-5 {@code BELOW_CUTOFF},
 * AUDIT-C {@code POSITIVE} ...), or for the C-SSRS screener only its risk ({@code total} null).
 */
public record InstrumentScore(Integer total, String severity) {
}
