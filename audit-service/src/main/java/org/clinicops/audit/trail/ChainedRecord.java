package org.clinicops.audit.trail;

import org.clinicops.events.AuditAction;
import org.clinicops.events.AuditRecorded;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An audit record as the trail keeps and serves it: what the service recorded, with its place in the chain. Every
 * member, in this order, is what {@code GET /api/audit} answers, and all but {@code hash} are hashed.
 */
public record ChainedRecord(
        UUID auditId,
        String chain,
        long seq,
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
        String correlationId,
        String prevHash,
        String hash) {

    /** The record in the chain at {@code seq}, after the record whose hash is {@code prevHash}; not hashed yet. */
    static ChainedRecord unhashed(AuditRecorded r, String chain, long seq, String prevHash) {
        return new ChainedRecord(r.auditId(), chain, seq, r.at(), r.service(), r.actor(), r.clientId(), r.roles(),
                r.action(), r.method(), r.route(), r.patientIds(), r.outcome(), r.sourceIp(), r.correlationId(),
                prevHash, null);
    }

    ChainedRecord withHash(String hash) {
        return new ChainedRecord(auditId, chain, seq, at, service, actor, clientId, roles, action, method, route,
                patientIds, outcome, sourceIp, correlationId, prevHash, hash);
    }
}
