package org.clinicops.events;

/** Why a session was not dosed on its day (CLINICAL D-1..D-3, or a clinician's decision). */
public enum DeferralReason {
    /** Consent, escort or fasting not confirmed: the check-in was refused. */
    D1_NOT_MET,
    /** Pre-dose BP still at or above 160/100 at the recheck, or staff did not wait for it. */
    D2_BP_TOO_HIGH,
    /** The prescriber did not override an elevated pre-dose BP. */
    D3_NOT_OVERRIDDEN,
    CLINICIAN_DECISION
}
