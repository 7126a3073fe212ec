package org.clinicops.intake.screening;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.clinicops.events.EventType;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.IntakeHttp.Reply;
import org.clinicops.intake.JsonEdit;
import org.clinicops.support.messaging.CloudEventReader;
import org.clinicops.support.testing.MutableClock;
import org.clinicops.support.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A recorded screening reaches {@code clinic.screenings} once, as a CloudEvent carrying no PHI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=intake-service",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "clinic.outbox.relay-interval=50ms"})
// closed after the class: embedded brokers of cached contexts stopping together at JVM exit hang the test JVM
@DirtiesContext
@EmbeddedKafka(partitions = 3, topics = Topics.SCREENINGS)
@Import(ScreeningStreamTests.Time.class)
class ScreeningStreamTests {

    static final Instant NOW = Instant.parse("2026-11-21T05:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {
        @Bean
        MutableClock clock() {
            return new MutableClock(NOW);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "intake_screening_stream");
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    CloudEventReader cloudEvents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecordedScreeningPublishesOneScreeningCompletedWithoutPhi() {
        IntakeHttp http = new IntakeHttp(port);
        String patientId = http.post("/api/patients", Examples.PATIENT).text("patientId");
        Reply screening = http.post("/api/patients/" + patientId + "/screenings",
                JsonEdit.of(Examples.SCREENING).set("/history/failedAntidepressantTrials", "1").json());
        String screeningId = screening.text("screeningId");

        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
            // keep reading for a while after the first arrives: a second copy would show up here
            await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(1)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                return received.size() == 1;
            });

            ConsumerRecord<byte[], byte[]> record = received.getFirst();
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(patientId);
            assertThat(header(record, "ce_type")).isEqualTo("org.clinicops.screening.completed.v1");
            assertThat(header(record, "ce_subject")).isEqualTo(screeningId);
            assertThat(header(record, "ce_source")).isEqualTo("/intake-service");
            assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(NOW);

            ScreeningCompleted event = read(record);
            assertThat(event.patientId().toString()).isEqualTo(patientId);
            assertThat(event.screeningId().toString()).isEqualTo(screeningId);
            assertThat(event.indication()).isEqualTo("DEPRESSION");
            assertThat(event.outcome()).isEqualTo(ScreeningOutcome.NEEDS_CLINICIAN_REVIEW);
            assertThat(event.reasons()).containsExactly("TRD_NOT_ESTABLISHED");
            assertThat(event.baseline()).isTrue();
            assertThat(event.occurredAt()).isEqualTo(Instant.parse(screening.text("recordedAt")));

            String everything = new String(record.value(), StandardCharsets.UTF_8) + headers(record);
            assertThat(everything).doesNotContain("Dana", "Reyes", "dana@example.org", "+15035550142", "1984-03-09",
                    "riverside-psychiatry");
        }
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :s and published_at is not null")
                .param("s", screeningId).query(Long.class).single()).isOne();
    }

    private ScreeningCompleted read(ConsumerRecord<byte[], byte[]> record) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), header.value());
        }
        Message<byte[]> built = message.build();
        AtomicReference<ScreeningCompleted> event = new AtomicReference<>();
        // checks the body against the published JSON Schema, as every consumer does
        boolean handled = cloudEvents.read(built).ifType(EventType.SCREENING_COMPLETED,
                (ScreeningCompleted completed) -> event.set(completed));
        assertThat(handled).isTrue();
        return event.get();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.SCREENINGS));
        return consumer;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String headers(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder();
        record.headers().forEach(h -> text.append(h.key()).append('=')
                .append(new String(h.value(), StandardCharsets.UTF_8)).append('\n'));
        return text.toString();
    }
}
