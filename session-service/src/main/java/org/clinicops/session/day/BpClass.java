package org.clinicops.session.day;

/** A blood-pressure reading's class (CLINICAL D-2, D-3): either number alone decides. */
public enum BpClass {
    NORMAL,
    /** 140-159 systolic or 90-99 diastolic: dose only with a prescriber's override (D-3). */
    ELEVATED,
    /** 160 systolic or 100 diastolic and above: no dose (D-2). */
    HIGH
}
