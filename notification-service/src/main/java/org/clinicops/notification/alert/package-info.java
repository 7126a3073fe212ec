/** Staff alerts: the D-6 safety alert, paged to the prescriber until someone acknowledges it. */
package org.clinicops.notification.alert;
