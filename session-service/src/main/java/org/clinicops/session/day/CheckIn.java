package org.clinicops.session.day;

import java.math.BigDecimal;
import java.time.Instant;

/** The nurse's D-1 confirmations at check-in, and today's weight: the only weight doses are computed from. */
public record CheckIn(Instant checkedInAt, boolean consentOnFile, boolean escortConfirmed, boolean fastingConfirmed,
                      BigDecimal weightKg) {
}
