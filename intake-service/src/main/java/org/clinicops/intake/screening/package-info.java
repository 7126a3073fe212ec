/**
 * Screenings: the instruments scored, the eligibility rules of CLINICAL section 4 applied, re-screenings compared with
 * the baseline (D-9), a clinician's decision recorded (section 5); outcomes and decisions published.
 */
package org.clinicops.intake.screening;
