package org.clinicops.session.day;

import java.math.BigDecimal;
import java.time.Instant;

/** The dose given: started, and once ended, how much (less than ordered when an infusion was stopped early). */
public record Dose(Instant startedAt, Instant endedAt, BigDecimal givenMg) {
}
