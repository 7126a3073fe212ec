/**
 * What every application's metrics and traces share, and the trace context carried across what is not a call: the
 * outbox and, through it, Kafka.
 */
package org.clinicops.support.observability;
