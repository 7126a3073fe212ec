/**
 * Domain-free plumbing every clinic-ops service uses the same way: the transactional outbox, the processed-event
 * inbox, CloudEvents on Kafka, correlation ids, RFC 9457 problem responses and the clinic clock.
 */
package org.clinicops.support;
