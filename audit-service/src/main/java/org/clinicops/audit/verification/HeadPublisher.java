package org.clinicops.audit.verification;

import org.clinicops.audit.config.AuditProperties;
import org.clinicops.audit.trail.AuditChain;
import org.clinicops.events.AuditChainHead;
import org.clinicops.support.outbox.Outbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes the chain's head to {@code clinic.audit-heads} every {@code audit.head-every} of the service's clock,
 * through the outbox, so that deleting the newest records shows: the chain must still reach the latest head there.
 * Each instance publishes its own; a head is the same whoever reads it.
 */
@Component
@ConditionalOnBooleanProperty(name = "audit.publish-heads", matchIfMissing = true)
class HeadPublisher {

    private final AuditChain chain;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditProperties settings;
    private Instant lastPublished;

    HeadPublisher(AuditChain chain, Outbox outbox, TransactionTemplate transactions, Clock clock,
                  AuditProperties settings) {
        this.chain = chain;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /** Looks every second whether a head is due, so that a clock moved forward is followed within a second. */
    @Scheduled(fixedDelayString = "${audit.head-check-every:1s}")
    synchronized void publishIfDue() {
        Instant now = clock.instant();
        if (lastPublished != null && now.isBefore(lastPublished.plus(settings.headEvery()))) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            AuditChain.ChainHead head = chain.head();
            outbox.publish(new AuditChainHead(UUID.randomUUID(), now, AuditChain.CHAIN, head.seq(), head.hash()),
                    AuditChain.CHAIN);
        });
        lastPublished = now;
    }
}
