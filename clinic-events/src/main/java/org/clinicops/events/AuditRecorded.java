package org.clinicops.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One request to a route the audit trail covers, as the service that answered it records it; audit-service appends it
 * to the chain, which adds {@code chain}, {@code seq}, {@code prevHash} and {@code hash}. Ids and codes only.
 *
 * <p>Keyed by its own id: records need no order among themselves (the chain's order is the order of appending), so
 * they spread over every partition, the outbox relay sends a service's records side by side rather than one after
 * another, and audit-service's instances, one consumer group, share the partitions while the chain's head row keeps
 * their appends in one line.
 *
 * @param actor         the token's principal (its {@code sub}: a staff id, a partner's or a service's client id)
 * @param clientId      the token's {@code client_id}; null if the token had none
 * @param route         the matched route template, e.g. {@code /api/patients/{patientId}}
 * @param patientIds    every patient whose data the request read or changed, or that a refused request named;
 *                      empty for a configuration or operations change
 * @param outcome       the HTTP status answered
 * @param sourceIp      the client address the gateway saw, or the peer address of a direct call
 * @param correlationId the request's {@code X-Correlation-Id}
 */
public record AuditRecorded(
        UUID auditId,
        Instant at,
        String service,
        String actor,
        String clientId,
        List<String> roles,
        AuditAction action,
        String method,
        String route,
        List<UUID> patientIds,
        int outcome,
        String sourceIp,
        String correlationId) implements PublishedEvent {

    public AuditRecorded {
        roles = List.copyOf(roles);
        patientIds = List.copyOf(patientIds);
    }

    @Override
    public UUID eventId() {
        return auditId;
    }

    @Override
    public Instant occurredAt() {
        return at;
    }

    @Override
    public String key() {
        return auditId.toString();
    }
}
