package org.clinicops.gateway;

import org.clinicops.support.testing.TestTls;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In production the clinic's API answers over TLS only (docs/operations.md, "The production profile"): HTTPS with
 * HSTS, nothing in clear, and no start without a certificate. The issuer's keys are named by an https URL (not
 * fetched here: no request carries a token).
 */
class GatewayProductionProfileTests {

    private static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(TestTls.trustingIt()).build();

    @Test
    void theGatewayAnswersOverHttpsWithHsts_andRefusesRequestsInClear() throws Exception {
        try (ConfigurableApplicationContext gateway = start(TestTls.serverArguments())) {
            String port = gateway.getEnvironment().getRequiredProperty("local.server.port");

            HttpResponse<String> overTls = get("https://localhost:" + port + "/actuator/health/liveness");
            assertThat(overTls.statusCode()).isEqualTo(200);
            assertThat(overTls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                    hsts -> assertThat(hsts).contains("max-age="));
            assertThat(get("http://localhost:" + port + "/actuator/health/liveness").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void withoutItsCertificate_theGatewayRefusesToStart() {
        assertThatThrownBy(() -> start(List.of()).close()).rootCause().hasMessageContaining("clinic.tls.certificate");
    }

    private static ConfigurableApplicationContext start(List<String> tls) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.clinic.example",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://login.clinic.example/oauth2/jwks"));
        args.addAll(tls);
        return GatewayApplication.builder().profiles("prod").run(args.toArray(String[]::new));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
