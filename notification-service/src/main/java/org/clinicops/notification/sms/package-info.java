/**
 * Texting patients: the SMS provider's HTTP API behind a rate limiter, retries and a circuit breaker, and the quiet
 * hours in which patient texts wait.
 */
package org.clinicops.notification.sms;
