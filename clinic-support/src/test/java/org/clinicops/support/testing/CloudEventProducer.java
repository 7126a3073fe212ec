package org.clinicops.support.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.clinicops.events.EventType;
import org.clinicops.events.PublishedEvent;
import org.clinicops.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Sends events as the services' outbox relays do: CloudEvents in Kafka binary mode (ce_* headers as UTF-8 bytes,
 * JSON body), keyed as the event says (a clinical event by its patient's id), with a plain KafkaProducer; or, for malformed-message tests, any bytes at all.
 */
public final class CloudEventProducer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<byte[], byte[]> producer;

    public CloudEventProducer(String brokers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    public void send(PublishedEvent event, UUID subject) {
        send(EventType.of(event).topic(), event.key(), body(event), headers(event, subject));
    }

    /** The event's JSON body as the producing service writes it. */
    public static byte[] body(PublishedEvent event) {
        return JSON.writeValueAsBytes(event);
    }

    /** The headers the producing service would set; tests remove or spoil some for malformed messages. */
    public static Map<String, String> headers(PublishedEvent event, UUID subject) {
        EventType<?> type = EventType.of(event);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", event.eventId().toString());
        headers.put("ce_type", type.type());
        headers.put("ce_source", type.topic().equals(Topics.SESSIONS) ? "/session-service" : "/intake-service");
        headers.put("ce_time", event.occurredAt().toString());
        headers.put("ce_subject", subject.toString());
        headers.put("ce_correlationid", "request-" + event.eventId());
        headers.put("content-type", "application/json");
        return headers;
    }

    public void send(String topic, String key, byte[] body, Map<String, String> headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), body);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send the test event", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
