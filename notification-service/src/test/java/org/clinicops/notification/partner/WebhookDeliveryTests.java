package org.clinicops.notification.partner;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.clinicops.events.Topics;
import org.clinicops.notification.FreePorts;
import org.clinicops.support.testing.ReliedOnMetrics;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Webhook delivery to a partner's endpoint (WireMock on loopback, which the test profile allow-lists): every webhook
 * is signed as Standard Webhooks says, a failure is tried again on the schedule with the same id and body, a
 * patient's events go strictly in order, a 410 disables the subscription, each attempt connects to the address it
 * checked (names the test's DNS table answers, others the machine's DNS), deliveries are counted by outcome, and each
 * clinic sees only its own delivery log. The clock stands still; a test moves it past a retry delay (5 s here, with
 * 20 % jitter).
 */
@ServiceTest(topics = {Topics.SESSIONS, Topics.SCREENINGS}, now = WebhookDeliveryTests.NOW, properties = {
        "notification.partner.webhooks.retry-delays=5s,5s,5s",
        "notification.partner.webhooks.poll-interval=50ms",
        "notification.partner.ops-email=" + WebhookDeliveryTests.OPS})
@ActiveProfiles("test")
@AutoConfigureMockMvc
class WebhookDeliveryTests {

    static final String NOW = "2026-11-25T17:00:00Z";
    static final String OPS = "partner-ops@clinic.local";
    static final int SMTP_PORT = FreePorts.next();
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Duration PAST_A_RETRY_DELAY = Duration.ofSeconds(7);

    @RegisterExtension
    static final GreenMailExtension mail =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                    .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    static final DnsTable dns = new DnsTable();
    static final WireMockServer partner = new WireMockServer(
            options().dynamicPort().bindAddress("127.0.0.1").http2PlainDisabled(true));

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
    MeterRegistry meters;

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

