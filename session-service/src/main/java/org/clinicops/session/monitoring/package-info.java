/**
 * Esketamine's restricted programme after the session: each discharge from an esketamine session makes a monitoring
 * form due, which staff submit to the programme and then mark submitted here.
 */
package org.clinicops.session.monitoring;
