package org.clinicops.notification;

import org.clinicops.authorization.AuthorizationServerApplication;
import org.clinicops.support.testing.TestTokens;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real authorization-server, running in the test JVM in local mode on a port of its own: the clinic's issuer
 * ({@code iss} {@value TestTokens#ISSUER}, as clinic-local's) with its {@code notification-service} client, whose
 * tokens notification-service calls intake-service with, and the JWK set intake-service checks them against. Its
 * token times are the real clock's, as clinic-local's issuer's are: the test clock never reaches it.
 */
public final class RunningIssuer implements AutoCloseable {

    public static final String CLIENT_ID = "notification-service";
    /** The local profile's secret of that client. */
    public static final String CLIENT_SECRET = "notification-service-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The issuer needs none of the services' database, Kafka, functions, templates or mail on this classpath. */
    private static final List<String> NOT_THE_ISSUERS = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingServiceConfiguration",
            "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration",
            "org.springframework.cloud.stream.config.ChannelsEndpointAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingsEndpointAutoConfiguration",
            "org.springframework.cloud.stream.function.FunctionConfiguration",
            "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration",
            "org.springframework.boot.mustache.autoconfigure.MustacheAutoConfiguration",
            "org.clinicops.support.ClinicSupportAutoConfiguration");

    private final ConfigurableApplicationContext context;
    private final NimbusJwtDecoder decoder;

    /**
     * Starts the issuer, on a thread of its own: on the thread that starts a test's service, Spring Boot's test support
     * would take any other application started there for that service.
     */
    public RunningIssuer() {
        try (ExecutorService ownThread = Executors.newSingleThreadExecutor()) {
            context = CompletableFuture.supplyAsync(() -> AuthorizationServerApplication.builder().profiles("local")
                    .run("--server.port=0",
                            "--spring.security.oauth2.authorizationserver.issuer=" + TestTokens.ISSUER,
                            "--spring.autoconfigure.exclude=" + String.join(",", NOT_THE_ISSUERS),
                            "--spring.main.banner-mode=off"), ownThread).join();
        }
        decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestTokens.ISSUER));
        // the issuer's first token takes seconds (its signing and HTTP code warming up), longer than the service's
        // read timeout, and a test whose clock stands still would never retry what failed then
        token(CLIENT_ID, CLIENT_SECRET);
    }

    /** A client-credentials token of one of the issuer's clients (the local profile's demo clients among them). */
    public String token(String clientId, String secret) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The issuer answered " + answer.statusCode() + " to "
                        + clientId + "'s token request");
            }
            return JSON.readTree(answer.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException("The issuer did not answer a token request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private String uri() {
        return "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    /** Where notification-service gets its token ({@code notification.auth.token-uri}). */
    public String tokenUri() {
        return uri() + "/oauth2/token";
    }

    /** Where a service checks the issuer's tokens ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}). */
    public String jwkSetUri() {
        return uri() + "/oauth2/jwks";
    }

    /**
     * The token as a service checks it: signed by a key of the issuer's JWK set, of its {@code iss}, and valid now
     * (real time).
     *
     * @throws org.springframework.security.oauth2.jwt.JwtException for any other token
     */
    public Jwt verify(String token) {
        return decoder.decode(token);
    }

    @Override
    public void close() {
        context.close();
    }
}
