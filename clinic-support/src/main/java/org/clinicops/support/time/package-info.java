/** The one clock each service reads the time from. */
package org.clinicops.support.time;
