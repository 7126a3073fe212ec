/** Referred patients: registration, their details, and the contact details other services ask for when sending. */
package org.clinicops.intake.patient;
