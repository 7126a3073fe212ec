package org.clinicops.intake;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.ReliedOnMetrics;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as the one-JVM launcher starts it: {@link IntakeServiceApplication#application()} with command-line
 * properties only, reading its own {@code intake-service.yml}.
 */
class IntakeServiceApplicationTests {

    static EmbeddedKafkaBroker kafka;
    static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.SCREENINGS);
        kafka.afterPropertiesSet();
        service = IntakeServiceApplication.application().run(
                "--server.port=0",
                "--spring.datasource.url=" + TestPostgres.newDatabase("intake_app"),
                "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                // started by hand, outside a Spring test context: the demo clock at the suite's reference time
                "--clinic.clock.start=" + TestClock.at(Examples.NOW));
    }

    @AfterAll
    static void stop() {
        service.close();
        kafka.destroy();
    }

    @Test
    void startsWithItsOwnConfigAndReportsHealthy() {
        IntakeHttp http = new IntakeHttp(Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")));

        assertThat(service.getEnvironment().getProperty("spring.application.name")).isEqualTo("intake-service");
        assertThat(service.getEnvironment().getProperty("intake.clinic-zone")).isEqualTo("America/Los_Angeles");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            IntakeHttp.Reply health = http.get("/actuator/health");
            assertThat(health.status()).as(health.toString()).isEqualTo(200);
            assertThat(health.text("status")).isEqualTo("UP");
        });
        assertThat(http.get("/actuator/health/readiness").text("status")).isEqualTo("UP");
        assertThat(http.get("/actuator/prometheus", "Authorization", TestTokens.ops().bearer()).status())
                .isEqualTo(200);
        assertThat(http.post("/api/patients", Examples.PATIENT).status()).isEqualTo(201);
    }

    @Test
    void exposesEveryMetricTheDashboardAndTheAlertRulesRead() {
        IntakeHttp http = new IntakeHttp(
                Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")));

        ReliedOnMetrics.assertExposed("intake-service",
                () -> http.get("/actuator/prometheus", "Authorization", TestTokens.ops().bearer()).body());
    }
}