    @Test
    void everyWebhookCarriesTheEnvelopeSignedWithTheSubscriptionSecretAndATamperedBodyFailsVerification() {
        Partner riverside = subscribe(answering(200));
        UUID eventId = record(riverside, UUID.randomUUID());

        LoggedRequest webhook = awaitWebhooks(riverside, 1).getFirst();

        String body = webhook.getBodyAsString();
        assertThat(webhook.getHeader("webhook-id")).isEqualTo(eventId.toString());
        assertThat(webhook.getHeader("webhook-timestamp"))
                .isEqualTo(Long.toString(TestClock.at(NOW).getEpochSecond()));
        assertThat(webhook.getHeader("content-type")).isEqualTo("application/json");
        assertThat(webhook.getHeader("user-agent")).isEqualTo("clinic-ops-webhooks/1.0");
        assertThat(webhook.getAllHeaderKeys()).map(String::toLowerCase)
                .doesNotContain("traceparent", "baggage", "cookie", "authorization", "x-correlation-id");
        assertThat(json.readTree(body).get("id").asString()).isEqualTo(eventId.toString());
        assertThat(verifies(riverside.secret(), webhook, body)).isTrue();
        assertThat(verifies(riverside.secret(), webhook, body.replace("ACCEPTED", "NOT_ACCEPTED"))).isFalse();

        JsonNode delivered = awaitDelivery(riverside, eventId, "SUCCEEDED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivered.get("lastResponseCode").asInt()).isEqualTo(200);
        assertThat(delivered.get("lastError").isNull()).isTrue();
        assertThat(delivered.get("nextAttemptAt").isNull()).isTrue();
    }

    @Test
    void aWebhookVerifiesWithTheReferenceLibraryAndATamperedBodyIdOrTimestampOrOneSixMinutesOldFails() {
        // the library checks the timestamp against the machine's clock, so the service signs at the machine's time
        clock.set(TestClock.machineTime());
        Partner riverside = subscribe(answering(200));
        record(riverside, UUID.randomUUID());
        LoggedRequest webhook = awaitWebhooks(riverside, 1).getFirst();
        String body = webhook.getBodyAsString();
        long timestamp = Long.parseLong(webhook.getHeader("webhook-timestamp"));

        assertThatCode(() -> receiver(riverside.secret()).verify(body, headers(webhook))).doesNotThrowAnyException();
        assertThatThrownBy(() -> receiver(riverside.secret()).verify(body.replace("ACCEPTED", "NOT_ACCEPTED"),
                headers(webhook))).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> receiver(riverside.secret()).verify(body,
                headers(webhook, "webhook-id", UUID.randomUUID().toString())))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> receiver(riverside.secret()).verify(body,
                headers(webhook, "webhook-timestamp", Long.toString(timestamp - 1))))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> receiver(subscribe(answering(200)).secret()).verify(body, headers(webhook)))
                .isInstanceOf(WebhookVerificationException.class);

        clock.set(TestClock.machineTime().minus(Duration.ofMinutes(6)));
        record(riverside, UUID.randomUUID());
        LoggedRequest stale = awaitWebhooks(riverside, 2).get(1);
        assertThatThrownBy(() -> receiver(riverside.secret()).verify(stale.getBodyAsString(), headers(stale)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");
    }

    @Test
    void duringARotationOverlapBothSecretsSignNewestFirstAndEachVerifiesAlone() {
        clock.set(TestClock.machineTime());
        Partner riverside = subscribe(answering(200));
        JsonNode rotated = body(postAs(riverside.clinic(), "/api/partner/subscriptions/" + riverside.id()
                + "/secret/rotate", "{\"overlapSeconds\": 3600}"));
        String newSecret = rotated.get("secret").asString();

        record(riverside, UUID.randomUUID());
        LoggedRequest webhook = awaitWebhooks(riverside, 1).getFirst();

        String[] signatures = webhook.getHeader("webhook-signature").split(" ");
        assertThat(signatures).hasSize(2);
        assertThat(signatures[0]).isEqualTo(librarySignature(newSecret, webhook));
        assertThat(signatures[1]).isEqualTo(librarySignature(riverside.secret(), webhook));
        String body = webhook.getBodyAsString();
        assertThatCode(() -> receiver(newSecret).verify(body, headers(webhook))).doesNotThrowAnyException();
        assertThatCode(() -> receiver(riverside.secret()).verify(body, headers(webhook))).doesNotThrowAnyException();
    }

    @Test
    void aFailedAttemptIsTriedAgainAfterTheRetryDelayWithTheSameIdAndBodyAndSucceeds() {
        Partner riverside = subscribe("/hooks/" + UUID.randomUUID());
        partner.stubFor(post(riverside.path()).inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        partner.stubFor(post(riverside.path()).inScenario("blip").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        UUID eventId = record(riverside, UUID.randomUUID());

        JsonNode failed = awaitAttempts(riverside, eventId, 1);
        assertThat(failed.get("status").asString()).isEqualTo("PENDING");
        assertThat(failed.get("lastResponseCode").asInt()).isEqualTo(500);
        assertThat(failed.get("lastError").asString()).isEqualTo("HTTP_STATUS");
        Instant next = Instant.parse(failed.get("nextAttemptAt").asString());
        assertThat(next).isBetween(TestClock.at(NOW).plusSeconds(4), TestClock.at(NOW).plusSeconds(6));
        assertThat(Instant.parse(subscription(riverside).get("failingSince").asString())).isEqualTo(TestClock.at(NOW));

        clock.advance(PAST_A_RETRY_DELAY);
        List<LoggedRequest> webhooks = awaitWebhooks(riverside, 2);

        assertThat(webhooks.get(1).getHeader("webhook-id")).isEqualTo(webhooks.get(0).getHeader("webhook-id"));
        assertThat(webhooks.get(1).getBody()).isEqualTo(webhooks.get(0).getBody());
        assertThat(webhooks.get(1).getHeader("webhook-timestamp"))
                .isNotEqualTo(webhooks.get(0).getHeader("webhook-timestamp"));
        assertThat(verifies(riverside.secret(), webhooks.get(1), webhooks.get(1).getBodyAsString())).isTrue();
        JsonNode succeeded = awaitDelivery(riverside, eventId, "SUCCEEDED");
        assertThat(succeeded.get("attempts").asInt()).isEqualTo(2);
        assertThat(subscription(riverside).get("failingSince").isNull()).isTrue();
        JsonNode detail = body(get(riverside.clinic(), deliveriesOf(riverside) + "/" + succeeded.get("id").asString()));
        assertThat(detail.get("attemptLog")).hasSize(2);
        assertThat(detail.get("attemptLog").get(0).get("responseCode").asInt()).isEqualTo(500);
        assertThat(detail.get("attemptLog").get(1).get("responseCode").asInt()).isEqualTo(200);
    }

    @Test
    void aDeliveryThatFailsEveryAutomaticAttemptIsFailed() {
        Partner riverside = subscribe(answering(500));
        UUID eventId = record(riverside, UUID.randomUUID());

        // the first attempt and one after each of the three delays of this profile
        for (int attempts = 1; attempts <= 3; attempts++) {
            awaitAttempts(riverside, eventId, attempts);
            clock.advance(PAST_A_RETRY_DELAY);
        }

        JsonNode failed = awaitDelivery(riverside, eventId, "FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(4);
        assertThat(failed.get("nextAttemptAt").isNull()).isTrue();
        assertThat(failed.get("settledAt").isNull()).isFalse();
        clock.advance(PAST_A_RETRY_DELAY);
        delivery.deliverDue().join();
        assertThat(webhooks(riverside)).hasSize(4);
    }

    @Test
    void aPatientsNextEventIsNotAttemptedUntilTheOneBeforeIsSettledWhileOtherPatientsGoOn() {
        Partner riverside = subscribe("/hooks/" + UUID.randomUUID());
        partner.stubFor(post(riverside.path()).willReturn(aResponse().withStatus(500)));
        UUID patient = UUID.randomUUID();
        UUID first = record(riverside, patient);
        UUID second = record(riverside, patient);
        UUID otherPatients = record(riverside, UUID.randomUUID());

        awaitAttempts(riverside, first, 1);
        awaitAttempts(riverside, otherPatients, 1);
        delivery.deliverDue().join();

        assertThat(webhookIds(riverside)).containsExactlyInAnyOrder(first.toString(), otherPatients.toString());
        assertThat(deliveryOf(riverside, second).get("attempts").asInt()).isZero();

        partner.stubFor(post(riverside.path()).willReturn(aResponse().withStatus(200)));
        clock.advance(PAST_A_RETRY_DELAY);
        awaitDelivery(riverside, second, "SUCCEEDED");
        List<String> ids = webhookIds(riverside);
        assertThat(ids.lastIndexOf(first.toString())).isLessThan(ids.indexOf(second.toString()));
    }

    @Test
    void anEndpointThatAnswers410IsDisabledAndItsOtherDeliveriesAreSkipped() {
        // one request a second on a clock standing still: the other patient's delivery still waits for the throttle
        Partner riverside = subscribe(answering(410), null, 1);
        UUID patient = UUID.randomUUID();
        UUID first = record(riverside, patient);
        UUID second = record(riverside, patient);
        UUID otherPatients = record(riverside, UUID.randomUUID());

        JsonNode gone = awaitDelivery(riverside, first, "FAILED");

        assertThat(gone.get("lastResponseCode").asInt()).isEqualTo(410);
        JsonNode subscription = subscription(riverside);
        assertThat(subscription.get("status").asString()).isEqualTo("DISABLED");
        assertThat(subscription.get("disabledReason").asString()).isEqualTo("ENDPOINT_GONE");
        assertThat(deliveryOf(riverside, second).get("status").asString()).isEqualTo("SKIPPED");
        assertThat(deliveryOf(riverside, otherPatients).get("status").asString()).isEqualTo("SKIPPED");
        // recorded while disabled: numbered for catch-up, never sent
        UUID later = record(riverside, patient);
        assertThat(deliveryOf(riverside, later).get("status").asString()).isEqualTo("SKIPPED");
        delivery.deliverDue().join();
        assertThat(webhookIds(riverside)).containsExactly(first.toString());
        MimeMessage notice = awaitNotices(OPS, riverside, 1).getFirst();
        assertThat(subject(notice)).isEqualTo("Webhook subscription disabled: endpoint gone (" + host() + ")");
        assertThat(text(notice)).contains("answered 410 Gone", "Last answer:   HTTP 410");
    }

    @Test
    void aDeliveryFailedForGoodTellsTheOwnerAndOpsOnceUntilTheNextSuccessWithoutAnyPatientOrEvent() {
        String alertEmail = "it-oncall-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
        Partner riverside = subscribe(answering(500), alertEmail);
        UUID patient = UUID.randomUUID();
        UUID otherPatient = UUID.randomUUID();
        UUID first = record(riverside, patient);
        UUID other = record(riverside, otherPatient);

        for (int attempts = 1; attempts <= 3; attempts++) {
            awaitAttempts(riverside, first, attempts);
            awaitAttempts(riverside, other, attempts);
            clock.advance(PAST_A_RETRY_DELAY);
        }
        awaitDelivery(riverside, first, "FAILED");
        awaitDelivery(riverside, other, "FAILED");

        MimeMessage notice = awaitNotices(alertEmail, riverside, 1).getFirst();
        assertThat(awaitNotices(OPS, riverside, 1)).hasSize(1);
        assertThat(subject(notice)).isEqualTo("Webhook delivery failed for good (" + host() + ")");
        assertThat(text(notice)).contains(riverside.id(), "Endpoint host: " + host(), "Last answer:   HTTP 500",
                "Since:         " + Envelopes.instant(TestClock.at(NOW)));
        assertThat(text(notice) + subject(notice)).doesNotContain(patient.toString(), otherPatient.toString(),
                first.toString(), other.toString(), riverside.path(), "ACCEPTED");
        assertThat(subscription(riverside).get("status").asString()).isEqualTo("ACTIVE");
        // the second delivery failed for good since the last success is not told again
        assertThat(notices(alertEmail, riverside)).hasSize(1);
    }

    @Test
    void aSubscriptionFailingForMoreThanFiveDaysIsDisabledAsFailingItsDeliveriesSkippedAndTheOwnerTold() {
        String alertEmail = "it-oncall-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
        Partner riverside = subscribe(answering(503), alertEmail);
        UUID eventId = record(riverside, UUID.randomUUID());
        awaitAttempts(riverside, eventId, 1);
        clock.advance(Duration.ofDays(4));
        awaitAttempts(riverside, eventId, 2);
        assertThat(subscription(riverside).get("status").asString()).isEqualTo("ACTIVE");

        clock.advance(Duration.ofDays(1).plus(PAST_A_RETRY_DELAY));
        awaitAttempts(riverside, eventId, 3);

        JsonNode disabled = subscription(riverside);
        assertThat(disabled.get("status").asString()).isEqualTo("DISABLED");
        assertThat(disabled.get("disabledReason").asString()).isEqualTo("FAILING");
        assertThat(Instant.parse(disabled.get("failingSince").asString())).isEqualTo(TestClock.at(NOW));
        assertThat(deliveryOf(riverside, eventId).get("status").asString()).isEqualTo("SKIPPED");
        MimeMessage notice = awaitNotices(alertEmail, riverside, 1).getFirst();
        assertThat(subject(notice)).isEqualTo("Webhook subscription disabled: failing too long (" + host() + ")");
        assertThat(text(notice)).contains("Since:         " + Envelopes.instant(TestClock.at(NOW)),
                "Last answer:   HTTP 503");
        assertThat(awaitNotices(OPS, riverside, 1)).hasSize(1);
    }

    @Test
    void a429WithRetryAfterPausesTheWholeSubscriptionAndWaitingIsNoAttempt() {
        // one request a second: the other patient's delivery waits for the throttle, then for the pause
        Partner riverside = subscribe("/hooks/" + UUID.randomUUID(), null, 1);
        partner.stubFor(post(riverside.path())
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        UUID throttled = record(riverside, UUID.randomUUID());
        UUID otherPatients = record(riverside, UUID.randomUUID());

        JsonNode first = awaitAttempts(riverside, throttled, 1);
        assertThat(Instant.parse(first.get("nextAttemptAt").asString()))
                .isAfterOrEqualTo(TestClock.at(NOW).plusSeconds(120));
        clock.advance(PAST_A_RETRY_DELAY);
        delivery.deliverDue().join();
        assertThat(webhookIds(riverside)).containsExactly(throttled.toString());
        assertThat(deliveryOf(riverside, otherPatients).get("attempts").asInt()).isZero();

        partner.stubFor(post(riverside.path()).willReturn(aResponse().withStatus(200)));
        clock.set(TestClock.at(NOW).plusSeconds(121));
        assertThat(awaitDelivery(riverside, otherPatients, "SUCCEEDED").get("attempts").asInt()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(awaitDelivery(riverside, throttled, "SUCCEEDED").get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void theDeliveryLogShowsEveryMemberNewestFirstInPagesAndFiltersByStatus() {
        Partner riverside = subscribe(answering(200));
        UUID first = record(riverside, UUID.randomUUID());
        UUID second = record(riverside, UUID.randomUUID());
        awaitDelivery(riverside, first, "SUCCEEDED");
        awaitDelivery(riverside, second, "SUCCEEDED");

        JsonNode page = body(get(riverside.clinic(), deliveriesOf(riverside) + "?limit=1"));

        assertThat(page.propertyNames()).containsExactly("deliveries", "nextBefore");
        JsonNode newest = page.get("deliveries").get(0);
        assertThat(newest.propertyNames()).containsExactly("id", "eventId", "type", "sequence", "patientSequence",
                "status", "attempts", "lastAttemptAt", "lastResponseCode", "lastError", "nextAttemptAt",
                "createdAt", "settledAt");
        assertThat(newest.get("eventId").asString()).isEqualTo(second.toString());
        assertThat(newest.get("type").asString()).isEqualTo("patient.status_changed");
        assertThat(newest.get("sequence").asLong()).isEqualTo(2);
        assertThat(newest.get("patientSequence").asLong()).isEqualTo(1);
        assertThat(Instant.parse(newest.get("createdAt").asString())).isEqualTo(TestClock.at(NOW));
        assertThat(newest.get("lastAttemptAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(page.get("nextBefore").asLong()).isEqualTo(2);
        JsonNode last = body(get(riverside.clinic(), deliveriesOf(riverside) + "?limit=1&before=2"));
        assertThat(last.get("deliveries").get(0).get("eventId").asString()).isEqualTo(first.toString());
        assertThat(last.get("nextBefore").isNull()).isTrue();
        assertThat(body(get(riverside.clinic(), deliveriesOf(riverside) + "?status=FAILED")).get("deliveries"))
                .isEmpty();

        JsonNode detail = body(get(riverside.clinic(), deliveriesOf(riverside) + "/" + newest.get("id").asString()));
        assertThat(detail.get("attemptLog")).hasSize(1);
        assertThat(detail.get("attemptLog").get(0).propertyNames())
                .containsExactly("number", "at", "responseCode", "error", "durationMs", "manual");
        assertThat(detail.get("attemptLog").get(0).get("manual").asBoolean()).isFalse();
    }

    @Test
    void anotherClinicGetsTheSame404AsForAnUnknownIdAndABadParameterIsNamed() {
        Partner riverside = subscribe(answering(200));
        UUID eventId = record(riverside, UUID.randomUUID());
        String deliveryId = awaitDelivery(riverside, eventId, "SUCCEEDED").get("id").asString();
        String other = "clinic-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(get(other, deliveriesOf(riverside))).hasStatus(404);
        assertThat(get(other, deliveriesOf(riverside) + "/" + deliveryId)).hasStatus(404);
        assertThat(get(riverside.clinic(), deliveriesOf(riverside) + "/" + UUID.randomUUID())).hasStatus(404);
        MvcTestResult bad = get(riverside.clinic(), deliveriesOf(riverside) + "?status=LOST&limit=201&before=0");
        assertThat(bad).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(bad).toString()).contains("\"status\"", "\"limit\"", "\"before\"");
    }

    @Test
    void aRedeliveryResendsTheSameIdAndBodyFreshlySignedAsAManualAttemptAndKeepsTheSequence() {
        Partner riverside = subscribe(answering(200));
        UUID eventId = record(riverside, UUID.randomUUID());
        JsonNode delivered = awaitDelivery(riverside, eventId, "SUCCEEDED");
        clock.advance(Duration.ofMinutes(1));

        MvcTestResult accepted = redeliver(riverside, delivered.get("id").asString(), null);

        assertThat(accepted).hasStatus(202);
        assertThat(body(accepted).get("id").asString()).isEqualTo(delivered.get("id").asString());
        assertThat(body(accepted).propertyNames()).contains("eventId", "sequence", "status", "attempts");
        List<LoggedRequest> webhooks = awaitWebhooks(riverside, 2);
        assertThat(webhooks.get(1).getHeader("webhook-id")).isEqualTo(eventId.toString());
        assertThat(webhooks.get(1).getBody()).isEqualTo(webhooks.get(0).getBody());
        assertThat(webhooks.get(1).getHeader("webhook-timestamp"))
                .isEqualTo(Long.toString(TestClock.at(NOW).plusSeconds(60).getEpochSecond()));
        assertThat(verifies(riverside.secret(), webhooks.get(1), webhooks.get(1).getBodyAsString())).isTrue();
        JsonNode redelivered = awaitAttempts(riverside, eventId, 2);
        assertThat(redelivered.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(redelivered.get("sequence").asLong()).isEqualTo(delivered.get("sequence").asLong());
        JsonNode detail = body(get(riverside.clinic(), deliveriesOf(riverside) + "/" + delivered.get("id").asString()));
        assertThat(detail.get("attemptLog").get(0).get("manual").asBoolean()).isFalse();
        assertThat(detail.get("attemptLog").get(1).get("manual").asBoolean()).isTrue();
        assertThat(detail.get("attemptLog").get(1).get("number").asInt()).isEqualTo(2);
    }

    @Test
    void aFailedManualAttemptLeavesTheAutomaticScheduleAsItWasAndIsNotCountedAgainstIt() {
        Partner riverside = subscribe(answering(500));
        UUID eventId = record(riverside, UUID.randomUUID());
        JsonNode failedOnce = awaitAttempts(riverside, eventId, 1);

        assertThat(redeliver(riverside, failedOnce.get("id").asString(), null)).hasStatus(202);

        JsonNode afterManual = awaitAttempts(riverside, eventId, 2);
        assertThat(afterManual.get("status").asString()).isEqualTo("PENDING");
        assertThat(afterManual.get("nextAttemptAt").asString()).isEqualTo(failedOnce.get("nextAttemptAt").asString());
        // the three automatic retries of this profile still follow: 1 + 3 automatic, and the manual one beside them
        for (int attempts = 2; attempts <= 4; attempts++) {
            clock.advance(PAST_A_RETRY_DELAY);
            awaitAttempts(riverside, eventId, attempts + 1);
        }
        JsonNode failed = awaitDelivery(riverside, eventId, "FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(5);
    }

    @Test
    void aManualAttemptThatSucceedsSettlesAFailedDeliveryAsSucceededAndClearsFailingSince() {
        Partner riverside = subscribe("/hooks/" + UUID.randomUUID());
        partner.stubFor(post(riverside.path()).willReturn(aResponse().withStatus(500)));
        UUID eventId = record(riverside, UUID.randomUUID());
        for (int attempts = 1; attempts <= 3; attempts++) {
            awaitAttempts(riverside, eventId, attempts);
            clock.advance(PAST_A_RETRY_DELAY);
        }
        JsonNode failed = awaitDelivery(riverside, eventId, "FAILED");
        partner.stubFor(post(riverside.path()).willReturn(aResponse().withStatus(204)));

        assertThat(redeliver(riverside, failed.get("id").asString(), null)).hasStatus(202);

        JsonNode succeeded = awaitDelivery(riverside, eventId, "SUCCEEDED");
        assertThat(succeeded.get("attempts").asInt()).isEqualTo(5);
        assertThat(succeeded.get("lastResponseCode").asInt()).isEqualTo(204);
        assertThat(succeeded.get("lastError").isNull()).isTrue();
        assertThat(subscription(riverside).get("failingSince").isNull()).isTrue();
    }

    @Test
    void redeliveryIsRefusedWhileAnEarlierDeliveryOfThePatientIsUnsettledSoFifoHolds() {
        Partner riverside = subscribe(answering(500));
        UUID patient = UUID.randomUUID();
        UUID first = record(riverside, patient);
        UUID second = record(riverside, patient);
        awaitAttempts(riverside, first, 1);

        MvcTestResult refused = redeliver(riverside, deliveryOf(riverside, second).get("id").asString(), null);

        assertThat(refused).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(refused).get("code").asString()).isEqualTo("WAITING_FOR_EARLIER_DELIVERY");
        delivery.deliverDue().join();
        assertThat(webhookIds(riverside)).containsOnly(first.toString());
        assertThat(deliveryOf(riverside, second).get("attempts").asInt()).isZero();
    }

    @Test
    void redeliveryIsRefusedForADisabledSubscriptionAndIsA404ForAnotherClinicOrAnUnknownDelivery() {
        Partner riverside = subscribe(answering(410));
        UUID eventId = record(riverside, UUID.randomUUID());
        String deliveryId = awaitDelivery(riverside, eventId, "FAILED").get("id").asString();

        MvcTestResult refused = redeliver(riverside, deliveryId, null);

        assertThat(refused).hasStatus(409);
        assertThat(body(refused).get("code").asString()).isEqualTo("SUBSCRIPTION_DISABLED");
        String other = "clinic-" + UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult notYours = mvc.post().uri(deliveriesOf(riverside) + "/" + deliveryId + "/redeliver")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.partner(other).bearer()).exchange();
        assertThat(notYours).hasStatus(404);
        assertThat(redeliver(riverside, UUID.randomUUID().toString(), null)).hasStatus(404);
        assertThat(webhooks(riverside)).hasSize(1);
    }

    @Test
    void aRedeliveryRepeatedWithTheSameIdempotencyKeyMakesOneManualAttemptAndTheKeyFitsOnlyThatDelivery() {
        Partner riverside = subscribe(answering(200));
        UUID eventId = record(riverside, UUID.randomUUID());
        UUID otherEvent = record(riverside, UUID.randomUUID());
        String deliveryId = awaitDelivery(riverside, eventId, "SUCCEEDED").get("id").asString();
        String otherDelivery = awaitDelivery(riverside, otherEvent, "SUCCEEDED").get("id").asString();
        String key = UUID.randomUUID().toString();

        assertThat(redeliver(riverside, deliveryId, key)).hasStatus(202);
        awaitAttempts(riverside, eventId, 2);
        assertThat(redeliver(riverside, deliveryId, key)).hasStatus(202);
        MvcTestResult reused = redeliver(riverside, otherDelivery, key);

        assertThat(reused).hasStatus(409);
        assertThat(body(reused).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        delivery.deliverDue().join();
        assertThat(deliveryOf(riverside, eventId).get("attempts").asInt()).isEqualTo(2);
        assertThat(webhookIds(riverside)).filteredOn(eventId.toString()::equals).hasSize(2);
    }

    @Test
    void anAttemptConnectsToTheAddressItCheckedWithoutAnotherLookupAndKeepsTheHostName() {
        // a name the machine's DNS does not know: only the checked answer can bring the request to the partner
        String host = "hooks-" + UUID.randomUUID().toString().substring(0, 8) + ".partner.test";
        dns.answer(host, "127.0.0.1");
        Partner riverside = subscribe(answering(200), null, 10, host);
        dns.forgetLookups();

        UUID eventId = record(riverside, UUID.randomUUID());

        assertThat(awaitDelivery(riverside, eventId, "SUCCEEDED").get("lastResponseCode").asInt()).isEqualTo(200);
        assertThat(webhooks(riverside).getFirst().getHeader("Host")).isEqualTo(host + ":" + partner.port());
        assertThat(dns.lookups(host)).isEqualTo(1);
    }

    @Test
    void aNameThatResolvesToAPrivateAddressAtDeliveryIsRefusedAsTargetNotAllowedAndNothingIsSent() {
        String host = "hooks-" + UUID.randomUUID().toString().substring(0, 8) + ".partner.test";
        dns.answer(host, "127.0.0.1");
        Partner riverside = subscribe(answering(200), null, 10, host);
        // DNS rebinding: the name now also points into the clinic's network
        dns.answer(host, "127.0.0.1", "10.0.0.7");

        UUID eventId = record(riverside, UUID.randomUUID());

        JsonNode refused = awaitAttempts(riverside, eventId, 1);
        assertThat(refused.get("status").asString()).isEqualTo("PENDING");
        assertThat(refused.get("lastError").asString()).isEqualTo("TARGET_NOT_ALLOWED");
        assertThat(refused.get("lastResponseCode").isNull()).isTrue();
        assertThat(webhooks(riverside)).isEmpty();
    }

    @Test
    void deliveriesAreCountedByOutcomeAndAttemptsTimedPerPartnerClinicWithNoPatientOrUrlInAnyTag() {
        Partner riverside = subscribe("/hooks/" + UUID.randomUUID());
        partner.stubFor(post(riverside.path()).inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        partner.stubFor(post(riverside.path()).inScenario("blip").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        UUID patient = UUID.randomUUID();
        UUID retried = record(riverside, patient);
        awaitAttempts(riverside, retried, 1);
        clock.advance(PAST_A_RETRY_DELAY);
        awaitDelivery(riverside, retried, "SUCCEEDED");
        // one request a second: the other two deliveries wait, and are skipped by the 410; recorded in one
        // transaction, so that the first cannot be answered before the other two exist
        Partner gone = subscribe(answering(410), null, 1);
        UUID other = UUID.randomUUID();
        UUID first = transactions.execute(status -> {
            UUID recorded = record(gone, other);
            record(gone, other);
            record(gone, UUID.randomUUID());
            return recorded;
        });
        awaitDelivery(gone, first, "FAILED");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(deliveries(riverside, "retrying")).isEqualTo(1);
            assertThat(deliveries(riverside, "succeeded")).isEqualTo(1);
            assertThat(deliveries(gone, "failed")).isEqualTo(1);
            assertThat(deliveries(gone, "skipped")).isEqualTo(2);
        });
        assertThat(deliveries(riverside, "failed") + deliveries(riverside, "skipped")).isZero();
        assertThat(attempts(riverside, "failed").count()).isEqualTo(1);
        assertThat(attempts(riverside, "succeeded").count()).isEqualTo(1);
        assertThat(attempts(gone, "failed").count()).isEqualTo(1);
        List<Meter> webhookMeters = meters.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("clinic.partner.webhook.")).toList();
        assertThat(webhookMeters).allSatisfy(m -> {
            assertThat(m.getId().getTags()).extracting(Tag::getKey).containsOnly("outcome", "partner");
            assertThat(m.getId().getTags()).extracting(Tag::getValue).noneMatch(v -> v.contains(patient.toString())
                    || v.contains(other.toString()) || v.contains("/hooks") || v.contains(riverside.id()));
        });
        // and the scrape has what the dashboard and the alert rules read of them
        ReliedOnMetrics.assertExposed("partner-webhooks", () -> new String(
                mvc.get().uri("/actuator/prometheus")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.ops().bearer())
                        .exchange().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8));
    }

    private double deliveries(Partner subscriber, String outcome) {
        Counter counter = meters.find("clinic.partner.webhook.deliveries")
                .tags("partner", subscriber.clinic(), "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer attempts(Partner subscriber, String outcome) {
        return meters.get("clinic.partner.webhook.attempt").tags("partner", subscriber.clinic(), "outcome", outcome)
                .timer();
    }

    /** The service's name lookups, answered from a table for the names a test sets, else by the machine's DNS. */
    @TestConfiguration
    static class TableDns {

        @Bean
        @Primary
        WebhookTargets.Resolver tableResolver() {
            return dns;
        }
    }

    static final class DnsTable implements WebhookTargets.Resolver {

        private final Map<String, InetAddress[]> answers = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        void answer(String host, String... addresses) {
            answers.put(host, Arrays.stream(addresses).map(DnsTable::literal).toArray(InetAddress[]::new));
        }

        void forgetLookups() {
            lookups.clear();
        }

        int lookups(String host) {
            AtomicInteger count = lookups.get(host);
            return count == null ? 0 : count.get();
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] answer = answers.get(host);
            if (answer == null) {
                return InetAddress.getAllByName(host);
            }
            lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            return answer;
        }

        private static InetAddress literal(String address) {
            try {
                return InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }
    }

    record Partner(String clinic, String id, String secret, String path) {
    }

    private String answering(int status) {
        String path = "/hooks/" + UUID.randomUUID();
        partner.stubFor(post(path).willReturn(aResponse().withStatus(status)));
        return path;
    }

    private Partner subscribe(String path) {
        return subscribe(path, null);
    }

    private Partner subscribe(String path, String alertEmail) {
        return subscribe(path, alertEmail, 10);
    }

    private Partner subscribe(String path, String alertEmail, int rateLimitPerSecond) {
        return subscribe(path, alertEmail, rateLimitPerSecond, host());
    }

    private Partner subscribe(String path, String alertEmail, int rateLimitPerSecond, String host) {
        String clinic = "clinic-" + UUID.randomUUID().toString().substring(0, 8);
        String url = "http://" + host + ":" + partner.port() + path;
        JsonNode created = body(postAs(clinic, "/api/partner/subscriptions", """
                {"url": "%s", "eventTypes": ["patient.status_changed"], "alertEmail": %s, "rateLimitPerSecond": %d}
                """.formatted(url, alertEmail == null ? "null" : "\"" + alertEmail + "\"", rateLimitPerSecond)));
        assertThat(created.has("id")).as(created.toString()).isTrue();
        return new Partner(clinic, created.get("id").asString(), created.get("secret").asString(), path);
    }

    /** Records a partner event for the subscription as the recorder does: the clinic's event, numbered for it. */
    private UUID record(Partner partner, UUID patientId) {
        return RecordedPartnerEvents.record(transactions, events, clock, partner.clinic(),
                UUID.fromString(partner.id()), patientId);
    }

    private List<LoggedRequest> webhooks(Partner subscriber) {
        return partner.findAll(postRequestedFor(urlEqualTo(subscriber.path())));
    }

    private List<String> webhookIds(Partner subscriber) {
        return webhooks(subscriber).stream().map(r -> r.getHeader("webhook-id")).toList();
    }

    private List<LoggedRequest> awaitWebhooks(Partner subscriber, int count) {
        return await().atMost(PATIENCE).until(() -> webhooks(subscriber), list -> list.size() >= count);
    }

    private JsonNode awaitDelivery(Partner subscriber, UUID eventId, String status) {
        return await().atMost(PATIENCE).until(() -> deliveryOf(subscriber, eventId),
                d -> d.get("status").asString().equals(status));
    }

    /** Waits until the delivery's attempts are recorded, not only received, so the clock moves on from their end. */
    private JsonNode awaitAttempts(Partner subscriber, UUID eventId, int attempts) {
        return await().atMost(PATIENCE).until(() -> deliveryOf(subscriber, eventId),
                d -> d.get("attempts").asInt() == attempts);
    }

    private JsonNode deliveryOf(Partner subscriber, UUID eventId) {
        JsonNode page = body(get(subscriber.clinic(), deliveriesOf(subscriber) + "?limit=200"));
        return page.get("deliveries").valueStream().filter(d -> d.get("eventId").asString().equals(eventId.toString()))
                .findFirst().orElseThrow();
    }

    private static String host() {
        return URI.create(partner.baseUrl()).getHost();
    }

    /** The notices about this subscription received at {@code address}. */
    private static List<MimeMessage> notices(String address, Partner subscriber) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipients(m).contains(address) && text(m).contains(subscriber.id())).toList();
    }

    private static List<MimeMessage> awaitNotices(String address, Partner subscriber, int count) {
        return await().atMost(PATIENCE).until(() -> notices(address, subscriber), list -> list.size() >= count);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString().replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    private JsonNode subscription(Partner subscriber) {
        return body(get(subscriber.clinic(), "/api/partner/subscriptions/" + subscriber.id()));
    }

    private static String deliveriesOf(Partner subscriber) {
        return "/api/partner/subscriptions/" + subscriber.id() + "/deliveries";
    }

    /**
     * Whether the webhook's signature header holds the reference library's signature of {@code id.timestamp.body}
     * under the secret: the signature check of a receiver whose clock is the test clock (the library's own
     * {@code verify} also checks the timestamp against the machine's clock; see the tests that sign at machine time).
     */
    private static boolean verifies(String secret, LoggedRequest webhook, String body) {
        String expected = librarySignature(secret, webhook.getHeader("webhook-id"),
                webhook.getHeader("webhook-timestamp"), body);
        return Arrays.asList(webhook.getHeader("webhook-signature").split(" ")).contains(expected);
    }

    private static String librarySignature(String secret, LoggedRequest webhook) {
        return librarySignature(secret, webhook.getHeader("webhook-id"), webhook.getHeader("webhook-timestamp"),
                webhook.getBodyAsString());
    }

    private static String librarySignature(String secret, String id, String timestamp, String body) {
        try {
            return receiver(secret).sign(id, Long.parseLong(timestamp), body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A partner's receiver of Standard Webhooks, as the reference library makes one. */
    private static Webhook receiver(String secret) {
        try {
            return new Webhook(secret);
        } catch (EmptyWebhookSecretException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The webhook's Standard Webhooks headers as received, one of them replaced when {@code replaced} is given. */
    private static Map<String, List<String>> headers(LoggedRequest webhook, String... replaced) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(name, List.of(webhook.getHeader(name)));
        }
        if (replaced.length == 2) {
            headers.put(replaced[0], List.of(replaced[1]));
        }
        return headers;
    }

    private MvcTestResult postAs(String clinic, String path, String body) {
        return mvc.post().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.partner(clinic).bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private MvcTestResult redeliver(Partner subscriber, String deliveryId, String idempotencyKey) {
        var request = mvc.post().uri(deliveriesOf(subscriber) + "/" + deliveryId + "/redeliver")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.partner(subscriber.clinic()).bearer());
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    private MvcTestResult get(String clinic, String path) {
        return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.partner(clinic).bearer()).exchange();
    }

    private JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
