package org.clinicops.session;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox rides out a Kafka outage, so an outage must not take every instance out of traffic: with the broker
 * gone, readiness stays UP, since only the database counts. (With the binder in readiness, the check waits for the
 * broker and the probe times out.)
 */
class ReadinessWhileKafkaIsAwayTests {

    static EmbeddedKafkaKraftBroker kafka;
    static ConfigurableApplicationContext service;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.SCREENINGS, Topics.SESSIONS);
        kafka.afterPropertiesSet();
        service = SessionServiceApplication.application().run(
                "--server.port=0",
                "--spring.datasource.url=" + TestPostgres.newDatabase("session_readiness"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "--clinic.clock.start=" + TestClock.at("2026-11-25T17:00:00Z"),
                "--clinic.clock.started-at=",
                "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aKafkaOutageLeavesTheInstanceReady_theOutboxRidesItOut() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 200);

        kafka.destroy();

        // longer than the binder's health check takes to see the broker gone
        await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> readiness = readiness();
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
        });
    }

    private static HttpResponse<String> readiness() throws Exception {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
