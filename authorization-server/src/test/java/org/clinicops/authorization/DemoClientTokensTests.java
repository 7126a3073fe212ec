package org.clinicops.authorization;

import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicops.authorization.TokenRequests.accessToken;
import static org.clinicops.authorization.TokenRequests.json;
import static org.clinicops.authorization.TokenRequests.rawBody;
import static org.clinicops.authorization.TokenRequests.requestToken;

/**
 * The issuer in local mode, started on a random port and asked over real HTTP as the services' clients will ask it:
 * each demo client's token carries exactly the claims of the access contract, verified against the published JWK set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.WHEN_AVAILABLE)
@ActiveProfiles("local")
class DemoClientTokensTests {

    private static final String ISSUER = "http://localhost:9000";
    /** The services' allowed clock skew. */
    private static final Duration SKEW = Duration.ofSeconds(10);
    private static final Instant ISSUED_AT = TestClock.at("2026-11-25T17:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    @BeforeEach
    void issueAtTheReferenceTime() {
        clock.set(ISSUED_AT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            demo-coordinator,     INTAKE_COORDINATOR,   -,                    900
            demo-nurse,           NURSE,                -,                    900
            demo-clinician,       CLINICIAN,            -,                    900
            demo-prescriber,      PRESCRIBER,           -,                    900
            demo-admin,           CLINIC_ADMIN,         -,                    900
            demo-ops,             OPS,                  -,                    900
            demo-partner-a,       PARTNER,              riverside-psychiatry, 300
            demo-partner-b,       PARTNER,              lakeside-counseling,  300
            notification-service, NOTIFICATION_SERVICE, -,                    300
            demo-expiring,        NURSE,                -,                    1
            """)
    void eachDemoClientGetsATokenWithExactlyTheContractsClaimsSignedByAPublishedKey(String clientId, String role,
                                                                                   String partnerClinicId,
                                                                                   long lifetimeSeconds) {
        HttpResponse<String> response = requestToken(url(), clientId, clientId + "-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response.body());
        assertThat(answer.get("token_type").asString()).isEqualTo("Bearer");
        // Spring counts the seconds left at the moment it writes the answer, rounded down
        assertThat(answer.get("expires_in").asLong()).isBetween(lifetimeSeconds - 1, lifetimeSeconds);
        assertThat(answer.has("refresh_token")).as("client credentials get no refresh token").isFalse();

        Jwt token = verified(answer.get("access_token").asString());
        Set<String> expectedClaims = new HashSet<>(Set.of("iss", "sub", "aud", "roles", "client_id", "iat", "nbf",
                "exp", "jti"));
        if (partnerClinicId != null) {
            expectedClaims.add("partner_clinic_id");
        }
        assertThat(token.getClaims().keySet()).containsExactlyInAnyOrderElementsOf(expectedClaims);
        assertThat(token.getIssuer()).hasToString(ISSUER);
        assertThat(token.getSubject()).isEqualTo(clientId);
        assertThat(token.getClaimAsString("client_id")).isEqualTo(clientId);
        assertThat(token.getAudience()).containsExactly("clinic-ops");
        assertThat(token.getClaimAsStringList("roles")).containsExactly(role);
        assertThat(token.getClaimAsString("partner_clinic_id")).isEqualTo(partnerClinicId);
        assertThat(token.getId()).isNotBlank();
        assertThat(token.getIssuedAt()).isEqualTo(ISSUED_AT);
        assertThat(token.getNotBefore()).isEqualTo(ISSUED_AT);
        assertThat(token.getExpiresAt()).isEqualTo(ISSUED_AT.plusSeconds(lifetimeSeconds));
    }

    @Test
    void tokensAreRs256WithAKeyIdThatTheJwkSetPublishes() {
        String token = accessToken(url(), "demo-nurse", "demo-nurse-secret");

        Jwt jwt = verified(token);
        JsonNode keys = json(TokenRequests.get(url() + "/oauth2/jwks").body()).get("keys");
        List<String> publishedIds = new ArrayList<>();
        keys.forEach(key -> publishedIds.add(key.get("kid").asString()));
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(publishedIds).contains((String) jwt.getHeaders().get("kid"));
        keys.forEach(key -> assertThat(key.has("d")).as("the JWK set publishes no private key part").isFalse());
    }

    @Test
    void twoTokensOfOneClientHaveDifferentIds() {
        Jwt first = verified(accessToken(url(), "demo-ops", "demo-ops-secret"));
        Jwt second = verified(accessToken(url(), "demo-ops", "demo-ops-secret"));

        assertThat(first.getId()).isNotEqualTo(second.getId());
    }

    @Test
    void theWrongAudienceClientsTokenIsNotForClinicOps() {
        Jwt token = verified(accessToken(url(), "demo-wrong-audience", "demo-wrong-audience-secret"));

        assertThat(token.getAudience()).containsExactly("not-clinic-ops").doesNotContain("clinic-ops");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("NURSE");
    }

    @Test
    void theExpiringClientsTokenIsUnusableOnceOneSecondAndTheSkewHavePassed() {
        String token = accessToken(url(), "demo-expiring", "demo-expiring-secret");

        clock.advance(Duration.ofSeconds(1).plus(SKEW));
        assertThat(verified(token).getExpiresAt()).isEqualTo(ISSUED_AT.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> verified(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aWrongSecretGets401AndNoToken() {
        HttpResponse<String> response = requestToken(url(), "demo-nurse", "demo-clinician-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).get("error").asString()).isEqualTo("invalid_client");
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void anUnknownClientGets401() {
        HttpResponse<String> response = requestToken(url(), "demo-intruder", "demo-intruder-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void theIssuerIsTheConfiguredUrlWhateverHostTheRequestNames() {
        String forged = "Host: issuer.attacker.example\r\n"
                + "X-Forwarded-Host: issuer.attacker.example\r\nX-Forwarded-Proto: https\r\n"
                + "Forwarded: host=issuer.attacker.example;proto=https\r\nConnection: close\r\n";

        String tokenAnswer = rawBody(port, "POST /oauth2/token HTTP/1.0\r\n" + forged
                + "Authorization: " + TokenRequests.basic("demo-nurse", "demo-nurse-secret") + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n", "grant_type=client_credentials");
        String metadata = rawBody(port, "GET /.well-known/oauth-authorization-server HTTP/1.0\r\n" + forged, "");

        assertThat(verified(json(tokenAnswer).get("access_token").asString()).getIssuer()).hasToString(ISSUER);
        JsonNode server = json(metadata);
        assertThat(server.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(server.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(server.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
    }

    @Test
    void nothingButTheIssuersEndpointsAndHealthIsServed() {
        assertThat(TokenRequests.get(url() + "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(TokenRequests.get(url() + "/actuator/env").statusCode()).isIn(401, 403, 404);
        assertThat(TokenRequests.get(url() + "/login").statusCode()).isIn(401, 403, 404);
    }

    /** As a service will check it: signature against the JWK set, RS256, issuer, expiry with the services' skew. */
    private Jwt verified(String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(url() + "/oauth2/jwks").build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(SKEW);
        expiry.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(ISSUER), expiry));
        return decoder.decode(token);
    }

    private String url() {
        return "http://localhost:" + port;
    }
}
