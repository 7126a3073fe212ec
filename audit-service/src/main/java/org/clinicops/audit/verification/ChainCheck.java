package org.clinicops.audit.verification;

/**
 * One chain's verification.
 *
 * @param records      how many records the chain holds
 * @param firstBadSeq  the first {@code seq} found wrong (for a gap or a truncation, the first missing); null if intact
 * @param problem      null if intact
 */
public record ChainCheck(String chain, long records, boolean intact, Long firstBadSeq, ChainProblem problem) {
}
