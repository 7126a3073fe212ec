package org.clinicops.notification.partner;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.clinicops.events.ReviewDecision;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.SessionDischarged;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.events.TreatmentPlanWaitingForCapacity;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.support.testing.TestTokens;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.testing.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * The Kafka topic of a partner clinic (notification.partner.kafka.clinics; the test profile lists the three clinics
 * used here, one per test so each topic's numbers start at 1 in its test): created at start-up with 3 partitions,
 * 30 days' retention and deletion, and carrying each partner event of the clinic's own patients once, keyed by the
 * patient, as the webhooks' envelope with no subscription, numbered in the topic's own stream, with exactly the
 * CloudEvents headers of the contract and never an internal one.
 */
@ExtendWith(OutputCaptureExtension.class)
class PartnerTopicTests extends StreamTestSupport {

    static final String RIVERSIDE = "topic-riverside";
    static final String LAKESIDE = "topic-lakeside";
    static final String REDELIVERY = "topic-redelivery";
    static final List<String> HEADERS = List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time",
            "ce_subject", "ce_sequence", "content-type");

    @Autowired
    PartnerEvents partnerEvents;
    @Autowired
    Outbox outbox;
    @Autowired
    KafkaProperties kafka;

    @Test
    void eachListedClinicsTopicIsCreatedAtStartWithThreePartitionsThirtyDaysRetentionAndDelete() throws Exception {
        try (Admin admin = admin()) {
            for (String clinic : List.of(RIVERSIDE, LAKESIDE, REDELIVERY)) {
                String topic = "partner." + clinic + ".events";
                assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
                        .as(topic).hasSize(3);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get("retention.ms").value()).as(topic).isEqualTo("2592000000");
                assertThat(config.get("cleanup.policy").value()).as(topic).isEqualTo("delete");
            }
        }
    }

    @Test
    void aTopicThatExistsWithOtherSettingsIsLeftAsItIsWithAWarningAndTheStartGoesOn(CapturedOutput output)
            throws Exception {
        String clinic = PartnerRecordingStreamTests.clinic();
        String topic = "partner." + clinic + ".events";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of("retention.ms", "3600000")))).all().get();

            new PartnerTopics(ServiceSettings.bind("notification-service", "notification.partner",
                    PartnerProperties.class, Map.of("NOTIFICATION_PARTNER_KAFKA_CLINICS", clinic)),
                    partnerEvents, outbox, kafka).afterPropertiesSet();

            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms")
                    .value()).isEqualTo("3600000");
        }
        assertThat(output.getOut()).contains("Partner topic " + topic + " exists with 1 partitions")
                .contains("left as it is");
    }

    @Test
    void aClinicNotListedGetsNoTopicWhileItsWebhooksGoOn() throws Exception {
        String unlisted = PartnerRecordingStreamTests.clinic();
        String subscription = subscribe(unlisted);
        send(screeningCompleted(intake.registerPartnerReferral(unlisted, "U-1"), ScreeningOutcome.ELIGIBLE));

        await().atMost(PATIENCE).until(() -> catchUp(unlisted, subscription).size() == 1);
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).noneMatch(topic -> topic.contains(unlisted));
        }
        assertThat(jdbc.sql("select count(*) from outbox_event where topic = :topic")
                .param("topic", "partner." + unlisted + ".events").query(Long.class).single()).isZero();
    }

    @Test
    void allFourTypesReachTheTopicKeyedByPatientWithTheContractsHeadersNumberedFromOneAndTheWebhooksIds() {
        String subscription = subscribe(RIVERSIDE);
        UUID accepted = intake.registerPartnerReferral(RIVERSIDE, "RVS-1");
        UUID reviewed = intake.registerPartnerReferral(RIVERSIDE, null);
        UUID lakesidePatient = intake.registerPartnerReferral(LAKESIDE, "LKS-1");
        send(screeningCompleted(accepted, ScreeningOutcome.ELIGIBLE));
        send(screeningCompleted(reviewed, ScreeningOutcome.NEEDS_CLINICIAN_REVIEW));
        send(screeningCompleted(lakesidePatient, ScreeningOutcome.ELIGIBLE));
        TreatmentPlanBooked booked = planBooked(accepted);
        send(booked);
        TreatmentPlanBooked.BookedSession first = booked.sessions().getFirst();
        SessionDischarged discharged = new SessionDischarged(UUID.randomUUID(), first.end(), accepted,
                booked.planId(), first.sessionId(), 1, first.end());
        events.send(discharged, discharged.planId());
        var approval = PartnerRecordingStreamTests.reviewed(reviewed, ReviewDecision.APPROVED);
        events.send(approval, approval.screeningId());
        TreatmentPlanWaitingForCapacity waiting = PartnerRecordingStreamTests.waitingForCapacity(reviewed);
        events.send(waiting, waiting.planId());

        List<ConsumerRecord<byte[], byte[]>> records = recordsOf("partner." + RIVERSIDE + ".events",
                Set.of(accepted, reviewed), 6);

        assertThat(records).hasSize(6);
        List<JsonNode> envelopes = records.stream().map(r -> json.readTree(r.value())).toList();
        assertThat(envelopes).extracting(e -> e.get("type").asString()).containsExactlyInAnyOrder(
                "patient.status_changed", "induction.booked", "session.completed",
                "patient.status_changed", "patient.status_changed", "induction.waiting_for_capacity");
        assertThat(envelopes.stream().map(e -> e.get("sequence").asLong()).sorted())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        for (UUID patient : List.of(accepted, reviewed)) {
            assertThat(records.stream().filter(r -> key(r).equals(patient.toString()))
                    .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                    .map(r -> json.readTree(r.value()).get("patientSequence").asLong()))
                    .as("one patient's events in order on one partition").containsExactly(1L, 2L, 3L);
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
            JsonNode envelope = json.readTree(record.value());
            PartnerRecordingStreamTests.hasExactlyTheContractsMembers(envelope);
            assertThat(envelope.get("subscriptionId").isNull()).isTrue();
            String patient = envelope.get("data").get("patientId").asString();
            assertThat(key(record)).isEqualTo(patient);
            assertThat(Arrays.stream(record.headers().toArray()).map(Header::key).toList())
                    .as("the contract's headers and no other: no correlation id, no trace context")
                    .containsExactlyElementsOf(HEADERS);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_id")).isEqualTo(envelope.get("id").asString());
            assertThat(header(record, "ce_type"))
                    .isEqualTo("org.clinicops.partner." + envelope.get("type").asString() + ".v1");
            assertThat(header(record, "ce_source")).isEqualTo("/notification-service");
            assertThat(header(record, "ce_time")).isEqualTo(envelope.get("timestamp").asString());
            assertThat(header(record, "ce_subject")).isEqualTo(patient);
            assertThat(header(record, "ce_sequence")).hasSize(20)
                    .isEqualTo("%020d".formatted(envelope.get("sequence").asLong()));
            assertThat(header(record, "content-type")).isEqualTo("application/json");
        }

        Map<String, JsonNode> webhooks = catchUp(RIVERSIDE, subscription).stream()
                .collect(Collectors.toMap(e -> e.get("id").asString(), Function.identity()));
        assertThat(webhooks.keySet()).as("the webhooks' ids")
                .containsExactlyInAnyOrderElementsOf(envelopes.stream().map(e -> e.get("id").asString()).toList());
        for (JsonNode envelope : envelopes) {
            JsonNode webhook = webhooks.get(envelope.get("id").asString());
            assertThat(envelope.get("type")).isEqualTo(webhook.get("type"));
            assertThat(envelope.get("timestamp")).isEqualTo(webhook.get("timestamp"));
            assertThat(envelope.get("data")).isEqualTo(webhook.get("data"));
        }

        List<ConsumerRecord<byte[], byte[]>> lakeside = recordsOf("partner." + LAKESIDE + ".events",
                Set.of(lakesidePatient), 1);
        assertThat(json.readTree(lakeside.getFirst().value()).get("sequence").asLong())
                .as("Lakeside's own stream").isEqualTo(1);
        assertThat(topics.readAll("partner." + RIVERSIDE + ".events", 6)).as("another clinic's patient")
                .noneMatch(r -> key(r).equals(lakesidePatient.toString()));
    }

    @Test
    void aRedeliveredSourceEventGivesNoSecondMessage() {
        UUID patient = intake.registerPartnerReferral(REDELIVERY, "RD-1");
        ScreeningCompleted eligible = screeningCompleted(patient, ScreeningOutcome.ELIGIBLE);
        TreatmentPlanWaitingForCapacity waiting = PartnerRecordingStreamTests.waitingForCapacity(patient);
        send(eligible);
        send(eligible);
        events.send(waiting, waiting.planId());
        events.send(waiting, waiting.planId());
        // behind the duplicates on their topics: once these are on the partner topic, the duplicates were taken in
        UUID marker = intake.registerPartnerReferral(REDELIVERY, "RD-2");
        send(screeningCompleted(marker, ScreeningOutcome.ELIGIBLE));
        TreatmentPlanWaitingForCapacity markerWaiting = PartnerRecordingStreamTests.waitingForCapacity(marker);
        events.send(markerWaiting, markerWaiting.planId());

        String topic = "partner." + REDELIVERY + ".events";
        recordsOf(topic, Set.of(marker), 2);
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from outbox_event where topic = :topic "
                + "and published_at is null").param("topic", topic).query(Long.class).single() == 0);

        List<ConsumerRecord<byte[], byte[]>> ofPatient = recordsOf(topic, Set.of(patient), 2);
        assertThat(ofPatient).extracting(r -> json.readTree(r.value()).get("type").asString())
                .containsExactly("patient.status_changed", "induction.waiting_for_capacity");
        assertThat(jdbc.sql("select count(*) from outbox_event where topic = :topic").param("topic", topic)
                .query(Long.class).single()).as("stored once each").isEqualTo(4);
    }

    /** The topic's records of these patients, read from its start until there are {@code count}. */
    List<ConsumerRecord<byte[], byte[]>> recordsOf(String topic, Set<UUID> patients, int count) {
        Set<String> keys = patients.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        topics.readUntil(topic, read -> {
            records.clear();
            read.stream().filter(r -> keys.contains(key(r))).forEach(records::add);
            return records.size() >= count;
        });
        return records;
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    /** A webhook subscription of every type, to compare the topic with. */
    String subscribe(String clinic) {
        MvcTestResult created = mvc.post().uri("/api/partner/subscriptions")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.partner(clinic).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"url": "http://127.0.0.1:9911/hooks", "eventTypes": ["patient.status_changed",
                         "induction.booked", "induction.waiting_for_capacity", "session.completed"]}""")
                .exchange();
        assertThat(created).hasStatus(201);
        return json.readTree(created.getResponse().getContentAsByteArray()).get("id").asString();
    }

    List<JsonNode> catchUp(String clinic, String subscription) {
        MvcTestResult result = mvc.get().uri("/api/partner/events?subscriptionId=" + subscription + "&limit=500")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.partner(clinic).bearer()).exchange();
        assertThat(result).hasStatusOk();
        List<JsonNode> events = new ArrayList<>();
        json.readTree(result.getResponse().getContentAsByteArray()).get("events").forEach(events::add);
        return events;
    }
}
