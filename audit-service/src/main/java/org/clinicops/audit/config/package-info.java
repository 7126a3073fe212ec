/** audit-service's settings. */
package org.clinicops.audit.config;
