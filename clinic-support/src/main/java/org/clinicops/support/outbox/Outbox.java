package org.clinicops.support.outbox;

import org.clinicops.events.EventType;
import org.clinicops.events.PublishedEvent;
import org.clinicops.support.observability.TraceContext;
import org.clinicops.support.web.CorrelationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;

/**
 * Stores an event to publish in the caller's database transaction, so the state change and its events commit or
 * roll back together; {@link OutboxRelay} sends them to Kafka as soon as that transaction has committed. Each event
 * keeps the trace it was stored in, so that its consumer continues that trace; a message for readers outside clinic-ops
 * ({@link #publish(OutsideMessage)}) keeps only the headers it was given. The table {@code outbox_event} is
 * clinic-support's own (see {@code db/migration/clinic-support}).
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TraceContext traces;
    /** Registered once per transaction that stores events: wakes the relay once they are visible to it. */
    private final TransactionSynchronization wakeRelayAfterCommit;

    public Outbox(JdbcClient jdbc, JsonMapper json, TraceContext traces, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.traces = traces;
        this.wakeRelayAfterCommit = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        };
    }

    /**
     * @param subject the CloudEvents subject: the id of the thing the event is about (a screening, a session)
     */
    public void publish(PublishedEvent event, String subject) {
        requireTransaction();
        EventType<?> type = EventType.of(event);
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, message_key, event_type, subject, occurred_at,
                                                  correlation_id, traceparent, payload)
                        values (:eventId, :topic, :key, :type, :subject, :occurredAt, :correlationId, :traceparent,
                                :payload)
                        """)
                .param("eventId", event.eventId())
                .param("topic", type.topic())
                .param("key", event.key())
                .param("type", type.type())
                .param("subject", subject)
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .param("correlationId", CorrelationId.current().orElse(null))
                .param("traceparent", traces.currentTraceparent().orElse(null))
                .param("payload", json.writeValueAsString(event))
                .update();
        wakeRelayAfterCommit();
    }

    /**
     * Stores a message for readers outside clinic-ops: the relay sends it with its own headers only, never a
     * correlation id or trace context.
     */
    public void publish(OutsideMessage message) {
        requireTransaction();
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, message_key, event_type, subject, occurred_at,
                                                  headers, payload)
                        values (:eventId, :topic, :key, :type, :subject, :storedAt, :headers, :payload)
                        """)
                .param("eventId", message.id())
                .param("topic", message.topic())
                .param("key", message.key())
                .param("type", message.type())
                .param("subject", message.subject())
                .param("storedAt", Timestamp.from(message.storedAt()))
                .param("headers", json.writeValueAsString(message.headers()))
                .param("payload", message.value())
                .update();
        wakeRelayAfterCommit();
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An event must be published inside the transaction that causes it");
        }
    }

    private void wakeRelayAfterCommit() {
        if (!TransactionSynchronizationManager.getSynchronizations().contains(wakeRelayAfterCommit)) {
            TransactionSynchronizationManager.registerSynchronization(wakeRelayAfterCommit);
        }
    }
}
