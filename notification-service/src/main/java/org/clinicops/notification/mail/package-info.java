/** Sending e-mail over SMTP, behind a retry and a circuit breaker. */
package org.clinicops.notification.mail;
