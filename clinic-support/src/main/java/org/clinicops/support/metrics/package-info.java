/** What every application's metrics share. */
package org.clinicops.support.metrics;
