package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The newest record of an audit chain, published every minute by audit-service so that a deletion of the newest
 * records shows: the chain must still reach this head. Keyed by the chain, so its heads stay in order.
 *
 * @param seq  the newest record's {@code seq}; 0 while the chain is empty
 * @param hash the newest record's {@code hash}; 64 zeros while the chain is empty
 */
public record AuditChainHead(
        UUID eventId,
        Instant occurredAt,
        String chain,
        long seq,
        String hash) implements PublishedEvent {

    @Override
    public String key() {
        return chain;
    }
}
