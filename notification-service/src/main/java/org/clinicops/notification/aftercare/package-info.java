/** After a session: the day-after check-in once discharged, the missed-session follow-up after a no-show. */
package org.clinicops.notification.aftercare;
