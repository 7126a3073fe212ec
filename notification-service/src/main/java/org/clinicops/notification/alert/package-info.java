/** Staff alerts: the D-6 safety-alert page to the prescriber. */
package org.clinicops.notification.alert;
