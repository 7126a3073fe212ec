package org.clinicops.notification.sms;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Patients texted on consent (CLINICAL section 8), with the SMS provider played by the shared service's WireMock
 * ({@link org.clinicops.notification.SharedInfrastructure}), reset before every test: a text beside the
 * e-mail, quiet hours that hold a text until 08:00 clinic time but never the crisis-line message (section 5), a
 * provider outage that loses nothing, and a failed text that staff retry.
 */
class SmsStreamTests extends StreamTestSupport {

    private static final AtomicInteger numbers = new AtomicInteger(1000);

    @Autowired
    WireMockServer provider;

    @BeforeEach
    void providerTakesEveryText() {
        provider.resetAll();
        provider.stubFor(post("/messages").atPriority(10).willReturn(aResponse().withStatus(202)));
    }

    @Test
    void aPatientWhoConsentedToBothIsEmailedAndTextedTheConfirmation() {
        String address = newAddress("both");
        String phone = newPhone();
        UUID patient = intake.registerTextedPatient("Dana", address, true, phone);

        send(planBooked(patient));

        awaitOn(patient, "BOOKING_CONFIRMATION", "EMAIL", "SENT");
        awaitOn(patient, "BOOKING_CONFIRMATION", "SMS", "SENT");
        assertThat(confirmationsTo(address)).hasSize(1);
        assertThat(textsTo(phone)).singleElement().satisfies(text -> assertThat(text.getBodyAsString())
                .contains("Clinic: Dana, your appointments are booked")
                .contains(spelledDay("2026-11-26"))
                .contains("988")
                .doesNotContainIgnoringCase("ketamine"));
    }

    @Test
    void aPatientWhoConsentedToTextsOnlyIsTextedAndNotEmailed() {
        String address = newAddress("texts-only");
        String phone = newPhone();
        UUID patient = intake.registerTextedPatient("Kai", address, false, phone);

        send(planBooked(patient));

        awaitOn(patient, "BOOKING_CONFIRMATION", "SMS", "SENT");
        JsonNode email = awaitOn(patient, "BOOKING_CONFIRMATION", "EMAIL", "SKIPPED_NO_CONSENT");
        assertThat(email.get("lastError").asString()).isEqualTo("the patient has not consented to e-mail");
        assertThat(textsTo(phone)).hasSize(1);
        assertThat(mailTo(address)).isEmpty();
    }

    @Test
    void aTextDueAtHalfPastTenAtNightIsHeldUntilEightAndSentOnceTheClockPassesIt() {
        clock.set(TestClock.at("2026-11-25T22:30:00", CLINIC_ZONE));
        String address = newAddress("late");
        String phone = newPhone();
        UUID patient = intake.registerTextedPatient("Dana", address, true, phone);

        send(planBooked(patient));

        JsonNode held = awaitOn(patient, "BOOKING_CONFIRMATION", "SMS", "HELD");
        assertThat(held.get("heldUntil").asString())
                .isEqualTo(TestClock.at("2026-11-26T08:00:00", CLINIC_ZONE).toString());
        awaitOn(patient, "BOOKING_CONFIRMATION", "EMAIL", "SENT");
        assertThat(textsTo(phone)).isEmpty();

        clock.set(TestClock.at("2026-11-26T07:59:00", CLINIC_ZONE));
        assertThat(on(patient, "BOOKING_CONFIRMATION", "SMS").orElseThrow().get("status").asString())
                .isEqualTo("HELD");
        clock.set(TestClock.at("2026-11-26T08:00:01", CLINIC_ZONE));

        JsonNode sent = awaitOn(patient, "BOOKING_CONFIRMATION", "SMS", "SENT");
        assertThat(sent.get("heldUntil").isNull()).isTrue();
        assertThat(textsTo(phone)).hasSize(1);
    }

    @Test
    void theCrisisLineMessageIsTextedAtOnceInQuietHours() {
        clock.set(TestClock.at("2026-11-25T23:15:00", CLINIC_ZONE));
        String phone = newPhone();
        UUID patient = intake.registerTextedPatient("Sam", newAddress("crisis"), true, phone);

        send(screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION));

