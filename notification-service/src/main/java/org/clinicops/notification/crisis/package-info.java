/** A crisis outcome: the on-call clinician is paged and the patient gets the crisis-line message, at once. */
package org.clinicops.notification.crisis;
