package org.clinicops.events;

/** A dosing rule a prescriber may override on a dose order, with a recorded reason (CLINICAL D-3, D-4). */
public enum DoseOverrideRule {
    /** Pre-dose BP 140-159 systolic or 90-99 diastolic (D-3). */
    D3_ELEVATED_BP,
    /** A dose above the clinic's maximum single dose (D-4). */
    D4_ABOVE_CAP
}
