package org.clinicops.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.events.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sends stored events to Kafka in the order they were stored, then marks them published. One relay per database
 * works at a time (a transaction-scoped advisory lock), so several instances of a service never reorder one patient's
 * events. A send that fails leaves the events unpublished for the next round: delivery is at least once, and every
 * consumer deduplicates on the event id.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock; each service has its own database. */
    private static final long RELAY_LOCK = 0x0c11_71c0_0b0fL;
    private static final int BATCH_SIZE = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StreamBridge streamBridge;
    private final String source;
    private final Clock clock;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, StreamBridge streamBridge, String source,
                       Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.streamBridge = streamBridge;
        this.source = source;
        this.clock = clock;
        Gauge.builder("clinic.outbox.pending", this, OutboxRelay::pending)
                .description("Events stored but not yet sent to Kafka")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${clinic.outbox.relay-interval:100ms}")
    public void relayPending() {
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == BATCH_SIZE);
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not send events; they stay pending for the next round: {}", e.toString());
        }
    }

    /** Sends up to one batch of pending events; returns how many were sent. */
    public int relayBatch() {
        Integer sent = transactions.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", RELAY_LOCK)
                    .query(Boolean.class).single();
            if (!locked) {
                return 0;
            }
            List<PendingEvent> pending = jdbc.sql("""
                            select position, event_id, topic, message_key, event_type, subject, occurred_at,
                                   correlation_id, payload
                            from outbox_event where published_at is null order by position limit :limit
                            """)
                    .param("limit", BATCH_SIZE)
                    .query((rs, n) -> new PendingEvent(rs.getLong("position"), rs.getString("event_id"),
                            rs.getString("topic"), rs.getString("message_key"), rs.getString("event_type"),
                            rs.getString("subject"), rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("correlation_id"), rs.getString("payload")))
                    .list();
            for (PendingEvent event : pending) {
                if (!streamBridge.send(event.topic(), toMessage(event))) {
                    throw new IllegalStateException("Kafka did not accept event " + event.eventId());
                }
            }
            if (!pending.isEmpty()) {
                jdbc.sql("update outbox_event set published_at = :now where position in (:positions)")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("positions", pending.stream().map(PendingEvent::position).toList())
                        .update();
            }
            return pending.size();
        });
        return sent == null ? 0 : sent;
    }

    private Message<byte[]> toMessage(PendingEvent event) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0)
                .setHeader(CloudEventHeaders.ID, event.eventId())
                .setHeader(CloudEventHeaders.TYPE, event.type())
                .setHeader(CloudEventHeaders.SOURCE, source)
                .setHeader(CloudEventHeaders.TIME, event.occurredAt().toString())
                .setHeader(CloudEventHeaders.SUBJECT, event.subject())
                .setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (event.correlationId() != null) {
            message.setHeader(CloudEventHeaders.CORRELATION_ID, event.correlationId());
        }
        return message.build();
    }

    private double pending() {
        try {
            return jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private record PendingEvent(long position, String eventId, String topic, String key, String type, String subject,
                                Instant occurredAt, String correlationId, String payload) {
    }
}