        awaitOn(patient, "CRISIS_LINE_MESSAGE", "SMS", "SENT");
        assertThat(textsTo(phone)).singleElement().satisfies(text -> assertThat(text.getBodyAsString())
                .contains("988").doesNotContain("PHQ").doesNotContain("CSSRS"));
        assertThat(on(patient, "CALL_PATIENT_TASK", "EMAIL")).isEmpty();
    }

    @Test
    void aProviderOutageLeavesTextsPendingWithTheCircuitOpenAndAllAreSentAfterRecovery() {
        String first = newPhone();
        String second = newPhone();
        UUID dana = intake.registerTextedPatient("Dana", newAddress("outage"), true, first);
        UUID kai = intake.registerTextedPatient("Kai", newAddress("outage"), true, second);
        StubMapping outage = provider.stubFor(post("/messages").atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        send(planBooked(dana));
        send(planBooked(kai));

        awaitRetrying(() -> List.of(on(dana, "BOOKING_CONFIRMATION", "SMS"), on(kai, "BOOKING_CONFIRMATION", "SMS")),
                texts -> texts.stream().allMatch(t -> t.isPresent() && t.get().get("attempts").asInt() >= 2)
                        && texts.stream().anyMatch(t -> t.get().get("lastError").asString()
                        .equals("sms-provider circuit breaker is open after repeated failures")));
        for (UUID patient : List.of(dana, kai)) {
            assertThat(on(patient, "BOOKING_CONFIRMATION", "SMS").orElseThrow().get("status").asString())
                    .isEqualTo("PENDING");
            assertThat(on(patient, "BOOKING_CONFIRMATION", "EMAIL").orElseThrow().get("status").asString())
                    .isEqualTo("SENT");
        }

        provider.removeStub(outage);

        awaitRetrying(() -> List.of(on(dana, "BOOKING_CONFIRMATION", "SMS"), on(kai, "BOOKING_CONFIRMATION", "SMS")),
                texts -> texts.stream().allMatch(t -> t.orElseThrow().get("status").asString().equals("SENT")));
        assertThat(provider.findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(first)))).size())
                .isGreaterThanOrEqualTo(2);
        assertThat(textsTo(first)).hasSize(1);
        assertThat(textsTo(second)).hasSize(1);
    }

    @Test
    void aTextTheProviderRefusedFailsAndStaffRetryItOnceTheCauseIsPutRight() {
        String phone = newPhone();
        UUID patient = intake.registerTextedPatient("Dana", newAddress("refused"), true, phone);
        StubMapping refusal = provider.stubFor(post("/messages").atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .willReturn(aResponse().withStatus(422)));

        send(planBooked(patient));

        JsonNode failed = awaitOn(patient, "BOOKING_CONFIRMATION", "SMS", "FAILED");
        assertThat(failed.get("lastError").asString()).isEqualTo("sms-provider refused the text with 422");
        provider.removeStub(refusal);

        MvcTestResult retried = mvc.post()
                .uri("/api/notifications/{notificationId}/retry", failed.get("notificationId").asString())
                .exchange();

        assertThat(retried).hasStatusOk();
        assertThat(json.readTree(retried.getResponse().getContentAsByteArray()).get("status").asString())
                .isEqualTo("PENDING");
        awaitOn(patient, "BOOKING_CONFIRMATION", "SMS", "SENT");
        assertThat(textsTo(phone)).hasSize(1);

        MvcTestResult again = mvc.post()
                .uri("/api/notifications/{notificationId}/retry", failed.get("notificationId").asString())
                .exchange();
        assertThat(again).hasStatus(409);
        JsonNode problem = json.readTree(again.getResponse().getContentAsByteArray());
        assertThat(problem.get("code").asString()).isEqualTo("NOTIFICATION_NOT_FAILED");
        assertThat(problem.get("status").asString()).isEqualTo("SENT");
    }

    @Test
    void retryingANotificationThatDoesNotExistIsNotFound() {
        assertThat(mvc.post().uri("/api/notifications/{notificationId}/retry", UUID.randomUUID()).exchange())
                .hasStatus(404);
        assertThat(mvc.post().uri("/api/notifications/{notificationId}/retry", "not-an-id").exchange())
                .hasStatus(400);
    }

    private static String newPhone() {
        return "+1503555" + numbers.getAndIncrement();
    }

    /**
     * The texts the provider took for this number, one per {@code Idempotency-Key}: delivery is at least once, and a
     * try that timed out on a busy machine may have reached the provider, which sends a key's text once.
     */
    private List<LoggedRequest> textsTo(String phone) {
        Set<String> keys = new HashSet<>();
        return provider.getAllServeEvents().stream()
                .filter(e -> e.getResponse().getStatus() == 202)
                .map(e -> e.getRequest())
                .filter(r -> r.getBodyAsString().contains("\"" + phone + "\""))
                .filter(r -> keys.add(r.getHeader("Idempotency-Key")))
                .toList();
    }

    private Optional<JsonNode> on(UUID patient, String kind, String channel) {
        return notificationsOf(patient).valueStream()
                .filter(n -> n.get("kind").asString().equals(kind) && n.get("channel").asString().equals(channel))
                .findFirst();
    }

    private JsonNode awaitOn(UUID patient, String kind, String channel, String status) {
        return await().atMost(PATIENCE).until(() -> on(patient, kind, channel),
                n -> n.isPresent() && n.get().get("status").asString().equals(status)).orElseThrow();
    }
}
