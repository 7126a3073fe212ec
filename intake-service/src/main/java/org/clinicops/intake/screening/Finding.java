package org.clinicops.intake.screening;

import org.clinicops.events.ScreeningOutcome;

/**
 * A rule of CLINICAL section 4 that held.
 *
 * @param rule        {@code S-1} ... {@code S-16}
 * @param code        the reason code ({@code TRD_NOT_ESTABLISHED}, or a condition's or medication's code)
 * @param outcome     the outcome the rule gives
 * @param explanation one line for staff: what was found, with the numbers that made the rule hold
 */
public record Finding(String rule, String code, ScreeningOutcome outcome, String explanation) {
}
