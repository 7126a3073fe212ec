package org.clinicops.session.plan;

/** Why a treatment plan was closed; a closed plan books nothing more. */
public enum PlanClosure {
    /** A clinician stopped treatment after a re-screening without response (CLINICAL D-9). */
    NO_RESPONSE,
    /** The patient asked to stop. */
    PATIENT_REQUEST,
    /** The clinician ended treatment for another clinical reason. */
    CLINICIAN_DECISION,
    /** The patient finished the course (maintenance no longer needed). */
    COURSE_COMPLETE
}
