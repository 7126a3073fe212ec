package org.clinicops.session.protocol;

import java.math.BigDecimal;
import java.util.List;

/** How a prescriber orders a protocol's dose, and which orders CLINICAL D-4 allows. */
public sealed interface DoseRule {

    /**
     * Ordered in mg/kg of today's weight (IV, IM).
     *
     * @param minMgPerKg the range, inclusive, applied to the mg/kg as ordered
     * @param capMg      the largest single dose after rounding to 0.1 mg, inclusive, without a cap override
     */
    record ByWeight(BigDecimal minMgPerKg, BigDecimal maxMgPerKg, BigDecimal capMg) implements DoseRule {

        public boolean inRange(BigDecimal mgPerKg) {
            return mgPerKg.compareTo(minMgPerKg) >= 0 && mgPerKg.compareTo(maxMgPerKg) <= 0;
        }
    }

    /**
     * Ordered as one of a few fixed doses in mg, given in whole devices (esketamine).
     *
     * @param firstSessionDosesMg the doses allowed at a series' first session
     */
    record FixedDoses(List<BigDecimal> dosesMg, List<BigDecimal> firstSessionDosesMg, BigDecimal deviceMg)
            implements DoseRule {

        public FixedDoses {
            dosesMg = List.copyOf(dosesMg);
            firstSessionDosesMg = List.copyOf(firstSessionDosesMg);
        }

        /** Whether {@code mg} may be ordered at session {@code number}; compared by value (56 = 56.0). */
        public boolean allows(int number, BigDecimal mg) {
            return (number == 1 ? firstSessionDosesMg : dosesMg).stream().anyMatch(d -> d.compareTo(mg) == 0);
        }

        public boolean wholeDevices(BigDecimal mg) {
            return mg.remainder(deviceMg).signum() == 0;
        }
    }
}
