/** Consuming CloudEvents from Kafka: reading and checking them, and processing each event id once. */
package org.clinicops.support.messaging;
