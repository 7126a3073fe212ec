/** Trace context carried across what is not a call: the outbox and, through it, Kafka. */
package org.clinicops.support.tracing;
