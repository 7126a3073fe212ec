package org.clinicops.events;

/** A clinician's decision on a screening the rules did not clear on their own (CLINICAL section 5). */
public enum ReviewDecision {
    APPROVED,
    DECLINED
}
