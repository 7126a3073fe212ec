/** The screening REST API: screenings and a patient's history, the review queue and a clinician's decision. */
package org.clinicops.intake.screening.web;
