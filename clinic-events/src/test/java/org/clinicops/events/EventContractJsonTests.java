package org.clinicops.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every published event serializes to JSON its schema accepts, and none can carry PHI. */
class EventContractJsonTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** Field names that would put names, contact details, dates of birth or free text on the bus. */
    private static final Pattern PHI = Pattern.compile(
            "name|email|e_?mail|phone|mobile|address|street|postcode|zip|birth|dob|note|comment|text|description|message|free");

    private static final UUID PATIENT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-25T17:00:00Z");

    static Stream<ClinicEvent> samples() {
        UUID plan = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        return Stream.of(
                new ScreeningCompleted(UUID.randomUUID(), AT, PATIENT, UUID.randomUUID(), "DEPRESSION",
                        ScreeningOutcome.NEEDS_CLINICIAN_REVIEW, List.of("TRD_NOT_ESTABLISHED"), true),
                new ScreeningCompleted(UUID.randomUUID(), AT, PATIENT, UUID.randomUUID(), "DEPRESSION",
                        ScreeningOutcome.ELIGIBLE, List.of(), false,
                        new ScreeningProgress(UUID.randomUUID(), -7, null, true, false)),
                new ScreeningReviewed(UUID.randomUUID(), AT, PATIENT, UUID.randomUUID(), "DEPRESSION",
                        ScreeningOutcome.INELIGIBLE, ReviewDecision.APPROVED, true, true),
                new TreatmentPlanBooked(UUID.randomUUID(), AT, PATIENT, plan, UUID.randomUUID(),
                        Protocol.IV_KETAMINE_DEPRESSION, List.of(new TreatmentPlanBooked.BookedSession(session, 1,
                        Instant.parse("2026-11-26T17:00:00Z"), Instant.parse("2026-11-26T18:55:00Z"), 1))),
                new TreatmentPlanWaitingForCapacity(UUID.randomUUID(), AT, PATIENT, plan, UUID.randomUUID(),
                        Protocol.IV_KETAMINE_DEPRESSION),
                new SessionScheduled(UUID.randomUUID(), AT, PATIENT, session, plan, Protocol.IV_KETAMINE_DEPRESSION, 1,
                        Instant.parse("2026-11-26T17:00:00Z"), Instant.parse("2026-11-26T18:55:00Z"), 1));
    }

    @Test
    void everyEventTypeHasASample() {
        assertThat(samples().map(EventType::of).distinct()).containsExactlyInAnyOrderElementsOf(EventType.ALL);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serializedEventMatchesItsSchema(ClinicEvent event) throws IOException {
        EventType<?> type = EventType.of(event);
        String body = json.writeValueAsString(event);

        List<Error> errors = schema(type).validate(body, InputFormat.JSON);

        assertThat(errors).as(body).isEmpty();
        JsonNode tree = json.readTree(body);
        assertThat(tree.get("eventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(tree.get("occurredAt").asString()).isEqualTo("2026-11-25T17:00:00Z");
        assertThat(tree.get("patientId").asString()).isEqualTo(PATIENT.toString());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void deserializingTheJsonGivesTheSameEvent(ClinicEvent event) {
        String body = json.writeValueAsString(event);

        assertThat(json.readValue(body, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void schemaDeclaresExactlyTheRecordsMembers(ClinicEvent event) throws IOException {
        JsonNode schema = json.readTree(read(EventType.of(event).schemaResource()));

        assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(event.getClass().getRecordComponents()).map(RecordComponent::getName).toList());
    }

    /** Consumers ignore members they do not know yet, so adding an optional member never breaks an old consumer. */
    @ParameterizedTest
    @MethodSource("samples")
    void anAddedMemberStillMatchesTheSchemaAndStillReads(ClinicEvent event) throws IOException {
        EventType<?> type = EventType.of(event);
        Map<String, Object> withExtra = json.readValue(json.writeValueAsString(event), Map.class);
        withExtra.put("addedInALaterRelease", 3);
        String body = json.writeValueAsString(withExtra);

        assertThat(schema(type).validate(body, InputFormat.JSON)).isEmpty();
        assertThat(json.readValue(body, event.getClass())).isEqualTo(event);
    }

    @Test
    void noEventCarriesAFieldThePhiRuleForbids() {
        List<String> offending = new ArrayList<>();
        for (EventType<?> type : EventType.ALL) {
            collectPhiFields(type.recordClass(), type.recordClass().getSimpleName(), offending);
        }
        assertThat(offending).as("fields that would carry PHI on Kafka").isEmpty();
    }

    @Test
    void noSchemaDeclaresAFieldThePhiRuleForbids() throws IOException {
        for (EventType<?> type : EventType.ALL) {
            List<String> names = new ArrayList<>();
            collectPropertyNames(json.readTree(read(type.schemaResource())), names);
            assertThat(names).as(type.schemaResource()).noneMatch(n -> PHI.matcher(n.toLowerCase(Locale.ROOT)).find());
        }
    }

    @Test
    void everyEventTypeHasAVersionedTypeAndATopic() {
        assertThat(EventType.ALL).allSatisfy(type -> {
            assertThat(type.type()).matches("org\\.clinicops\\.[a-z-]+\\.[a-z-]+\\.v\\d+");
            assertThat(type.topic()).isIn(Topics.SCREENINGS, Topics.SESSIONS);
            assertThat(type.schemaResource()).endsWith(type.type().replaceAll(".*\\.(v\\d+)$", ".$1.json"));
        });
    }

    private static void collectPhiFields(Class<?> recordClass, String path, List<String> offending) {
        for (RecordComponent component : recordClass.getRecordComponents()) {
            String name = component.getName();
            if (PHI.matcher(name.toLowerCase(Locale.ROOT)).find()) {
                offending.add(path + "." + name);
            }
            if (component.getType().isRecord()) {
                collectPhiFields(component.getType(), path + "." + name, offending);
            }
            if (component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                collectPhiFields(element, path + "." + name + "[]", offending);
            }
        }
    }

    private static void collectPropertyNames(JsonNode node, List<String> names) {
        JsonNode properties = node.get("properties");
        if (properties != null) {
            properties.propertyNames().forEach(names::add);
            properties.values().forEach(child -> collectPropertyNames(child, names));
        }
        JsonNode items = node.get("items");
        if (items != null) {
            collectPropertyNames(items, names);
        }
        JsonNode alternatives = node.get("oneOf");
        if (alternatives != null) {
            alternatives.values().forEach(alternative -> collectPropertyNames(alternative, names));
        }
    }

    private static Schema schema(EventType<?> type) throws IOException {
        return schemas.getSchema(read(type.schemaResource()), InputFormat.JSON);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
