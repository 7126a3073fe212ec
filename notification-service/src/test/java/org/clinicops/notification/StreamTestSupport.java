package org.clinicops.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.clinicops.events.Protocol;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.support.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the stream tests share: notification-service on a fresh database and an embedded Kafka broker, a real SMTP
 * server (GreenMail) and the real intake-service, both on loopback ports fixed for the test class so a test can stop
 * them and start them again where they were.
 */
@SpringBootTest(properties = "spring.config.name=notification-service")
@ActiveProfiles("test")
@AutoConfigureMockMvc
// closed after the class: embedded brokers of cached contexts stopping together at JVM exit hang the test JVM
@DirtiesContext
@EmbeddedKafka(partitions = 1, topics = {Topics.SESSIONS, Topics.SCREENINGS, StreamTestSupport.SESSIONS_DEAD_LETTERS,
        StreamTestSupport.SCREENINGS_DEAD_LETTERS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StreamTestSupport {

    public static final String SESSIONS_DEAD_LETTERS = "error.clinic.sessions.notification-service";
    public static final String SCREENINGS_DEAD_LETTERS = "error.clinic.screenings.notification-service";
    public static final String ON_CALL = "oncall@clinic.local";
    /** Long enough for a broker rebalance and a few dispatcher rounds, short enough to fail fast. */
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final int INTAKE_PORT = FreePorts.next();
    private static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    protected static final GreenMailExtension mail =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                    .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "notification");
        registry.add("notification.intake-uri", () -> "http://127.0.0.1:" + INTAKE_PORT);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    protected MockMvcTester mvc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected EmbeddedKafkaBroker broker;

    protected RunningIntake intake;
    protected EventProducer events;

    @BeforeAll
    void startIntakeServiceAndProducer() {
        intake = new RunningIntake(INTAKE_PORT, broker.getBrokersAsString());
        intake.start();
        events = new EventProducer(broker.getBrokersAsString(), json);
    }

    @AfterAll
    void stopIntakeServiceAndProducer() {
        events.close();
        intake.close();
    }

    /** A fresh address, so each test reads only its own mail. */
    protected static String newAddress(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /**
     * The induction series of CLINICAL section 6's example: Thursday 26 November 2026 09:00-10:55 in Los Angeles,
     * then 08:00-09:55 on 30 November and 2, 4, 7 and 9 December.
     */
    protected static TreatmentPlanBooked planBooked(UUID patientId) {
        List<String> starts = List.of("2026-11-26T17:00:00Z", "2026-11-30T16:00:00Z", "2026-12-02T16:00:00Z",
                "2026-12-04T16:00:00Z", "2026-12-07T16:00:00Z", "2026-12-09T16:00:00Z");
        List<TreatmentPlanBooked.BookedSession> sessions = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = Instant.parse(starts.get(i));
            sessions.add(new TreatmentPlanBooked.BookedSession(UUID.randomUUID(), i + 1, start,
                    start.plus(Duration.ofMinutes(115)), 1));
        }
        return new TreatmentPlanBooked(UUID.randomUUID(), Instant.parse("2026-11-25T17:00:02Z"), patientId,
                UUID.randomUUID(), UUID.randomUUID(), Protocol.IV_KETAMINE_DEPRESSION, sessions);
    }

    protected void send(TreatmentPlanBooked event) {
        events.send(event, event.planId());
    }

    protected static ScreeningCompleted screeningCompleted(UUID patientId, ScreeningOutcome outcome) {
        List<String> reasons = outcome == ScreeningOutcome.CRISIS_ESCALATION
                ? List.of("PHQ9_ITEM9_POSITIVE", "CSSRS_HIGH_RISK") : List.of();
        return new ScreeningCompleted(UUID.randomUUID(), Instant.parse("2026-11-25T17:00:00Z"), patientId,
                UUID.randomUUID(), "DEPRESSION", outcome, reasons, true);
    }

    protected void send(ScreeningCompleted event) {
        events.send(event, event.screeningId());
    }

    /** The patient's notifications through the REST API, newest first. */
    protected JsonNode notificationsOf(UUID patientId) {
        MvcTestResult result = mvc.get().uri("/api/patients/{patientId}/notifications", patientId).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    protected Optional<JsonNode> notificationOf(UUID patientId, String kind) {
        return notificationsOf(patientId).valueStream().filter(n -> n.get("kind").asString().equals(kind))
                .findFirst();
    }

    /** Waits until the patient's notification of this kind has this status, and answers it. */
    protected JsonNode awaitNotification(UUID patientId, String kind, String status) {
        return await().atMost(PATIENCE).until(() -> notificationOf(patientId, kind),
                n -> n.isPresent() && n.get().get("status").asString().equals(status)).orElseThrow();
    }

    /** The first record with each of these keys on the topic, read from the start. */
    protected Map<String, ConsumerRecord<byte[], byte[]>> readByKey(String topic, List<String> keys) {
        Map<String, ConsumerRecord<byte[], byte[]>> records = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    String key = new String(r.key(), StandardCharsets.UTF_8);
                    if (keys.contains(key)) {
                        records.putIfAbsent(key, r);
                    }
                });
                return records.keySet().containsAll(keys);
            });
        }
        return records;
    }

    protected static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every message received for this address so far. */
    protected static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> isFor(m, address)).toList();
    }

    /**
     * The booking confirmations received for this address. {@link #planBooked} has fixed dates, so on a later
     * system clock some of its session reminders are due at once and arrive beside the confirmation.
     */
    protected static List<MimeMessage> confirmationsTo(String address) {
        return mailTo(address).stream().filter(m -> subject(m).equals("Your appointments are confirmed")).toList();
    }

    protected static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    protected static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }
}
