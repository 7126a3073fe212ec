package org.clinicops.notification.contact;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.notification.RunningIssuer;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.notification.TestSettings;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * notification-service asks intake-service for contact details only with its own access token from the clinic's
 * issuer (the real authorization-server of the shared infrastructure): {@code roles ["NOTIFICATION_SERVICE"]}, one
 * token for every call while it lasts, and a new one, once, after intake-service refused the old one. The real
 * intake-service shows what it was called with; the refusal is played by WireMock, since intake-service of this build
 * answers its internal API to any caller.
 */
class IntakeServiceTokenTests extends StreamTestSupport {

    static final String BEARER = "Bearer ";
    static final String CONTACT = "/internal/patients/[0-9a-f-]+/contact";

    static final WireMockServer intakePlayedByWireMock = new WireMockServer(
            options().dynamicPort().bindAddress("127.0.0.1").http2PlainDisabled(true));

    @Autowired
    PatientContacts contacts;
    @Autowired
    RunningIssuer issuer;
    @Autowired
    OAuth2AuthorizedClientService authorizedClients;
    @Autowired
    OAuth2ClientHttpRequestInterceptor intakeServiceToken;
    @Autowired
    RestClient.Builder restClients;

    @BeforeAll
    static void startWireMock() {
        intakePlayedByWireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        intakePlayedByWireMock.stop();
    }

    /** No token of an earlier class: each test's calls go with one fetched now, which lives 5 minutes. */
    @BeforeEach
    void noCachedToken() {
        authorizedClients.removeAuthorizedClient(IntakeServiceTokenConfiguration.REGISTRATION_ID,
                IntakeServiceTokenConfiguration.PRINCIPAL);
        intakePlayedByWireMock.resetAll();
    }

