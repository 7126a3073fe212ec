/** Screenings: the instruments scored, the eligibility rules of CLINICAL section 4 applied, the outcome published. */
package org.clinicops.intake.screening;
