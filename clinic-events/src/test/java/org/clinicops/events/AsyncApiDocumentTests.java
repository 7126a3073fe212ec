package org.clinicops.events;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code asyncapi.yaml} describes exactly what is published: every topic of {@link Topics} and no other, every
 * {@link EventType} as a message of its topic's channel with its JSON Schema as payload, and the CloudEvents headers
 * the outbox relay sets; besides them, the partner clinics' own topics, whose names, messages and headers are the
 * partner contract's (notification-service). A new event type or topic without its description fails here.
 */
class AsyncApiDocumentTests {

    private static final JsonNode DOCUMENT = read("/asyncapi.yaml");
    private static final String PARTNER_CHANNEL = "partner.{partnerClinicId}.events";
    private static final List<String> PARTNER_MESSAGES = List.of("org.clinicops.partner.patient.status_changed.v1",
            "org.clinicops.partner.induction.booked.v1", "org.clinicops.partner.induction.waiting_for_capacity.v1",
            "org.clinicops.partner.session.completed.v1");

    @Test
    void theDocumentIsValidAsyncApi3() throws IOException {
        String schema;
        try (InputStream in = AsyncApiDocumentTests.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(schema, InputFormat.JSON);

        assertThat(validator.validate(JsonMapper.builder().build().writeValueAsString(DOCUMENT), InputFormat.JSON))
                .isEmpty();
        assertThat(DOCUMENT.path("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void everyTopicIsAChannelAndEveryChannelATopic() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        List<String> addresses = new ArrayList<>();
        DOCUMENT.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(concat(topics, List.of(PARTNER_CHANNEL)));
    }

    @Test
    void everyEventTypeIsAMessageOfItsTopicsChannelWithItsSchemaAsPayload() {
        Map<String, JsonNode> messages = messagesByName();

        for (EventType<?> type : EventType.ALL) {
            JsonNode message = messages.get(type.type());
            assertThat(message).as(type.type()).isNotNull();
            assertThat(message.path("title").asString()).isEqualTo(type.recordClass().getSimpleName());
            String payload = message.at("/payload/schema/$ref").asString();
            assertThat(payload).as(type.type()).isEqualTo("." + type.schemaResource());
            assertThat(EventType.class.getResource(type.schemaResource())).as(payload).isNotNull();
            assertThat(channelsListing(message)).as(type.type()).containsExactly(type.topic());
        }
        assertThat(messages.keySet()).containsExactlyInAnyOrderElementsOf(
                concat(EventType.ALL.stream().map(EventType::type).toList(), PARTNER_MESSAGES));
    }

    @Test
    void everyMessageCarriesTheHeadersTheOutboxRelaySetsAndClinicalEventsAreKeyedByThePatient()
            throws IllegalAccessException {
        List<String> headers = new ArrayList<>();
        for (Field field : CloudEventHeaders.class.getFields()) {
            String value = (String) field.get(null);
            if (value.startsWith("ce_") || value.equals(CloudEventHeaders.CONTENT_TYPE)
                    || value.equals(CloudEventHeaders.TRACEPARENT)) {
                headers.add(value);
            }
        }
        JsonNode described = DOCUMENT.at("/components/schemas/cloudEventHeaders");
        List<String> required = new ArrayList<>();
        described.path("required").forEach(name -> required.add(name.asString()));

        assertThat(described.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(headers);
        // every header but the correlation id and the trace, which only an event caused in a request or trace has
        assertThat(required).containsExactlyInAnyOrderElementsOf(headers.stream()
                .filter(h -> !h.equals(CloudEventHeaders.CORRELATION_ID) && !h.equals(CloudEventHeaders.TRACEPARENT))
                .toList());
        Map<String, JsonNode> messages = messagesByName();
        for (EventType<?> type : EventType.ALL) {
            assertThat(messages.get(type.type()).at("/headers/$ref").asString())
                    .isEqualTo("#/components/schemas/cloudEventHeaders");
        }
        for (EventType<?> type : EventType.ALL) {
            JsonNode key = messages.get(type.type()).at("/bindings/kafka/key");
            if (ClinicEvent.class.isAssignableFrom(type.recordClass())) {
                assertThat(key.path("format").asString()).as(type.type()).isEqualTo("uuid");
                assertThat(key.path("description").asString()).as(type.type()).contains("patient id");
            } else {
                assertThat(key.path("description").asString()).as(type.type()).doesNotContain("patient id");
            }
        }
        assertThat(messages.get(EventType.AUDIT_RECORDED.type()).at("/bindings/kafka/key/description").asString())
                .contains("auditId");
        assertThat(messages.get(EventType.AUDIT_CHAIN_HEAD.type()).at("/bindings/kafka/key/description").asString())
                .contains("chain");
    }

    @Test
    void aPartnerTopicCarriesThePartnerContractsHeadersOnlyAndIsKeyedByThePatient() {
        JsonNode described = DOCUMENT.at("/components/schemas/partnerCloudEventHeaders");
        List<String> required = new ArrayList<>();
        described.path("required").forEach(name -> required.add(name.asString()));
        List<String> headers = List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "ce_subject",
                "ce_sequence", "content-type");

        assertThat(described.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(headers);
        assertThat(required).containsExactlyInAnyOrderElementsOf(headers);
        assertThat(described.path("additionalProperties").asBoolean(true)).isFalse();
        Map<String, JsonNode> messages = messagesByName();
        for (String name : PARTNER_MESSAGES) {
            JsonNode message = messages.get(name);
            assertThat(message.at("/headers/$ref").asString()).as(name)
                    .isEqualTo("#/components/schemas/partnerCloudEventHeaders");
            assertThat(message.at("/bindings/kafka/key/description").asString()).as(name).contains("patient id");
            assertThat(channelsListing(message)).as(name).containsExactly(PARTNER_CHANNEL);
        }
    }

    @Test
    void everyChannelIsSentByOneServiceAndReceivedByItsConsumers() {
        Map<String, List<String>> actionsByChannel = new TreeMap<>();
        DOCUMENT.path("operations").forEach(operation -> actionsByChannel
                .computeIfAbsent(operation.at("/channel/$ref").asString(), c -> new ArrayList<>())
                .add(operation.path("action").asString()));

        assertThat(actionsByChannel).containsOnlyKeys("#/channels/screenings", "#/channels/sessions",
                "#/channels/audit", "#/channels/auditHeads", "#/channels/partnerEvents");
        actionsByChannel.values().forEach(actions ->
                assertThat(actions).containsOnlyOnce("send").contains("receive"));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static Map<String, JsonNode> messagesByName() {
        Map<String, JsonNode> byName = new TreeMap<>();
        DOCUMENT.at("/components/messages").forEach(message -> byName.put(message.path("name").asString(), message));
        return byName;
    }

    /** The addresses of the channels that list this message. */
    private static List<String> channelsListing(JsonNode message) {
        List<String> addresses = new ArrayList<>();
        DOCUMENT.path("channels").forEach(channel -> channel.path("messages").forEach(listed -> {
            String ref = listed.path("$ref").asString();
            JsonNode target = DOCUMENT.at(ref.substring(1));
            if (target == message) {
                addresses.add(channel.path("address").asString());
            }
        }));
        return addresses;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = AsyncApiDocumentTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