    @Test
    void aBookingConfirmationsContactLookupCarriesTheIssuersNotificationServiceToken() {
        String address = newAddress("dana");
        UUID patient = intake.registerPatient("Dana", address, true);
        int earlierCalls = intake.internalCallAuthorizations().size();
        TreatmentPlanBooked booked = planBooked(patient);

        send(booked);

        awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");
        List<String> calls = callsSince(earlierCalls);
        assertThat(calls).isNotEmpty().allSatisfy(authorization -> assertThat(authorization).startsWith(BEARER));
        Jwt token = issuer.verify(calls.getFirst().substring(BEARER.length()));
        assertThat(token.getIssuer()).hasToString(TestTokens.ISSUER);
        assertThat(token.getSubject()).isEqualTo(RunningIssuer.CLIENT_ID);
        assertThat(token.getAudience()).containsExactly(TestTokens.AUDIENCE);
        assertThat(token.getClaimAsStringList("roles")).containsExactly("NOTIFICATION_SERVICE");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void oneTokenServesEveryLookupWhileItLasts() {
        UUID patient = intake.registerPatient("Robin", newAddress("robin"), true);
        int earlierCalls = intake.internalCallAuthorizations().size();

        for (int i = 0; i < 5; i++) {
            assertThat(contacts.find(patient)).isPresent();
        }

        List<String> calls = callsSince(earlierCalls);
        assertThat(calls).hasSize(5).containsOnly(calls.getFirst());
        OAuth2AuthorizedClient cached = authorizedClients.loadAuthorizedClient(
                IntakeServiceTokenConfiguration.REGISTRATION_ID,
                IntakeServiceTokenConfiguration.PRINCIPAL);
        assertThat(BEARER + cached.getAccessToken().getTokenValue()).isEqualTo(calls.getFirst());
    }

    @Test
    void aTokenIntakeServiceRefusesIsDroppedAndTheLookupMadeOnceMoreWithANewOne() {
        UUID patient = UUID.randomUUID();
        intakePlayedByWireMock.stubFor(get(urlPathMatching(CONTACT)).inScenario("refused once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401)
                        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                .willSetStateTo("accepted"));
        intakePlayedByWireMock.stubFor(get(urlPathMatching(CONTACT)).inScenario("refused once")
                .whenScenarioStateIs("accepted")
                .willReturn(okJson(contactOf(patient))));
        PatientContacts contactsAtWireMock = contactsAt(intakePlayedByWireMock);

        assertThat(contactsAtWireMock.find(patient)).hasValueSatisfying(
                contact -> assertThat(contact.firstName()).isEqualTo("Noor"));
        assertThat(contactsAtWireMock.find(patient)).isPresent();

        List<String> calls = wireMockCalls();
        // the refused token, the one fetched in its place, and that one again for the next lookup
        assertThat(calls).hasSize(3);
        assertThat(calls.get(1)).isNotEqualTo(calls.get(0)).isEqualTo(calls.get(2));
        assertThat(calls).allSatisfy(authorization -> assertThat(
                issuer.verify(authorization.substring(BEARER.length())).getClaimAsStringList("roles"))
                .containsExactly("NOTIFICATION_SERVICE"));
    }

    @Test
    void aLookupRefusedWithTheNewTokenTooIsNotMadeAThirdTime() {
        intakePlayedByWireMock.stubFor(get(urlPathMatching(CONTACT)).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> contactsAt(intakePlayedByWireMock).find(UUID.randomUUID()))
                .isInstanceOf(ContactUnavailableException.class)
                .hasMessage("intake-service answered 401");

        List<String> calls = wireMockCalls();
        assertThat(calls).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void withASecretTheIssuerRefusesTheContactIsUnavailableAndIntakeServiceNeverCalled() {
        ClientRegistrationRepository registrations = registrationWithSecret("not-the-secret");
        OAuth2ClientHttpRequestInterceptor refusedToken = new IntakeServiceTokenConfiguration().intakeServiceToken(
                registrations, new InMemoryOAuth2AuthorizedClientService(registrations),
                TestSettings.notification(Map.of()));

        assertThatThrownBy(() -> contactsAt(intakePlayedByWireMock, refusedToken).find(UUID.randomUUID()))
                .isInstanceOf(ContactUnavailableException.class)
                .hasMessage("no token from the clinic's issuer for intake-service: it answered 401");

        assertThat(wireMockCalls()).isEmpty();
    }

    @Test
    void withoutAClientSecretTheServiceRefusesToStart() {
        ClientRegistrationRepository registrations = registrationWithSecret("");

        assertThatThrownBy(() -> new IntakeServiceTokenConfiguration().intakeServiceToken(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations), TestSettings.notification(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("notification.auth.client-secret (NOTIFICATION_AUTH_CLIENT_SECRET)");
    }

    /** notification-service's registration as Spring Boot makes it from the settings, with this secret. */
    private ClientRegistrationRepository registrationWithSecret(String secret) {
        return new InMemoryClientRegistrationRepository(ClientRegistration
                .withRegistrationId(IntakeServiceTokenConfiguration.REGISTRATION_ID)
                .clientId(RunningIssuer.CLIENT_ID)
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(issuer.tokenUri())
                .build());
    }

    private List<String> callsSince(int earlierCalls) {
        List<String> all = intake.internalCallAuthorizations();
        return all.subList(earlierCalls, all.size());
    }

    private static List<String> wireMockCalls() {
        return intakePlayedByWireMock.findAll(getRequestedFor(urlPathMatching(CONTACT))).stream()
                .map(request -> request.getHeader("Authorization")).toList();
    }

    /** The service's own lookup, token and all, pointed at another intake-service, with circuits of its own. */
    private PatientContacts contactsAt(WireMockServer intakeService) {
        return contactsAt(intakeService, intakeServiceToken);
    }

    private PatientContacts contactsAt(WireMockServer intakeService, OAuth2ClientHttpRequestInterceptor token) {
        return new PatientContacts(restClients,
                TestSettings.notification(Map.of("notification.intake-uri", intakeService.baseUrl())),
                RetryRegistry.ofDefaults(), CircuitBreakerRegistry.ofDefaults(), token);
    }

    private static String contactOf(UUID patient) {
        return """
                { "patientId": "%s", "firstName": "Noor", "email": "noor@example.org", "phone": null,
                  "contactConsent": { "email": true, "sms": false }, "referral": { "source": "SELF" } }
                """.formatted(patient);
    }
}
