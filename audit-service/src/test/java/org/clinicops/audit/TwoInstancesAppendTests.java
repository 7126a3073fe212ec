package org.clinicops.audit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.clinicops.audit.verification.ChainVerifier;
import org.clinicops.audit.verification.Verification;
import org.clinicops.events.AuditRecorded;
import org.clinicops.events.Topics;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.ReliedOnMetrics;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two audit-service instances on one database and one consumer group, as ops run it, each started as the one-JVM
 * launcher starts it (its own {@code audit-service.yml}, command-line properties only): they share the partitions of
 * {@code clinic.audit} and append side by side, and the chain stays one, gapless and linked, each record in it once.
 */
class TwoInstancesAppendTests {

    static final int RECORDS = 120;

    static EmbeddedKafkaKraftBroker kafka;
    static JdbcClient jdbc;
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        kafka = new EmbeddedKafkaKraftBroker(1, 4, Topics.AUDIT, Topics.AUDIT_HEADS);
        kafka.afterPropertiesSet();
        String database = TestPostgres.newDatabase("audit_two_instances").replaceFirst("\\?user=.*$", "");
        TestPostgres.loginRole("audit_app", "audit-app");
        jdbc = JdbcClient.create(new DriverManagerDataSource(database, TestPostgres.SUPERUSER, ""));
        for (int i = 0; i < 2; i++) {
            instances.add(AuditServiceApplication.application().run(
                    "--server.port=0",
                    "--spring.datasource.url=" + database,
                    "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwkSetUri(),
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                    "--clinic.clock.start=" + TestClock.at("2026-11-25T17:00:00Z"),
                    "--clinic.clock.started-at=",
                    "--clinic.outbox.relay-interval=50ms",
                    "--spring.main.banner-mode=off"));
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        kafka.destroy();
    }

    @Test
    void twoInstancesAppendSideBySideToOneIntactChain() {
        await().atMost(Duration.ofSeconds(60)).until(TwoInstancesAppendTests::bothInstancesHavePartitions);
        List<AuditRecorded> sent = new ArrayList<>();
        try (CloudEventProducer producer = new CloudEventProducer(kafka.getBrokersAsString())) {
            for (int i = 0; i < RECORDS; i++) {
                AuditRecorded record = Trail.read("demo-nurse", UUID.randomUUID());
                sent.add(record);
                producer.send(record, record.auditId());
                if (i % 10 == 0) {
                    // a redelivery
                    producer.send(record, record.auditId());
                }
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from audit_record") >= RECORDS);
        assertThat(count("select count(*) from audit_record")).isEqualTo(RECORDS);
        assertThat(count("select count(distinct audit_id) from audit_record")).isEqualTo(RECORDS);
        assertThat(count("select max(seq) from audit_record")).isEqualTo(RECORDS);
        for (ConfigurableApplicationContext instance : instances) {
            Verification verification = instance.getBean(ChainVerifier.class).verify();
            assertThat(verification.intact()).as(verification.toString()).isTrue();
            assertThat(verification.chains().getFirst().records()).isEqualTo(RECORDS);
        }
        assertThat(count("select count(*) from audit_record where audit_id in ("
                + String.join(",", sent.stream().map(r -> "'" + r.auditId() + "'").toList()) + ")"))
                .isEqualTo(RECORDS);
    }

    @Test
    void eachInstanceIsReadyAndExposesWhatTheDashboardAndTheAlertsRead() {
        for (ConfigurableApplicationContext instance : instances) {
            String base = "http://localhost:" + instance.getEnvironment().getRequiredProperty("local.server.port");
            assertThat(instance.getEnvironment().getProperty("spring.application.name")).isEqualTo("audit-service");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(get(base + "/actuator/health/readiness")).contains("\"status\":\"UP\""));
            ReliedOnMetrics.assertExposed("audit-service", () -> get(base + "/actuator/prometheus"));
        }
    }

    private static String get(String uri) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            // the metrics answer ops alone
            return http.send(HttpRequest.newBuilder(URI.create(uri))
                            .header("Authorization", TestTokens.ops().bearer()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean bothInstancesHavePartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            String group = AuditServiceApplication.NAME;
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return description.members().size() == 2 && description.members().stream()
                    .allMatch(m -> m.assignment().topicPartitions().stream()
                            .anyMatch(tp -> tp.topic().equals(Topics.AUDIT)));
        } catch (Exception e) {
            return false;
        }
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
