package org.clinicops.support.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Reads a topic from its start with a consumer group of its own, as a partner or an ops tool would. */
public final class TopicReader {

    /** Long enough for a broker rebalance and a few relay rounds, short enough to fail fast. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String brokers;

    public TopicReader(String brokers) {
        this.brokers = brokers;
    }

    /** Waits for at least {@code expected} records on the topic and answers all read by then, in partition order. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        return readUntil(topic, records -> records.size() >= expected);
    }

    /** Reads until the records read so far satisfy {@code enough}, and answers them. */
    public List<ConsumerRecord<byte[], byte[]>> readUntil(String topic,
                                                          Predicate<List<ConsumerRecord<byte[], byte[]>>> enough) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return enough.test(records);
            });
        }
        return records;
    }

    /**
     * Waits for at least {@code expected} records with this key on the topic and answers all of them read by then, in
     * the order read: on a topic shared with earlier test classes, what {@link #readAll} is on a topic of one's own.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAllWithKey(String topic, String key, int expected) {
        List<ConsumerRecord<byte[], byte[]>> withKey = new ArrayList<>();
        readUntil(topic, records -> {
            withKey.clear();
            records.stream().filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                    .forEach(withKey::add);
            return withKey.size() >= expected;
        });
        return withKey;
    }

    /** The first record with each of these keys on the topic. */
    public Map<String, ConsumerRecord<byte[], byte[]>> readByKey(String topic, List<String> keys) {
        Map<String, ConsumerRecord<byte[], byte[]>> byKey = new LinkedHashMap<>();
        readUntil(topic, records -> {
            records.forEach(r -> {
                String key = new String(r.key(), StandardCharsets.UTF_8);
                if (keys.contains(key)) {
                    byKey.putIfAbsent(key, r);
                }
            });
            return byKey.keySet().containsAll(keys);
        });
        return byKey;
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
