package org.clinicops.notification.partner;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.clinicops.events.CloudEventHeaders;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.outbox.OutsideMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Kafka topic of each partner clinic of {@code notification.partner.kafka.clinics}, {@code partner.<id>.events}:
 * created at start-up, and written only here, through the outbox in the transaction that records the partner event.
 * Each value is the webhooks' envelope with {@code subscriptionId} null, numbered in the topic's own stream, keyed by
 * the patient and sent with the CloudEvents headers of the contract and no other: no correlation id, no trace context.
 */
@Component
class PartnerTopics implements InitializingBean {

    static final int PARTITIONS = 3;
    static final Duration RETENTION = Duration.ofDays(30);
    /** CloudEvents sequence extension: the envelope's sequence, zero-padded so it sorts as text. */
    static final String SEQUENCE = "ce_sequence";
    static final String SOURCE = "/notification-service";
    private static final Duration ADMIN_WAIT = Duration.ofSeconds(30);
    private static final Map<String, String> SETTINGS = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(RETENTION.toMillis()),
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    private static final Logger log = LoggerFactory.getLogger(PartnerTopics.class);

    private final Set<String> clinics;
    private final PartnerEvents events;
    private final Outbox outbox;
    private final Map<String, Object> adminProperties;

    PartnerTopics(PartnerProperties properties, PartnerEvents events, Outbox outbox, KafkaProperties kafka) {
        this.clinics = Set.copyOf(properties.kafka().clinics());
        this.events = events;
        this.outbox = outbox;
        this.adminProperties = kafka.buildAdminProperties();
    }

    static String topic(String partnerClinicId) {
        return "partner." + partnerClinicId + ".events";
    }

    static String cloudEventType(PartnerEventType type) {
        return "org.clinicops.partner." + type.type() + ".v1";
    }

    /**
     * Numbers the clinic's partner event in its topic's stream and stores the message in the outbox, in the caller's
     * transaction; nothing when the clinic has no topic.
     */
    void publish(String partnerClinicId, UUID eventId, PartnerEventType type, UUID patientId, Instant occurredAt,
                 Map<String, Object> data, Instant now) {
        if (!clinics.contains(partnerClinicId)) {
            return;
        }
        PartnerEvents.Numbered numbered = events.numberForTopic(partnerClinicId, eventId, type, patientId,
                occurredAt, data);
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.ID, eventId.toString());
        headers.put(CloudEventHeaders.TYPE, cloudEventType(type));
        headers.put(CloudEventHeaders.SOURCE, SOURCE);
        headers.put(CloudEventHeaders.TIME, Envelopes.instant(occurredAt));
        headers.put(CloudEventHeaders.SUBJECT, patientId.toString());
        headers.put(SEQUENCE, "%020d".formatted(numbered.sequence()));
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        outbox.publish(new OutsideMessage(eventId, topic(partnerClinicId), patientId.toString(), cloudEventType(type),
                patientId.toString(), now, headers, numbered.envelope()));
    }

    /**
     * Creates the topics before the recorder's first round. A topic that exists already is left as it is, with a
     * warning when its settings differ; a broker that cannot be asked stops the start.
     */
    @Override
    public void afterPropertiesSet() {
        if (clinics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(adminProperties)) {
            for (String clinic : clinics.stream().sorted().toList()) {
                createOrCheck(admin, topic(clinic));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating the partner topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + ADMIN_WAIT
                    + " creating the partner topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the partner topics", e.getCause());
        }
    }

    private static void createOrCheck(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty())
                    .configs(SETTINGS))).all().get(ADMIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created partner topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            warnIfDifferent(admin, topic);
        }
    }

    private static void warnIfDifferent(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(ADMIN_WAIT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().size();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(ADMIN_WAIT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        Map<String, String> actual = new LinkedHashMap<>();
        SETTINGS.keySet().stream().sorted().forEach(name -> actual.put(name,
                Optional.ofNullable(config.get(name)).map(ConfigEntry::value).orElse(null)));
        if (partitions != PARTITIONS || !actual.equals(Map.copyOf(SETTINGS))) {
            log.warn("Partner topic {} exists with {} partitions and {}, not {} partitions and {}: left as it is",
                    topic, partitions, actual, PARTITIONS, SETTINGS);
        }
    }
}
