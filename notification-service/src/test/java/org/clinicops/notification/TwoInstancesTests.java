package org.clinicops.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notification-service instances on one database and one consumer group, as ops scale it out, one of them
 * restarted while the clinic's events are still arriving: every patient gets exactly one booking confirmation and
 * one reminder per due reminder, and the partner clinic exactly one webhook per event, numbered without a gap.
 */
class TwoInstancesTests {

    static final int PATIENTS = 8;
    static final String CLINIC = "riverside-psychiatry";
    static final String GROUP = NotificationServiceApplication.NAME;
    static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Wednesday 25 November 2026, 9:00 in Los Angeles, on the suite's clock. */
    static final Instant NOW = TestClock.at("2026-11-25T17:00:00Z");

    static final TestClock clock = new TestClock(NOW);
    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final WireMockServer partner = new WireMockServer(
            options().dynamicPort().bindAddress("127.0.0.1").http2PlainDisabled(true));
    static final int SMTP_PORT = FreePorts.next();
    static final int INTAKE_PORT = FreePorts.next();
    static final GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    static EmbeddedKafkaKraftBroker kafka;
    static String database;
    static RunningIssuer issuer;
    static RunningIntake intake;
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void startTheClinic() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3, Topics.SCREENINGS, Topics.SESSIONS);
        kafka.afterPropertiesSet();
        database = TestPostgres.newDatabase("notification_two_instances");
        mail.start();
        partner.start();
        partner.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
        issuer = new RunningIssuer();
        intake = new RunningIntake(INTAKE_PORT, kafka.getBrokersAsString(), clock, issuer);
        intake.start();
        instances.add(startInstance());
        instances.add(startInstance());
    }

    @AfterAll
    static void stopTheClinic() {
        instances.forEach(ConfigurableApplicationContext::close);
        intake.close();
        issuer.close();
        partner.stop();
        mail.stop();
        kafka.destroy();
    }

    @Test
    void withAnInstanceRestartedMidwayEveryMessageAndEveryWebhookIsSentExactlyOnce() throws Exception {
        String subscription = subscribe();
        await().atMost(PATIENCE).until(TwoInstancesTests::bothInstancesHavePartitions);
        Map<UUID, String> patients = new TreeMap<>();
        for (int i = 0; i < PATIENTS; i++) {
            String address = "patient." + i + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            patients.put(intake.registerPatient("Dana", address, true), address);
        }

        try (CloudEventProducer producer = new CloudEventProducer(kafka.getBrokersAsString())) {
            int sent = 0;
            for (UUID patient : patients.keySet()) {
                ScreeningCompleted eligible = new ScreeningCompleted(UUID.randomUUID(), NOW, patient,
                        UUID.randomUUID(), "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true);
                TreatmentPlanBooked booked = StreamTestSupport.planBooked(patient);
                producer.send(eligible, eligible.screeningId());
                producer.send(booked, booked.planId());
                // and each delivered twice, as Kafka may
                producer.send(eligible, eligible.screeningId());
                producer.send(booked, booked.planId());
                if (++sent == PATIENTS / 2) {
                    // one instance goes down with half the clinic's events sent, and comes back
                    instances.removeLast().close();
                    instances.add(startInstance());
                }
            }
        }

        // the confirmations and both partner events of every patient: 2 webhooks per patient
        await().atMost(PATIENCE).until(() -> patients.values().stream()
                .allMatch(address -> subjectsTo(address).contains("Your appointments are confirmed")));
        await().atMost(PATIENCE).until(() -> webhooks().size() >= 2 * PATIENTS);
        // every success recorded too: an attempt still in flight when the clock jumps days ahead would outlive its
        // lease, and the other instance would rightly try it again
        await().atMost(PATIENCE).until(() -> unsettledWebhooks() == 0);
        // 48 hours before each plan's second session (30 November, 8:00 in Los Angeles) its reminder is due
        clock.set(TestClock.at("2026-11-28T16:30:00Z"));
        await().atMost(PATIENCE).until(() -> patients.values().stream()
                .allMatch(address -> subjectsTo(address).stream().anyMatch(s -> s.startsWith("Reminder:"))));
        // a few dispatch and delivery rounds more, in which a duplicate would show
        Thread.sleep(Duration.ofSeconds(3));

        for (String address : patients.values()) {
            List<String> subjects = subjectsTo(address);
            assertThat(subjects).as(address).filteredOn("Your appointments are confirmed"::equals).hasSize(1);
            assertThat(subjects).as(address).filteredOn(s -> s.startsWith("Reminder:")).hasSize(1);
            assertThat(subjects).as(address).hasSize(2);
        }
        List<JsonNode> envelopes = webhooks().stream().map(request -> json.readTree(request.getBodyAsString()))
                .toList();
        assertThat(envelopes).extracting(e -> e.get("id").asString()).doesNotHaveDuplicates();
        assertThat(envelopes).allSatisfy(e -> assertThat(e.get("subscriptionId").asString()).isEqualTo(subscription));
        assertThat(envelopes).extracting(e -> e.get("sequence").asLong()).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 2L * PATIENTS).boxed().toList());
        Map<String, List<String>> typesByPatient = envelopes.stream().collect(Collectors.groupingBy(
                e -> e.at("/data/patientId").asString(), TreeMap::new,
                Collectors.mapping(e -> e.get("patientSequence").asLong() + " " + e.get("type").asString(),
                        Collectors.toList())));
        assertThat(typesByPatient.keySet()).containsExactlyInAnyOrderElementsOf(
                patients.keySet().stream().map(UUID::toString).toList());
        // each patient's events in the order they happened, as they were received
        typesByPatient.values().forEach(types ->
                assertThat(types).containsExactly("1 patient.status_changed", "2 induction.booked"));
    }

    private static long unsettledWebhooks() {
        return JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""))
                .sql("select count(*) from partner_subscription_event where settled_at is null")
                .query(Long.class).single();
    }

    private static ConfigurableApplicationContext startInstance() {
        return ScaledOutInstance.start(clock, database, kafka.getBrokersAsString(), "--spring.mail.port=" + SMTP_PORT,
                "--notification.intake-uri=http://127.0.0.1:" + INTAKE_PORT,
                "--notification.auth.token-uri=" + issuer.tokenUri());
    }

    /** The partner clinic subscribes to its patients' status and bookings through the first instance. */
    private static String subscribe() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(baseUrl(instances.getFirst())
                        + "/api/partner/subscriptions"))
                .header("Authorization", TestTokens.partner(CLINIC).bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"url": "%s/hooks", "eventTypes": ["patient.status_changed", "induction.booked"],
                         "rateLimitPerSecond": 50}
                        """.formatted(partner.baseUrl()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asString();
    }

    private static List<LoggedRequest> webhooks() {
        return partner.findAll(postRequestedFor(urlEqualTo("/hooks")));
    }

    private static List<String> subjectsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> isFor(m, address))
                .map(TwoInstancesTests::subject).toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String baseUrl(ConfigurableApplicationContext instance) {
        return "http://localhost:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    /** Both instances' consumers of both topics are in the group, each with partitions to read. */
    private static boolean bothInstancesHavePartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.getBrokersAsString()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            return group.members().size() == 4
                    && group.members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty());
        } catch (Exception e) {
            return false;
        }
    }
}
