package org.clinicops.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.clinicops.events.CloudEventHeaders;
import org.clinicops.support.rounds.OnDemandRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sends stored events to Kafka with a Kafka producer of its own, then marks them published. It runs as soon as a
 * transaction that stored events commits ({@link #wake()}), and every {@code clinic.outbox.relay-interval} as a safety
 * net for what a wake-up missed (a failed round, an instance that stopped between a commit and its round).
 *
 * <p>What it guarantees: every stored event reaches Kafka at least once, and one patient's events reach Kafka for the
 * first time in the order they were stored. One relay per database works at a time: a round waits for a
 * transaction-scoped advisory lock and marks what it sent before it lets go, so two instances never send the same
 * event side by side. Within a round, the first pending event of every patient is sent at once, then, when Kafka has
 * acknowledged them, each patient's next one, and so on: a patient's event is sent only after the one before it was
 * acknowledged, so it can never overtake one whose send failed. A failed event and that patient's later events stay
 * pending for the next round; other patients' go on. An event may reach Kafka twice (its acknowledgement or the marking
 * was lost), so every consumer deduplicates on the event id.
 *
 * <p>Headers: an internal event gets its CloudEvents attributes, the correlation id and the trace context of the
 * request or trace that stored it; a message for outside readers ({@link OutsideMessage}) gets exactly the headers it
 * was stored with and nothing else.
 */
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock; each service has its own database. */
    private static final long RELAY_LOCK = 0x0c11_71c0_0b0fL;
    private static final int BATCH_SIZE = 100;
    /** Longer than a round can take while Kafka is down (the producer's delivery timeout) plus the marking. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(60);
    /** Looks, 50 ms apart, for the leaders of a topic just created: 10 s. */
    private static final int LEADER_LOOKS = 200;
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Producer<byte[], byte[]> producer;
    private final Map<String, Object> adminProperties;
    private final int partitions;
    private final String source;
    private final Clock clock;
    /** One round at a time per instance, whether a commit or the poll asked for it. */
    private final OnDemandRounds rounds = new OnDemandRounds("outbox-relay", this::relayPending);
    private final Set<String> declaredTopics = ConcurrentHashMap.newKeySet();

    /**
     * @param kafka      the Kafka client settings of the service ({@code spring.kafka.*}); the relay adds those its
     *                   guarantees rest on
     * @param partitions the partition count of a topic the relay is first to send to
     */
    public OutboxRelay(JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions, KafkaProperties kafka,
                       int partitions, String source, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.adminProperties = kafka.buildAdminProperties();
        this.partitions = partitions;
        this.source = source;
        this.clock = clock;
        this.producer = new KafkaProducer<>(producerProperties(kafka.buildProducerProperties()),
                new ByteArraySerializer(), new ByteArraySerializer());
        Gauge.builder("clinic.outbox.pending", this, OutboxRelay::pending)
                .description("Events stored but not yet sent to Kafka")
                .register(meters);
        Gauge.builder("clinic.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds)
                .description("How long the oldest event not yet sent to Kafka has waited, 0 when none waits")
                .baseUnit("seconds")
                .register(meters);
    }

    private static Map<String, Object> producerProperties(Map<String, Object> kafkaProperties) {
        Map<String, Object> properties = new HashMap<>(kafkaProperties);
        // a send is acknowledged once every in-sync replica has it, and the producer's own retries neither duplicate
        // nor reorder what is in flight
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // one event per batch: a batch the broker refuses as too large is then that one event, failed at once. A batch
        // of several would be split and sent again, and split again without end when the parts still fit one batch
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 0);
        // one request in flight per broker (each carries a batch for every partition): with more, a batch refused on
        // a partition whose leader is not ready yet is followed by later ones that fail out of sequence until the
        // delivery timeout
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        // a round gives up on Kafka after this, so that the relay lock is never held for long
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return properties;
    }

    /** Asks for a round as soon as possible; asking again before it starts asks for the same round. */
    public void wake() {
        rounds.wake();
    }

    @Scheduled(fixedDelayString = "${clinic.outbox.relay-interval:100ms}")
    public void poll() {
        wake();
    }

    private void relayPending() {
        try {
            Round round;
            do {
                round = relayBatch();
            } while (round.selected() == BATCH_SIZE && round.failed() == 0);
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not send events; they stay pending for the next round: {}", e.toString());
        }
    }

    private Round relayBatch() {
        return transactions.execute(status -> {
            jdbc.sql("set local lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'").update();
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", RELAY_LOCK).query((rs, n) -> n).list();
            List<PendingEvent> pending = jdbc.sql("""
                            select position, event_id, topic, message_key, event_type, subject, occurred_at,
                                   correlation_id, traceparent, headers, payload
                            from outbox_event where published_at is null order by position limit :limit
                            """)
                    .param("limit", BATCH_SIZE)
                    .query((rs, n) -> new PendingEvent(rs.getLong("position"), rs.getString("event_id"),
                            rs.getString("topic"), rs.getString("message_key"), rs.getString("event_type"),
                            rs.getString("subject"), rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("correlation_id"), rs.getString("traceparent"), rs.getString("headers"),
                            rs.getString("payload")))
                    .list();
            declare(pending.stream().map(PendingEvent::topic).collect(Collectors.toSet()));
            Map<String, Queue<PendingEvent>> byPatient = new LinkedHashMap<>();
            pending.forEach(e -> byPatient.computeIfAbsent(e.key(), k -> new ArrayDeque<>()).add(e));
            List<Long> sent = new ArrayList<>();
            int failed = 0;
            while (!byPatient.isEmpty()) {
                Map<PendingEvent, Future<RecordMetadata>> wave = new LinkedHashMap<>();
                byPatient.values().forEach(events -> wave.put(events.peek(), send(events.peek())));
                for (Map.Entry<PendingEvent, Future<RecordMetadata>> send : wave.entrySet()) {
                    PendingEvent event = send.getKey();
                    if (acknowledged(event, send.getValue())) {
                        sent.add(event.position());
                        Queue<PendingEvent> next = byPatient.get(event.key());
                        next.remove();
                        if (next.isEmpty()) {
                            byPatient.remove(event.key());
                        }
                    } else {
                        failed += byPatient.remove(event.key()).size();
                    }
                }
            }
            if (!sent.isEmpty()) {
                jdbc.sql("update outbox_event set published_at = :now where position in (:positions)")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("positions", sent)
                        .update();
            }
            return new Round(pending.size(), failed);
        });
    }

    /** Creates a topic the relay is first to send to, with the partitions every topic gets, as the binder would. */
    private void declare(Set<String> topics) {
        List<NewTopic> undeclared = topics.stream().filter(topic -> !declaredTopics.contains(topic))
                .map(topic -> new NewTopic(topic, Optional.of(partitions), Optional.empty())).toList();
        if (undeclared.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(adminProperties)) {
            for (Map.Entry<String, ? extends Future<Void>> created : admin.createTopics(undeclared).values().entrySet()) {
                try {
                    created.getValue().get(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + created.getKey(), e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("Could not create topic " + created.getKey(), e);
                }
                awaitLeaders(admin, created.getKey());
                declaredTopics.add(created.getKey());
            }
        }
    }

    /**
     * Waits until every partition of a topic has a leader. Sent to a partition just created that has none yet, several
     * events in flight are refused and retried out of sequence until the delivery timeout.
     */
    private static void awaitLeaders(Admin admin, String topic) {
        try {
            for (int look = 0; admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .stream().anyMatch(partition -> partition.leader() == null || partition.leader().isEmpty()); look++) {
                if (look == LEADER_LOOKS) {
                    throw new IllegalStateException("Topic " + topic + " has partitions without a leader");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the leaders of " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not describe topic " + topic, e.getCause());
        }
    }

    private Future<RecordMetadata> send(PendingEvent event) {
        // completed by the send's callback rather than taken from the producer's future, whose get() recurses once
        // for every time Kafka split the record's batch
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            producer.send(toRecord(event), (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(metadata);
                } else {
                    acknowledged.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    private boolean acknowledged(PendingEvent event, Future<RecordMetadata> send) {
        try {
            send.get();
            return true;
        } catch (ExecutionException e) {
            log.warn("Kafka did not accept event {}; it and its patient's later events stay pending: {}",
                    event.eventId(), e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ProducerRecord<byte[], byte[]> toRecord(PendingEvent event) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(event.topic(), bytes(event.key()),
                bytes(event.payload()));
        if (event.outsideHeaders() != null) {
            json.readValue(event.outsideHeaders(), HEADERS)
                    .forEach((name, value) -> record.headers().add(name, bytes(value)));
            return record;
        }
        record.headers()
                .add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0))
                .add(CloudEventHeaders.ID, bytes(event.eventId()))
                .add(CloudEventHeaders.TYPE, bytes(event.type()))
                .add(CloudEventHeaders.SOURCE, bytes(source))
                .add(CloudEventHeaders.TIME, bytes(event.occurredAt().toString()))
                .add(CloudEventHeaders.SUBJECT, bytes(event.subject()))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        if (event.correlationId() != null) {
            record.headers().add(CloudEventHeaders.CORRELATION_ID, bytes(event.correlationId()));
        }
        if (event.traceparent() != null) {
            record.headers().add(CloudEventHeaders.TRACEPARENT, bytes(event.traceparent()));
        }
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private double pending() {
        try {
            return jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The first event in the queue, measured from its own time, which the service stamped on its clock as it stored
     * the event.
     */
    private double oldestAgeSeconds() {
        try {
            Optional<Timestamp> oldest = jdbc.sql("""
                            select occurred_at from outbox_event where published_at is null order by position limit 1
                            """)
                    .query(Timestamp.class).optional();
            return oldest.map(at -> Math.max(0, Duration.between(at.toInstant(), clock.instant()).toMillis() / 1000.0))
                    .orElse(0.0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Lets a round under way finish, then closes the producer. */
    @Override
    public void destroy() throws InterruptedException {
        // a round still waiting for Kafka or for the relay lock after this: what it has not marked stays pending
        rounds.stop(Duration.ofSeconds(10));
        producer.close(Duration.ofSeconds(10));
    }

    private record Round(int selected, int failed) {
    }

    private record PendingEvent(long position, String eventId, String topic, String key, String type, String subject,
                                Instant occurredAt, String correlationId, String traceparent,
                                String outsideHeaders, String payload) {
    }
}
