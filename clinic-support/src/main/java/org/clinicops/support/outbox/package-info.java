/** Transactional outbox: an event is stored in the same transaction as the state change, then relayed to Kafka. */
package org.clinicops.support.outbox;
