package org.clinicops.audit.verification;

import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /api/audit/verify} and {@code bin/clinic-audit-verify}. */
public record Verification(boolean intact, Instant checkedAt, List<ChainCheck> chains) {
}
