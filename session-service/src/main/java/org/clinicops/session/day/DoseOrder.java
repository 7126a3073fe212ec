package org.clinicops.session.day;

import org.clinicops.events.DoseOverrideRule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A prescriber's dose order (CLINICAL D-3, D-4). IV and IM are ordered in mg/kg of today's weight, esketamine in mg.
 *
 * @param orderedMgPerKg IV/IM; null for esketamine
 * @param orderedMg      esketamine; null for IV/IM
 * @param doseMg         the dose to give: mg/kg x weight rounded to 0.1 mg half-up, or the esketamine mg
 * @param capMg          the clinic's maximum single dose when the order was checked; null for esketamine
 */
public record DoseOrder(Instant orderedAt, String prescriberId, BigDecimal orderedMgPerKg, BigDecimal orderedMg,
                        BigDecimal weightKg, BigDecimal doseMg, BigDecimal capMg, List<Override> overrides) {

    public DoseOrder {
        overrides = List.copyOf(overrides);
    }

    public boolean overrides(DoseOverrideRule rule) {
        return overrides.stream().anyMatch(o -> o.rule() == rule);
    }

    /** A rule the prescriber overrode, with the reason as they recorded it. */
    public record Override(DoseOverrideRule rule, String reason) {
    }
}
