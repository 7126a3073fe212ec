/**
 * A session moved, cancelled or deferred: the patient is told (CLINICAL section 8), and its reminders are moved or
 * closed with it.
 */
package org.clinicops.notification.change;
