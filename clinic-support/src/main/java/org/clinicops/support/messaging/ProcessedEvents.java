package org.clinicops.support.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * The inbox: remembers which event ids a consumer has processed, in the same transaction as the processing, so a
 * redelivered event (same {@code ce_id}) changes nothing the second time. The table {@code processed_event} is
 * clinic-support's own.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ProcessedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event as processed by {@code consumer}; false when it already was (a duplicate delivery). */
    public boolean firstDelivery(UUID eventId, String consumer) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Processing must be recorded inside the transaction that does it");
        }
        return jdbc.sql("""
                        insert into processed_event (event_id, consumer, processed_at) values (:eventId, :consumer, :now)
                        on conflict do nothing
                        """)
                .param("eventId", eventId)
                .param("consumer", consumer)
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }
}
