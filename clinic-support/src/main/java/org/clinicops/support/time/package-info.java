/** The one clock each service reads the time from, and the demo clinic day's clock that only moves forward. */
package org.clinicops.support.time;
