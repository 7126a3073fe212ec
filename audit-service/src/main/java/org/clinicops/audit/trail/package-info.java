/**
 * The trail: audit records appended once each to the hash chain {@code clinic-ops}, gapless and linked, and read back
 * by patient or by actor.
 */
package org.clinicops.audit.trail;
