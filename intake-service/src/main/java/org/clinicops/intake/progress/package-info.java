/**
 * Measurement-based care between screenings (CLINICAL D-9): a PHQ-9 recorded before a session as a progress measure.
 * It does not re-run eligibility; its change from the baseline is kept, and a positive item 9 (S-1) escalates as a
 * crisis.
 */
package org.clinicops.intake.progress;
