package org.clinicops.local;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LocalKafkaTests {

    private static final String TOPIC = "clinic.local.test";

    @TempDir
    Path dataDirectory;

    @Test
    void aRecordWithKeyAndHeaderIsProducedAndConsumedAndStillThereAfterARestartOnTheSameDirectory() throws Exception {
        RecordMetadata written;
        String clusterId;
        try (LocalKafka kafka = LocalKafka.start(dataDirectory, 0)) {
            assertThat(kafka.port()).isPositive();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
            clusterId = kafka.clusterId();

            try (KafkaProducer<String, String> producer = producer(kafka)) {
                ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, "patient-42", "intake received");
                record.headers().add(new RecordHeader("correlation-id", "c-1".getBytes(StandardCharsets.UTF_8)));
                written = producer.send(record).get();
                assertThat(producer.partitionsFor(TOPIC)).as("auto-created with num.partitions").hasSize(6);
            }

            ConsumerRecord<String, String> read = readFromStart(kafka, written);
            assertThat(read.key()).isEqualTo("patient-42");
            assertThat(read.value()).isEqualTo("intake received");
            assertThat(new String(read.headers().lastHeader("correlation-id").value(), StandardCharsets.UTF_8))
                    .isEqualTo("c-1");
        }

        try (LocalKafka restarted = LocalKafka.start(dataDirectory, 0)) {
            assertThat(restarted.clusterId()).isEqualTo(clusterId);
            ConsumerRecord<String, String> read = readFromStart(restarted, written);
            assertThat(read.offset()).isEqualTo(written.offset());
            assertThat(read.key()).isEqualTo("patient-42");
            assertThat(read.value()).isEqualTo("intake received");
            assertThat(read.headers().lastHeader("correlation-id")).isNotNull();
        }
    }

    @Test
    void startingOnAPortThatIsInUseFailsFastAndSaysWhichPort() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, java.net.InetAddress.getByName(LocalKafka.HOST))) {
            int port = busy.getLocalPort();
            assertThatThrownBy(() -> LocalKafka.start(dataDirectory, port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }

    private static KafkaProducer<String, String> producer(LocalKafka kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Reads the written record's partition from offset 0 and returns the record at the written offset. */
    private static ConsumerRecord<String, String> readFromStart(LocalKafka kafka, RecordMetadata written) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition(written.topic(), written.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, 0);
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
                return seen.stream().anyMatch(r -> r.offset() == written.offset());
            });
        }
        return seen.stream().filter(r -> r.offset() == written.offset()).findFirst().orElseThrow();
    }
}
