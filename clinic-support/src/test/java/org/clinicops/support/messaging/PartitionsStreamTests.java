package org.clinicops.support.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ops scale a consumer out by starting more instances in its group: the topic it listens to, which nobody created
 * beforehand, gets the configured partition count (not the binder's 1 nor the broker's default), and two instances
 * share those partitions and leave the database exactly as one instance does.
 */
class PartitionsStreamTests {

    static final int PATIENTS = 24;
    static final int EVENTS_PER_PATIENT = 5;
    static final String GROUP = "support-test";

    static EmbeddedKafkaKraftBroker kafka;

    @BeforeAll
    static void startABrokerWithoutTopics() {
        // one partition is also the broker's own default here: only the service's setting can make it more
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopTheBroker() {
        kafka.destroy();
    }

    @Test
    void aTopicNobodyCreatedGetsSixPartitions_andTwoInstancesShareThem_withTheResultsOfOne() throws Exception {
        Map<String, List<String>> byOne = takeNotes("support.test.one-instance", 1);
        Map<String, List<String>> byTwo = takeNotes("support.test.two-instances", 2);

        assertThat(byTwo).isEqualTo(byOne).hasSize(PATIENTS);
        byTwo.values().forEach(notes -> assertThat(notes).as("each event once, in the patient's order")
                .hasSize(EVENTS_PER_PATIENT).isSorted());
    }

    /**
     * Starts {@code instances} instances of a consumer on a fresh database and a topic of its own, sends every
     * patient's events (each once more, as a redelivery) and answers the notes taken, per patient in the order taken.
     */
    private static Map<String, List<String>> takeNotes(String topic, int instances) throws Exception {
        String database = TestPostgres.newDatabase("partitions");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
        List<ConfigurableApplicationContext> running = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            for (int i = 0; i < instances; i++) {
                running.add(start(database, topic));
            }
            // the consumer's own table, beside the service's migrated ones
            jdbc.sql("create table if not exists patient_note (event_id uuid primary key, text text not null,"
                    + " taken bigserial)").update();
            Set<TopicPartition> assigned = await().atMost(Duration.ofSeconds(60))
                    .until(() -> assignedToEach(admin, topic, instances), partitions -> !partitions.isEmpty());
            assertThat(assigned).as("every partition of %s has a consumer", topic).hasSize(6);
            assertThat(partitions(admin, topic)).isEqualTo(6);
            assertThat(partitions(admin, "error." + topic + "." + GROUP)).as("its dead-letter topic").isEqualTo(6);

            try (CloudEventProducer producer = new CloudEventProducer(kafka.getBrokersAsString())) {
                for (int n = 1; n <= EVENTS_PER_PATIENT; n++) {
                    for (int p = 0; p < PATIENTS; p++) {
                        String patient = "patient-%02d".formatted(p);
                        Map<String, String> headers = Map.of("ce_specversion", "1.0",
                                "ce_id", UUID.nameUUIDFromBytes((topic + patient + n).getBytes()).toString(),
                                "ce_type", "org.clinicops.test.happened.v1", "ce_source", "/support-test");
                        byte[] body = ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
                        producer.send(topic, patient, body, headers);
                        producer.send(topic, patient, body, headers);
                    }
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from patient_note")
                    .query(Long.class).single() == (long) PATIENTS * EVENTS_PER_PATIENT);
            return jdbc.sql("select text from patient_note order by taken").query(String.class).list().stream()
                    .collect(Collectors.groupingBy(text -> text.substring(0, text.indexOf(' ')), LinkedHashMap::new,
                            Collectors.mapping(text -> text.substring(text.indexOf(' ') + 1), Collectors.toList())));
        } finally {
            running.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static ConfigurableApplicationContext start(String database, String topic) {
        return new SpringApplicationBuilder(PatientNotes.class).run(
                "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--spring.cloud.function.definition=takeNote",
                "--spring.cloud.stream.bindings.takeNote-in-0.destination=" + topic,
                "--clinic.clock.start=" + TestClock.at("2026-11-25T17:00:00Z"),
                "--clinic.clock.started-at=");
    }

    /** The partitions of the topic when the group has {@code instances} members, each with some; else none. */
    private static Set<TopicPartition> assignedToEach(Admin admin, String topic, int instances) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
        List<Set<TopicPartition>> assignments = group.members().stream().map(MemberDescription::assignment)
                .map(a -> a.topicPartitions().stream().filter(tp -> tp.topic().equals(topic))
                        .collect(Collectors.toSet()))
                .toList();
        if (assignments.size() != instances || assignments.stream().anyMatch(Set::isEmpty)) {
            return Set.of();
        }
        return assignments.stream().flatMap(Set::stream).collect(Collectors.toSet());
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    /**
     * The smallest consumer service: a note per event, taken once per event id. Not a {@code @Configuration}, so
     * that no other test's component scan finds it.
     */
    @EnableAutoConfiguration
    static class PatientNotes {

        @Bean
        Consumer<Message<byte[]>> takeNote(CloudEventReader reader, ProcessedEvents processed, JdbcClient jdbc) {
            return message -> {
                IncomingEvent event = reader.read(message);
                String patient = new String((byte[]) message.getHeaders().get(KafkaHeaders.RECEIVED_KEY),
                        StandardCharsets.UTF_8);
                processed.once("takeNote", UUID.fromString(event.id()), () -> jdbc.sql(
                                "insert into patient_note (event_id, text) values (:id, :text)")
                        .param("id", UUID.fromString(event.id()))
                        .param("text", patient + " " + new String(message.getPayload(), StandardCharsets.UTF_8))
                        .update());
            };
        }
    }
}
