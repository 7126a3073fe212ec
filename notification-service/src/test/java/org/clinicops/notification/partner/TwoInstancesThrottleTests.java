package org.clinicops.notification.partner;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.clinicops.events.Topics;
import org.clinicops.notification.FreePorts;
import org.clinicops.notification.ScaledOutInstance;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notification-service instances on one database, both delivering webhooks: together they keep a subscription's
 * throttle, at most 4 requests in flight and at most {@code rateLimitPerSecond} started per second of the clock.
 */
class TwoInstancesThrottleTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final Instant NOW = TestClock.at("2026-11-25T17:00:00Z");

    static final TestClock clock = new TestClock(NOW);
    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final PartnerGate gate = new PartnerGate();
    static final WireMockServer partner = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
            .http2PlainDisabled(true).containerThreads(40).extensions(gate));

    static EmbeddedKafkaKraftBroker kafka;
    static String database;
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.SCREENINGS, Topics.SESSIONS);
        kafka.afterPropertiesSet();
        database = TestPostgres.newDatabase("notification_two_instances_throttle");
        partner.start();
        instances.add(startInstance());
        instances.add(startInstance());
    }

    @AfterAll
    static void stopTwoInstances() {
        gate.openAll();
        instances.forEach(ConfigurableApplicationContext::close);
        partner.stop();
        kafka.destroy();
    }

    @BeforeEach
    void clockAtNow() {
        clock.set(NOW);
    }

    @AfterEach
    void letEveryHeldRequestGo() {
        gate.openAll();
    }

    @Test
    void bothInstancesTogetherKeepAtMostFourRequestsInFlightToOneSubscription() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        partner.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        gate.close(path);
        Subscribed subscription = subscribe(path, 50);
        List<UUID> eventIds = recordForNewPatients(subscription, 12);

        await().atMost(PATIENCE).until(() -> gate.held(path) == 4);
        instances.forEach(instance -> instance.getBean(WebhookDelivery.class).deliverDue());

        assertThat(leased(subscription)).isEqualTo(4);
        gate.open(path);
        await().atMost(PATIENCE).until(() -> succeeded(subscription) == eventIds.size());
        assertThat(gate.mostHeld(path)).isEqualTo(4);
        assertThat(partner.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(eventIds.size());
    }

    @Test
    void bothInstancesTogetherStartAtMostRateLimitPerSecondRequestsInEachSecondOfTheClock() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        partner.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        Subscribed subscription = subscribe(path, 2);
        recordForNewPatients(subscription, 5);

        for (int second = 0; second < 3; second++) {
            int started = Math.min(5, 2 * (second + 1));
            await().atMost(PATIENCE).until(() -> succeeded(subscription) == started);
            for (ConfigurableApplicationContext instance : instances) {
                instance.getBean(WebhookDelivery.class).deliverDue().join();
            }
            assertThat(partner.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(started);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private static ConfigurableApplicationContext startInstance() {
        return ScaledOutInstance.start(clock, database, kafka.getBrokersAsString(),
                "--spring.mail.port=" + FreePorts.next());
    }

    /** A new clinic subscribes through the first instance. */
    private static Subscribed subscribe(String path, int rateLimitPerSecond) throws Exception {
        String clinic = "clinic-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + ((WebServerApplicationContext) instances.getFirst()).getWebServer().getPort()
                        + "/api/partner/subscriptions"))
                .header("Authorization", TestTokens.partner(clinic).bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"url": "%s%s", "eventTypes": ["patient.status_changed"], "rateLimitPerSecond": %d}
                        """.formatted(partner.baseUrl(), path, rateLimitPerSecond)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Subscribed(clinic, UUID.fromString(json.readTree(created.body()).get("id").asString()));
    }

    record Subscribed(String clinic, UUID id) {
    }

    /** One event for each of {@code count} new patients, recorded through the second instance. */
    private static List<UUID> recordForNewPatients(Subscribed subscription, int count) {
        ConfigurableApplicationContext instance = instances.getLast();
        List<UUID> eventIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            eventIds.add(RecordedPartnerEvents.record(instance.getBean(TransactionTemplate.class),
                    instance.getBean(PartnerEvents.class), clock, subscription.clinic(), subscription.id(),
                    UUID.randomUUID()));
        }
        return eventIds;
    }

    private static int leased(Subscribed subscription) {
        return jdbc().sql("select count(*) from partner_subscription_event "
                        + "where subscription_id = :id and lease_until > :now")
                .param("id", subscription.id())
                .param("now", Timestamp.from(clock.instant()))
                .query(Integer.class).single();
    }

    private static int succeeded(Subscribed subscription) {
        return jdbc().sql("select count(*) from partner_subscription_event "
                        + "where subscription_id = :id and status = 'SUCCEEDED'")
                .param("id", subscription.id())
                .query(Integer.class).single();
    }

    private static JdbcClient jdbc() {
        return instances.getFirst().getBean(JdbcClient.class);
    }
}
