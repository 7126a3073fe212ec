package org.clinicops.intake.screening;

import org.clinicops.intake.patient.SexAtBirth;

import java.util.List;

/** AUDIT-C answers: 3 items, each 0-4, total 0-12 (CLINICAL section 2). */
public record AuditC(List<Integer> items) {

    public static final int ITEMS = 3;
    public static final int ITEM_MAX = 4;
    /** CLINICAL section 2: POSITIVE if total >= 4 ... */
    public static final int CUTOFF_MALE = 4;
    /** ... or >= 3 when sex at birth is FEMALE or unknown. */
    public static final int CUTOFF_FEMALE_OR_UNKNOWN = 3;

    public enum Result { POSITIVE, NEGATIVE }

    public AuditC {
        items = Items.checked("AUDIT-C", items, ITEMS, ITEM_MAX);
    }

    public int total() {
        return Items.sum(items);
    }

    /** @param sexAtBirth null when unknown */
    public static int cutoff(SexAtBirth sexAtBirth) {
        return sexAtBirth == SexAtBirth.MALE ? CUTOFF_MALE : CUTOFF_FEMALE_OR_UNKNOWN;
    }

    /** @param sexAtBirth null when unknown */
    public Result result(SexAtBirth sexAtBirth) {
        return total() >= cutoff(sexAtBirth) ? Result.POSITIVE : Result.NEGATIVE;
    }

    public InstrumentScore score(SexAtBirth sexAtBirth) {
        return new InstrumentScore(total(), result(sexAtBirth).name());
    }
}
