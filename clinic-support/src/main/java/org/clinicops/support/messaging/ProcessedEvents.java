package org.clinicops.support.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ProcessedEvents(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Runs {@code work} for the first delivery of {@code eventId} to {@code consumer} only, in one transaction with
     * the record that it ran (the caller's, if one is open). Work that fails records nothing, so a retry runs it
     * again; a duplicate delivery runs nothing.
     *
     * @param consumer the consumer function's bean name, which its binding ({@code <name>-in-0}) is named after
     */
    public void once(String consumer, UUID eventId, Runnable work) {
        transactions.executeWithoutResult(status -> {
            if (firstDelivery(eventId, consumer)) {
                work.run();
            }
        });
    }

    private boolean firstDelivery(UUID eventId, String consumer) {
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
