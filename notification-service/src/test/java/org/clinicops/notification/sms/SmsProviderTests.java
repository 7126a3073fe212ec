package org.clinicops.notification.sms;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.clinicops.notification.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMS provider's API played by WireMock: what a text looks like on the wire, which answers are tried again, and
 * the circuit that stops calling a provider that is down until it is back. The retry and breaker numbers are the test
 * profile's.
 */
class SmsProviderTests {

    private static final String NUMBER = "+15035550142";
    private static final WireMockServer provider = new WireMockServer(
            options().dynamicPort().bindAddress("127.0.0.1").http2PlainDisabled(true));

    private SmsProvider sms;

    /**
     * The first text of a cold JVM is slow (the HTTP client's and WireMock's start-up) on a busy machine: sent once
     * with all the time it needs, so the timeouts below are about the provider's answer only.
     */
    @BeforeAll
    static void startAndWarmUpProvider() {
        provider.start();
        provider.stubFor(post("/messages").willReturn(aResponse().withStatus(201)));
        client(Duration.ofSeconds(30)).send(NUMBER, "warm-up", UUID.randomUUID());
    }

    @AfterAll
    static void stopProvider() {
        provider.stop();
    }

    @BeforeEach
    void freshProviderAndClient() {
        provider.resetAll();
        sms = client(Duration.ofSeconds(1));
    }

    private static SmsProvider client(Duration timeout) {
        return new SmsProvider(RestClient.builder(), TestSettings.notification(Map.of(
                "notification.sms.base-url", provider.baseUrl(),
                "notification.sms.api-token", "test-token",
                "notification.sms.timeout", timeout.toMillis() + "ms")),
                RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(50)
                        .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofSeconds(1)).build()),
                RetryRegistry.of(RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(50)).build()),
                CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().slidingWindowSize(4).minimumNumberOfCalls(4)
                        .failureRateThreshold(50).waitDurationInOpenState(Duration.ofMillis(500))
                        .permittedNumberOfCallsInHalfOpenState(1).build()));
    }

    @Test
    void aTextIsPostedAsJsonWithTheBearerTokenAndTheNotificationAsIdempotencyKey() {
        provider.stubFor(post("/messages").willReturn(aResponse().withStatus(202)));
        UUID notification = UUID.randomUUID();

        sms.send(NUMBER, "Clinic: Dana, your appointments are booked.", notification);

        provider.verify(1, postRequestedFor(urlEqualTo("/messages"))
                .withHeader("Authorization", equalTo("Bearer test-token"))
                .withHeader("Idempotency-Key", equalTo(notification.toString()))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        { "to": "+15035550142", "body": "Clinic: Dana, your appointments are booked." }
                        """)));
    }

    @Test
    void aProviderFailingOnceIsTriedAgainAndTheTextGoes() {
        provider.stubFor(post("/messages").inScenario("recovering").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
        provider.stubFor(post("/messages").inScenario("recovering").whenScenarioStateIs("back")
                .willReturn(aResponse().withStatus(201)));

        assertThatCode(() -> sms.send(NUMBER, "text", UUID.randomUUID())).doesNotThrowAnyException();
        provider.verify(2, postRequestedFor(urlEqualTo("/messages")));
    }

    @Test
    void aProviderThatKeepsFailingLeavesTheTextForLaterWithoutNumberOrText() {
        provider.stubFor(post("/messages").willReturn(aResponse().withStatus(500)
                .withBody("cannot deliver to +15035550142")));

        assertThatThrownBy(() -> sms.send(NUMBER, "secret words", UUID.randomUUID()))
                .isInstanceOf(SmsUnavailableException.class)
                .hasMessage("sms-provider answered 500");
        provider.verify(2, postRequestedFor(urlEqualTo("/messages")));
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeLeavesTheTextForLater() {
        provider.stubFor(post("/messages").willReturn(aResponse().withStatus(201).withFixedDelay(3_000)));

        assertThatThrownBy(() -> sms.send(NUMBER, "text", UUID.randomUUID()))
                .isInstanceOf(SmsUnavailableException.class)
                .hasMessageStartingWith("sms-provider unreachable");
    }

    @Test
    void aProviderLimitingUsIsAskedAgainLater() {
        provider.stubFor(post("/messages").willReturn(aResponse().withStatus(429).withBody("slow down")));

        assertThatThrownBy(() -> sms.send(NUMBER, "text", UUID.randomUUID()))
                .isInstanceOf(SmsUnavailableException.class)
                .hasMessage("sms-provider answered 429");
    }

    @Test
    void aRefusedTextIsNotTriedAgain() {
        provider.stubFor(post("/messages").willReturn(aResponse().withStatus(422)));

        assertThatThrownBy(() -> sms.send(NUMBER, "text", UUID.randomUUID()))
                .isInstanceOf(SmsRejectedException.class)
                .hasMessage("sms-provider refused the text with 422");
        provider.verify(1, postRequestedFor(urlEqualTo("/messages")));
    }

    @Test
    void aProviderThatIsDownOpensTheCircuitSoTextsWaitWithoutCallingItUntilItIsBack() {
        provider.stubFor(post("/messages").willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> sms.send(NUMBER, "text", UUID.randomUUID()))
                    .isInstanceOf(SmsUnavailableException.class);
        }
        int calledWhileClosed = provider.getAllServeEvents().size();

        assertThatThrownBy(() -> sms.send(NUMBER, "text", UUID.randomUUID()))
                .isInstanceOf(SmsUnavailableException.class)
                .hasMessage("sms-provider circuit breaker is open after repeated failures");
        assertThat(provider.getAllServeEvents()).hasSize(calledWhileClosed);

        provider.stubFor(post("/messages").willReturn(aResponse().withStatus(201)));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> sms.send(NUMBER, "text", UUID.randomUUID()));
    }

    @Test
    void onlyInternationalNumbersAreTexted() {
        assertThat(SmsProvider.isUsableNumber("+15035550142")).isTrue();
        assertThat(SmsProvider.isUsableNumber("5035550142")).isFalse();
        assertThat(SmsProvider.isUsableNumber("+1 503 555 0142")).isFalse();
        assertThat(SmsProvider.isUsableNumber(null)).isFalse();
    }
}
