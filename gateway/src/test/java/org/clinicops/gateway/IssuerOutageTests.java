package org.clinicops.gateway;

import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the issuer's keys cannot be fetched, a token cannot be checked: that is the clinic's outage, answered 503
 * with a retry hint and a problem body (every application's ClinicSecurity; here the gateway, which needs no
 * database), while a token that is not a JWT at all is still the caller's 401.
 */
class IssuerOutageTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void aTokenThatCannotBeCheckedForWantOfTheIssuersKeysIs503_aMalformedOneStays401() throws Exception {
        try (ConfigurableApplicationContext gateway = GatewayApplication.builder().run("--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + closedPort()
                        + "/oauth2/jwks")) {
            String uri = "http://localhost:" + gateway.getEnvironment().getRequiredProperty("local.server.port")
                    + "/api/patients/" + UUID.randomUUID();

            HttpResponse<String> outage = get(uri, TestTokens.careTeam().bearer());
            assertThat(outage.statusCode()).isEqualTo(503);
            assertThat(outage.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(outage.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(outage.body()).contains("sign-in service cannot be reached").doesNotContain("Exception");

            assertThat(get(uri, "Bearer not-a-jwt").statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> get(String uri, String authorization) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
