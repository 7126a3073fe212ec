package org.clinicops.session.plan;

import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.TestClock;
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

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The images docker-compose runs: the migrations on a PostgreSQL 16 server and the binder on the Apache Kafka image.
 * Needs a Docker engine and is skipped without one; BookingStreamTests checks the same flow on the embedded broker
 * and embedded PostgreSQL, so nothing here goes unchecked on a machine without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(useMainMethod = SpringBootTest.UseMainMethod.WHEN_AVAILABLE,
        properties = "clinic.outbox.relay-interval=50ms")
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
    TestClock clock;

    @Test
    void anEligibleOutcomeOnTheKafkaImageBooksIntoThePostgresServer() throws Exception {
        // the shared test clock's "now": Wednesday 09:00 in Los Angeles
        ScreeningCompleted outcome = new ScreeningCompleted(UUID.randomUUID(), clock.instant(), UUID.randomUUID(),
                UUID.randomUUID(), "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true);
        try (CloudEventProducer producer = new CloudEventProducer(kafka.getBootstrapServers())) {
            producer.send(outcome, outcome.screeningId());
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from session where patient_id = :patient")
                        .param("patient", outcome.patientId()).query(Long.class).single()).isEqualTo(6));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single())
                .isZero());
    }
}
