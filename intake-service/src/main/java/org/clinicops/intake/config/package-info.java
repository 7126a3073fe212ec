/** intake-service settings. */
package org.clinicops.intake.config;
