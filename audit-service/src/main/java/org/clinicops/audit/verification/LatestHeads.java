package org.clinicops.audit.verification;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.clinicops.audit.config.AuditProperties;
import org.clinicops.events.AuditChainHead;
import org.clinicops.events.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the newest head published for a chain from {@code clinic.audit-heads}: the last message of every partition,
 * read straight from Kafka (no consumer group, nothing committed), so what the database holds cannot vouch for itself.
 */
@Component
class LatestHeads {

    private final Map<String, Object> consumerProperties;
    private final Duration timeout;
    private final JsonMapper json;

    LatestHeads(KafkaProperties kafka, AuditProperties settings, JsonMapper json) {
        this.consumerProperties = new HashMap<>(kafka.buildConsumerProperties());
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.timeout = settings.headReadTimeout();
        this.json = json;
    }

    /** The head with the highest {@code seq}; empty if none was ever published. */
    Optional<AuditChainHead> of(String chain) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.AUDIT_HEADS, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return Optional.empty();
            }
            List<TopicPartition> topicPartitions = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(topicPartitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(topicPartitions, timeout);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(topicPartitions, timeout);
            List<TopicPartition> withHeads = new ArrayList<>();
            for (TopicPartition partition : topicPartitions) {
                if (ends.get(partition) > starts.get(partition)) {
                    consumer.seek(partition, ends.get(partition) - 1);
                    withHeads.add(partition);
                } else {
                    consumer.pause(List.of(partition));
                }
            }
            List<AuditChainHead> heads = new ArrayList<>();
            Map<TopicPartition, Boolean> read = new HashMap<>();
            // a time-out, not a time of day: the monotonic clock, not the service's clock
            long giveUp = System.nanoTime() + timeout.toNanos();
            while (read.size() < withHeads.size()) {
                if (System.nanoTime() - giveUp > 0) {
                    throw new IllegalStateException("Kafka did not hand over the latest audit chain heads in time");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() == ends.get(partition) - 1) {
                        read.put(partition, true);
                        consumer.pause(List.of(partition));
                    }
                    AuditChainHead head = json.readValue(record.value(), AuditChainHead.class);
                    if (head.chain().equals(chain)) {
                        heads.add(head);
                    }
                }
            }
            return heads.stream().max(Comparator.comparingLong(AuditChainHead::seq));
        }
    }
}
