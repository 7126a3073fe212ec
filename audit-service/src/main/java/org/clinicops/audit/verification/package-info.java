/**
 * Verification of the trail: every hash recomputed, no gap in {@code seq}, every link, and the chain still reaching
 * the latest head published to {@code clinic.audit-heads}; and the publication of that head.
 */
package org.clinicops.audit.verification;
