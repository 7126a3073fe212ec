package org.clinicops.audit.verification;

/** The first thing wrong with a chain. */
public enum ChainProblem {
    /** A record's content no longer gives its hash: it was edited. */
    HASH_MISMATCH,
    /** A {@code seq} is missing: a record was deleted. */
    GAP,
    /** A record's {@code prevHash} is not the hash before it: records were reordered or replaced. */
    BROKEN_LINK,
    /** The chain ends before the latest published head: its newest records were deleted. */
    TRUNCATED
}
