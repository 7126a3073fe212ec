package org.clinicops.notification.partner;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.clinicops.events.Topics;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * The webhook throttle: deliveries go concurrently, so a partner that holds its requests (a {@link PartnerGate}
 * keeps them until the test opens it) holds up no other partner, and a subscription never has more than 4 requests
 * in flight nor more than its {@code rateLimitPerSecond} started in one second of the service's clock. Waiting for
 * the throttle is not an attempt. The clock stands still unless a test moves it.
 */
@ServiceTest(topics = {Topics.SESSIONS, Topics.SCREENINGS}, now = WebhookThrottleTests.NOW, properties = {
        "notification.partner.webhooks.retry-delays=5s,5s,5s",
        "notification.partner.webhooks.poll-interval=50ms"})
@ActiveProfiles("test")
@AutoConfigureMockMvc
class WebhookThrottleTests {

    static final String NOW = "2026-11-25T17:00:00Z";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    static final PartnerGate gate = new PartnerGate();
    static final WireMockServer partner = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
            .http2PlainDisabled(true).containerThreads(40).extensions(gate));

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestClock clock;
    @Autowired
    PartnerEvents events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    WebhookDelivery delivery;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startPartner() {
        partner.start();
    }

    @AfterAll
    static void stopPartner() {
        partner.stop();
    }

    @BeforeEach
    void freshPartnerAndClock() {
        partner.resetAll();
        clock.set(TestClock.at(NOW));
    }

    @AfterEach
    void letEveryHeldRequestGo() {
        gate.openAll();
    }

    @Test
    void aPartnerHoldingItsRequestsDelaysNoOtherPartnersWebhooks() {
        Subscriber slow = subscribe(answering(200), 10);
        gate.close(slow.path());
        Subscriber fast = subscribe(answering(200), 10);
        List<UUID> slowEvents = recordForNewPatients(slow, 6);
        List<UUID> fastEvents = recordForNewPatients(fast, 5);

        await().atMost(PATIENCE).until(() -> gate.held(slow.path()) == 4);
        for (UUID event : fastEvents) {
            awaitDelivery(fast, event, "SUCCEEDED");
        }

        // the slow partner still holds its first four, and none of its deliveries has an attempt to show yet
        assertThat(gate.held(slow.path())).isEqualTo(4);
        assertThat(slowEvents)
                .allSatisfy(event -> assertThat(deliveryOf(slow, event).get("attempts").asInt()).isZero());
        gate.open(slow.path());
        for (UUID event : slowEvents) {
            assertThat(awaitDelivery(slow, event, "SUCCEEDED").get("attempts").asInt()).isEqualTo(1);
        }
    }

    @Test
    void neverMoreThanFourRequestsAreInFlightToOneSubscriptionAndWaitingForTheThrottleIsNoAttempt() {
        Subscriber riverside = subscribe(answering(200), 50);
        gate.close(riverside.path());
        List<UUID> eventIds = recordForNewPatients(riverside, 10);

        await().atMost(PATIENCE).until(() -> gate.held(riverside.path()) == 4);
        delivery.deliverDue();

        assertThat(leased(riverside)).isEqualTo(4);
        assertThat(eventIds).allSatisfy(event -> {
            JsonNode waiting = deliveryOf(riverside, event);
            assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
            assertThat(waiting.get("attempts").asInt()).isZero();
            assertThat(Instant.parse(waiting.get("nextAttemptAt").asString())).isEqualTo(TestClock.at(NOW));
        });
        gate.open(riverside.path());
        for (UUID event : eventIds) {
            assertThat(awaitDelivery(riverside, event, "SUCCEEDED").get("attempts").asInt()).isEqualTo(1);
        }
        assertThat(gate.mostHeld(riverside.path())).isEqualTo(4);
    }

    @Test
    void aSubscriptionLimitedToOneRequestPerSecondStartsOneInEachSecondOfTheClock() {
        Subscriber riverside = subscribe(answering(200), 1);
        List<UUID> eventIds = recordForNewPatients(riverside, 3);

        for (int second = 0; second < 3; second++) {
            int started = second + 1;
            await().atMost(PATIENCE).until(() -> succeeded(riverside, eventIds) == started);
            delivery.deliverDue().join();
            assertThat(webhooks(riverside)).hasSize(started);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(webhooks(riverside)).extracting(w -> w.getHeader("webhook-timestamp")).containsExactly(
                Long.toString(TestClock.at(NOW).getEpochSecond()),
                Long.toString(TestClock.at(NOW).getEpochSecond() + 1),
                Long.toString(TestClock.at(NOW).getEpochSecond() + 2));
        assertThat(eventIds).allSatisfy(event ->
                assertThat(deliveryOf(riverside, event).get("attempts").asInt()).isEqualTo(1));
    }

    @Test
    void afterA502TheSubscriptionHasOneRequestInFlightUntilItsNextSuccess() {
        Subscriber riverside = subscribe("/hooks/" + UUID.randomUUID(), 50);
        partner.stubFor(post(riverside.path()).inScenario("bad gateway").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));
        partner.stubFor(post(riverside.path()).inScenario("bad gateway").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        UUID first = recordForNewPatients(riverside, 1).getFirst();
        await().atMost(PATIENCE).until(() -> deliveryOf(riverside, first).get("attempts").asInt() == 1);
        gate.close(riverside.path());
        List<UUID> later = recordForNewPatients(riverside, 3);
        clock.advance(Duration.ofSeconds(7));

        await().atMost(PATIENCE).until(() -> gate.held(riverside.path()) == 1);
        delivery.deliverDue();

        assertThat(leased(riverside)).isEqualTo(1);
        gate.open(riverside.path());
        awaitDelivery(riverside, first, "SUCCEEDED");
        for (UUID event : later) {
            awaitDelivery(riverside, event, "SUCCEEDED");
        }
        assertThat(gate.mostHeld(riverside.path())).isEqualTo(1);
        assertThat(jdbc.sql("select one_in_flight from partner_subscription where subscription_id = :id")
                .param("id", UUID.fromString(riverside.id())).query(Boolean.class).single()).isFalse();
    }

    record Subscriber(String clinic, String id, String path) {
    }

    private String answering(int status) {
        String path = "/hooks/" + UUID.randomUUID();
        partner.stubFor(post(path).willReturn(aResponse().withStatus(status)));
        return path;
    }

    private Subscriber subscribe(String path, int rateLimitPerSecond) {
        String clinic = "clinic-" + UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult created = mvc.post().uri("/api/partner/subscriptions")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.partner(clinic).bearer())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"url": "%s", "eventTypes": ["patient.status_changed"], "rateLimitPerSecond": %d}
                        """.formatted(partner.baseUrl() + path, rateLimitPerSecond))
                .exchange();
        assertThat(created).hasStatus(201);
        return new Subscriber(clinic, body(created).get("id").asString(), path);
    }

    /** One event for each of {@code count} new patients, recorded as the recorder does. */
    private List<UUID> recordForNewPatients(Subscriber subscriber, int count) {
        List<UUID> eventIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            eventIds.add(RecordedPartnerEvents.record(transactions, events, clock, subscriber.clinic(),
                    UUID.fromString(subscriber.id()), UUID.randomUUID()));
        }
        return eventIds;
    }

    private int leased(Subscriber subscriber) {
        return jdbc.sql("""
                        select count(*) from partner_subscription_event
                         where subscription_id = :id and lease_until > :now
                        """)
                .param("id", UUID.fromString(subscriber.id()))
                .param("now", Timestamp.from(clock.instant()))
                .query(Integer.class).single();
    }

    private long succeeded(Subscriber subscriber, List<UUID> eventIds) {
        return eventIds.stream().filter(e -> deliveryOf(subscriber, e).get("status").asString().equals("SUCCEEDED"))
                .count();
    }

    private List<LoggedRequest> webhooks(Subscriber subscriber) {
        return partner.findAll(postRequestedFor(urlEqualTo(subscriber.path())));
    }

    private JsonNode awaitDelivery(Subscriber subscriber, UUID eventId, String status) {
        return await().atMost(PATIENCE).until(() -> deliveryOf(subscriber, eventId),
                d -> d.get("status").asString().equals(status));
    }

    private JsonNode deliveryOf(Subscriber subscriber, UUID eventId) {
        MvcTestResult page = mvc.get().uri("/api/partner/subscriptions/" + subscriber.id() + "/deliveries?limit=200")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.partner(subscriber.clinic()).bearer()).exchange();
        return body(page).get("deliveries").valueStream()
                .filter(d -> d.get("eventId").asString().equals(eventId.toString())).findFirst().orElseThrow();
    }

    private JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
