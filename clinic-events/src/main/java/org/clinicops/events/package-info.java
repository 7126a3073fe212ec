/**
 * The events clinic-ops publishes on Kafka: the contract between services and with partner clinics.
 * Every event is an immutable, versioned record with a JSON Schema; none carries PHI beyond opaque ids, codes and numbers.
 */
package org.clinicops.events;
