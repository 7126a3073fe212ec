package org.clinicops.session;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import org.clinicops.support.testing.TestTokens;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * Two session-service instances on one database and one consumer group, as ops scale it out: they share the
 * partitions of {@code clinic.screenings}, never book a patient twice or a chair twice, keep each patient's events in
 * order, and of two actions on one session sent to both, one wins and the other sees its result.
 */
class TwoInstancesTests {

    static final int PATIENTS = 24;
    static final String GROUP = SessionServiceApplication.NAME;

    static EmbeddedKafkaKraftBroker kafka;
    static JdbcClient jdbc;
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstances() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3, Topics.SCREENINGS, Topics.SESSIONS);
        kafka.afterPropertiesSet();
        String database = TestPostgres.newDatabase("session_two_instances");
        jdbc = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
        for (int i = 0; i < 2; i++) {
            instances.add(SessionServiceApplication.application().run(
                    "--server.port=0",
                    "--spring.datasource.url=" + database,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwkSetUri(),
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                    // both on the demo clock from the reference Wednesday 09:00 in Los Angeles
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
    void twoInstancesShareThePartitions_andBookEveryPatientOnce_withoutAChairTwice() {
        await().atMost(Duration.ofSeconds(60)).until(TwoInstancesTests::bothInstancesHavePartitions);
        List<UUID> patients = new ArrayList<>();
        try (CloudEventProducer producer = new CloudEventProducer(kafka.getBrokersAsString())) {
            for (int i = 0; i < PATIENTS; i++) {
                UUID patient = UUID.randomUUID();
                patients.add(patient);
                ScreeningCompleted eligible = eligible(patient);
                producer.send(eligible, eligible.screeningId());
                // a redelivery, and for some a second ELIGIBLE screening: still one plan each
                producer.send(eligible, eligible.screeningId());
                if (i % 4 == 0) {
                    ScreeningCompleted again = eligible(patient);
                    producer.send(again, again.screeningId());
                }
            }
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> count("select count(*) from treatment_plan "
                + "where status in ('BOOKED', 'WAITING_FOR_CAPACITY')") == PATIENTS);
        assertThat(count("select count(distinct patient_id) from treatment_plan")).isEqualTo(PATIENTS);
        assertThat(count("select count(*) from session")).isEqualTo(6L * count(
                "select count(*) from treatment_plan where status = 'BOOKED'"));
        assertThat(count("""
                select count(*) from session a join session b
                  on a.chair_id = b.chair_id and a.session_id < b.session_id
                 and tstzrange(a.start_at, a.occupied_until) && tstzrange(b.start_at, b.occupied_until)
                 where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'
                """)).isZero();

        // each patient's events in the order they were stored: the plan, then its sessions
        List<ConsumerRecord<byte[], byte[]>> published = new TopicReader(kafka.getBrokersAsString())
                .readUntil(Topics.SESSIONS, records -> byPatient(records).keySet().containsAll(
                        patients.stream().map(UUID::toString).toList()));
        Map<String, List<String>> types = byPatient(published);
        for (UUID patient : patients) {
            List<String> ofPatient = types.get(patient.toString());
            assertThat(ofPatient.getFirst()).as("first event of %s", patient).startsWith("org.clinicops.treatment-plan.");
            assertThat(ofPatient.stream().filter(t -> t.startsWith("org.clinicops.treatment-plan.")).distinct())
                    .hasSize(1);
        }
    }

    @Test
    void sd1_oneSessionChangedThroughBothInstancesAtOnce_oneWinsAndTheOtherSeesItsResult() {
        UUID patient = UUID.randomUUID();
        try (CloudEventProducer producer = new CloudEventProducer(kafka.getBrokersAsString())) {
            ScreeningCompleted eligible = eligible(patient);
            producer.send(eligible, eligible.screeningId());
        }
        UUID session = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select session_id from session where patient_id = :p and number = 1")
                .param("p", patient).query(UUID.class).optional(), found -> found.isPresent()).orElseThrow();

        List<CompletableFuture<HttpResponse<String>>> answers = instances.stream()
                .map(instance -> http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:"
                                        + ((WebServerApplicationContext) instance).getWebServer().getPort()
                                        + "/api/sessions/" + session + "/cancel"))
                                .header("Authorization", TestTokens.staff("front-desk", "INTAKE_COORDINATOR").bearer())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"PATIENT_REQUEST\"}")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .toList();

        assertThat(answers.stream().map(a -> a.join().statusCode())).containsExactlyInAnyOrder(200, 409);
        assertThat(count("select count(*) from outbox_event where event_type = 'org.clinicops.session.cancelled.v1'"
                + " and subject = '" + session + "'")).isEqualTo(1);
        assertThat(count("select count(*) from session where makes_up_for = '" + session + "'")).isEqualTo(1);
    }

    private static ScreeningCompleted eligible(UUID patient) {
        return new ScreeningCompleted(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:00Z"), patient,
                UUID.randomUUID(), "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true);
    }

    private static boolean bothInstancesHavePartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            return group.members().size() == 2 && group.members().stream()
                    .allMatch(m -> m.assignment().topicPartitions().stream()
                            .anyMatch(tp -> tp.topic().equals(Topics.SCREENINGS)));
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, List<String>> byPatient(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, List<String>> types = new LinkedHashMap<>();
        records.forEach(r -> types.computeIfAbsent(new String(r.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
                .add(header(r, "ce_type")));
        return types;
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
