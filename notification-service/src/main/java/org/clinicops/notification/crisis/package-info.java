/**
 * A crisis outcome: the on-call clinician is paged until someone acknowledges (package {@code escalation}), and the
 * patient gets the crisis-line message at once.
 */
package org.clinicops.notification.crisis;
