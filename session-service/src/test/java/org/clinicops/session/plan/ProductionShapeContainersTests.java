package org.clinicops.session.plan;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.clinicops.events.EventType;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The images docker-compose runs: the migrations on a PostgreSQL 16 server and the binder on the Apache Kafka image.
 * Needs a Docker engine and is skipped without one; BookingStreamTests checks the same flow on the embedded broker
 * and embedded PostgreSQL, so nothing here goes unchecked on a machine without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = {"spring.config.name=session-service", "clinic.outbox.relay-interval=50ms"})
@DirtiesContext
class ProductionShapeContainersTests {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16");

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void anEligibleOutcomeOnTheKafkaImageBooksIntoThePostgresServer() throws Exception {
        ScreeningCompleted outcome = new ScreeningCompleted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SCREENINGS,
                outcome.patientId().toString().getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(outcome));
        Map.of("ce_specversion", "1.0", "ce_id", outcome.eventId().toString(),
                        "ce_type", EventType.SCREENING_COMPLETED.type(), "ce_source", "/intake-service",
                        "ce_time", outcome.occurredAt().toString(), "ce_subject", outcome.screeningId().toString())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from session where patient_id = :patient")
                        .param("patient", outcome.patientId()).query(Long.class).single()).isEqualTo(6));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single())
                .isZero());
    }
}
