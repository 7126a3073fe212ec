package org.clinicops.session.plan;

/** A clinician's decision on a plan whose re-screening after the induction series showed no response (D-9). */
public enum CourseDecision {
    /** Go on to maintenance: the prescriber sets the booster interval. */
    CONTINUE,
    /** Stop treatment: the plan closes. */
    STOP
}
