package org.clinicops.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every published event serializes to JSON its schema accepts, and none can carry PHI. */
class EventContractJsonTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** Field names that would put names, contact details, dates of birth or free text on the bus. */
    private static final Pattern PHI = Pattern.compile(
            "name|email|e_?mail|phone|mobile|address|street|postcode|zip|birth|dob|note|comment|text|description|message|free");

    private static final UUID PATIENT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-25T17:00:00Z");

    private static final AuditRecorded AUDIT_READ = new AuditRecorded(UUID.randomUUID(),
            Instant.parse("2026-11-25T17:00:00.114Z"), "intake-service", "demo-nurse", "demo-nurse", List.of("NURSE"),
            AuditAction.READ, "GET", "/api/patients/{patientId}", List.of(PATIENT), 200, "203.0.113.7",
            "4a8f2c1e-5d0b-4f7e-9d59-6a1c2b3d4e5f");

    static Stream<PublishedEvent> samples() {
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
                new ProgressMeasureRecorded(UUID.randomUUID(), AT, PATIENT, UUID.randomUUID(), session, true,
                        List.of("PHQ9_ITEM9_POSITIVE")),
                new ProgressMeasureRecorded(UUID.randomUUID(), AT, PATIENT, UUID.randomUUID(), null, false, List.of()),
                new TreatmentPlanBooked(UUID.randomUUID(), AT, PATIENT, plan, UUID.randomUUID(),
                        Protocol.IV_KETAMINE_DEPRESSION, List.of(new TreatmentPlanBooked.BookedSession(session, 1,
                        Instant.parse("2026-11-26T17:00:00Z"), Instant.parse("2026-11-26T18:55:00Z"), 1))),
                new TreatmentPlanWaitingForCapacity(UUID.randomUUID(), AT, PATIENT, plan, UUID.randomUUID(),
                        Protocol.IV_KETAMINE_DEPRESSION),
                new SessionScheduled(UUID.randomUUID(), AT, PATIENT, session, plan, Protocol.IV_KETAMINE_DEPRESSION, 1,
                        Instant.parse("2026-11-26T17:00:00Z"), Instant.parse("2026-11-26T18:55:00Z"), 1),
                new SessionScheduled(UUID.randomUUID(), AT, PATIENT, session, plan, Protocol.IV_KETAMINE_DEPRESSION, 7,
                        Instant.parse("2026-12-30T17:00:00Z"), Instant.parse("2026-12-30T18:55:00Z"), 1, true),
                new TreatmentPlanRescreeningDue(UUID.randomUUID(), AT, PATIENT, plan, Protocol.IV_KETAMINE_DEPRESSION,
                        LocalDate.parse("2026-12-16")),
                // The session day: occurredAt stays AT, so the day's own instants lead up to it.
                new SessionCheckedIn(UUID.randomUUID(), AT, PATIENT, plan, session, 1,
                        Instant.parse("2026-11-25T15:05:00Z")),
                ivDose(plan, session, new BigDecimal("35.8")),
                new DoseAdministered(UUID.randomUUID(), AT, PATIENT, UUID.randomUUID(), UUID.randomUUID(), 1,
                        Protocol.ESKETAMINE_NASAL, null, new BigDecimal("56"), new BigDecimal("56"),
                        Instant.parse("2026-11-25T14:40:00Z"), Instant.parse("2026-11-25T14:50:00Z"),
                        Instant.parse("2026-11-25T16:50:00Z"), "dr-okafor", List.of()),
                new SafetyAlertRaised(UUID.randomUUID(), AT, PATIENT, plan, session, 1, UUID.randomUUID(),
                        SafetyAlertCode.SYSTOLIC_HIGH, 186, 180, Instant.parse("2026-11-25T15:35:00Z"), "dr-okafor"),
                new SafetyAlertRaised(UUID.randomUUID(), AT, PATIENT, plan, session, 1, UUID.randomUUID(),
                        SafetyAlertCode.SERIOUS_ADVERSE_EVENT, null, null, Instant.parse("2026-11-25T15:10:00Z"),
                        null),
                new SessionDischarged(UUID.randomUUID(), AT, PATIENT, plan, session, 1, AT),
                new SessionDeferred(UUID.randomUUID(), AT, PATIENT, plan, UUID.randomUUID(), 2,
                        DeferralReason.D2_BP_TOO_HIGH, Instant.parse("2026-11-25T16:40:00Z")),
                new SessionCancelled(UUID.randomUUID(), AT, PATIENT, plan, UUID.randomUUID(), 3,
                        CancellationReason.PATIENT_REQUEST, Instant.parse("2026-11-25T16:00:00Z")),
                new SessionNoShow(UUID.randomUUID(), AT, PATIENT, plan, UUID.randomUUID(), 4,
                        Instant.parse("2026-11-25T16:30:00Z")),
                new SessionRescheduled(UUID.randomUUID(), AT, PATIENT, plan, session, 2,
                        Instant.parse("2026-11-30T16:00:00Z"), Instant.parse("2026-12-01T17:00:00Z"),
                        Instant.parse("2026-12-01T18:55:00Z"), 2),
                AUDIT_READ,
                new AuditRecorded(UUID.randomUUID(), AT, "notification-service", "riverside-psychiatry-client", null,
                        List.of("PARTNER"), AuditAction.UPDATE, "POST",
                        "/api/partner/subscriptions/{subscriptionId}/rotate-secret", List.of(), 200, null, null),
                new AuditChainHead(UUID.randomUUID(), AT, "clinic-ops", 1042,
                        "c41a0f5e3d9b8a7c6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a2918f0e"),
                new AuditChainHead(UUID.randomUUID(), AT, "clinic-ops", 0, "0".repeat(64)));
    }

    /** 0.5 mg/kg at 71.5 kg is 35.8 mg (CLINICAL D-4), given in full over an elevated pre-dose BP's override. */
    private static DoseAdministered ivDose(UUID plan, UUID session, BigDecimal doseMg) {
        return new DoseAdministered(UUID.randomUUID(), AT, PATIENT, plan, session, 1,
                Protocol.IV_KETAMINE_DEPRESSION, new BigDecimal("0.5"), doseMg, doseMg,
                Instant.parse("2026-11-25T15:20:00Z"), Instant.parse("2026-11-25T16:00:00Z"),
                Instant.parse("2026-11-25T17:00:00Z"), "dr-okafor", List.of(DoseOverrideRule.D3_ELEVATED_BP));
    }

    @Test
    void everyEventTypeHasASample() {
        assertThat(samples().map(EventType::of).distinct()).containsExactlyInAnyOrderElementsOf(EventType.ALL);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serializedEventMatchesItsSchema(PublishedEvent event) throws IOException {
        EventType<?> type = EventType.of(event);
        String body = json.writeValueAsString(event);

        List<Error> errors = schema(type).validate(body, InputFormat.JSON);

        assertThat(errors).as(body).isEmpty();
        JsonNode tree = json.readTree(body);
        if (event instanceof ClinicEvent clinical) {
            assertThat(tree.get("eventId").asString()).isEqualTo(clinical.eventId().toString());
            assertThat(tree.get("occurredAt").asString()).isEqualTo("2026-11-25T17:00:00Z");
            assertThat(tree.get("patientId").asString()).isEqualTo(PATIENT.toString());
        }
    }

    /** An audit record travels with exactly the members of the trail's record that its appender does not assign. */
    @Test
    void anAuditRecordIsTheTrailsRecordWithoutWhatTheAppenderAssigns() {
        JsonNode tree = json.readTree(json.writeValueAsString(AUDIT_READ));

        assertThat(tree.propertyNames()).containsExactly("auditId", "at", "service", "actor", "clientId", "roles",
                "action", "method", "route", "patientIds", "outcome", "sourceIp", "correlationId");
        assertThat(tree.get("at").asString()).isEqualTo("2026-11-25T17:00:00.114Z");
        assertThat(tree.get("patientIds").get(0).asString()).isEqualTo(PATIENT.toString());
        assertThat(tree.get("outcome").isInt()).isTrue();
        assertThat(AUDIT_READ.eventId()).isEqualTo(AUDIT_READ.auditId());
        assertThat(AUDIT_READ.key()).isEqualTo(AUDIT_READ.auditId().toString());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void deserializingTheJsonGivesTheSameEvent(PublishedEvent event) {
        String body = json.writeValueAsString(event);

        assertThat(json.readValue(body, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void schemaDeclaresExactlyTheRecordsMembers(PublishedEvent event) throws IOException {
        JsonNode schema = json.readTree(read(EventType.of(event).schemaResource()));

        assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(event.getClass().getRecordComponents()).map(RecordComponent::getName).toList());
    }

    /** Consumers ignore members they do not know yet, so adding an optional member never breaks an old consumer. */
    @ParameterizedTest
    @MethodSource("samples")
    void anAddedMemberStillMatchesTheSchemaAndStillReads(PublishedEvent event) throws IOException {
        EventType<?> type = EventType.of(event);
        Map<String, Object> withExtra = json.readValue(json.writeValueAsString(event), Map.class);
        withExtra.put("addedInALaterRelease", 3);
        String body = json.writeValueAsString(withExtra);

        assertThat(schema(type).validate(body, InputFormat.JSON)).isEmpty();
        assertThat(json.readValue(body, event.getClass())).isEqualTo(event);
    }

    /** A session announced before boosters existed reads as a session of its series, not as a booster. */
    @Test
    void aSessionScheduledWithoutTheBoosterMemberIsASeriesSession() {
        Map<String, Object> body = json.readValue(json.writeValueAsString(new SessionScheduled(UUID.randomUUID(), AT,
                PATIENT, UUID.randomUUID(), UUID.randomUUID(), Protocol.IV_KETAMINE_DEPRESSION, 2,
                Instant.parse("2026-11-30T16:00:00Z"), Instant.parse("2026-11-30T17:55:00Z"), 1)), Map.class);
        body.remove("booster");

        assertThat(json.readValue(json.writeValueAsString(body), SessionScheduled.class).booster()).isFalse();
    }

    /** A dose travels as the decimal D-4 rounds to: a JSON number, never a string or a double's 35.0999... */
    @Test
    void aDoseIsAJsonNumberWithExactlyItsDecimals() {
        String body = json.writeValueAsString(ivDose(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("35.1")));

        assertThat(json.readTree(body).get("doseMg").isNumber()).as(body).isTrue();
        assertThat(body).containsPattern("\"doseMg\":35\\.1[,}]");
        assertThat(json.readValue(body, DoseAdministered.class).doseMg()).isEqualTo(new BigDecimal("35.1"));
    }

    /**
     * What the contract rules out the schema refuses, so a consumer can rely on it: the nulls both ways, a dose as a
     * string, a repeated override, free text for a staff id.
     */
    @ParameterizedTest
    @MethodSource("contractBreaches")
    void theSchemaRefusesABodyThatBreaksTheContract(PublishedEvent event, String member, Object value) throws IOException {
        Map<String, Object> body = json.readValue(json.writeValueAsString(event), Map.class);
        body.put(member, value);

        assertThat(schema(EventType.of(event)).validate(json.writeValueAsString(body), InputFormat.JSON))
                .as(member + " = " + value).isNotEmpty();
    }

    static Stream<Arguments> contractBreaches() {
        List<PublishedEvent> all = samples().toList();
        PublishedEvent iv = all.stream().filter(e -> e instanceof DoseAdministered d
                && d.protocol() == Protocol.IV_KETAMINE_DEPRESSION).findFirst().orElseThrow();
        PublishedEvent esketamine = all.stream().filter(e -> e instanceof DoseAdministered d
                && d.protocol() == Protocol.ESKETAMINE_NASAL).findFirst().orElseThrow();
        PublishedEvent reading = all.stream().filter(e -> e instanceof SafetyAlertRaised a
                && a.code() == SafetyAlertCode.SYSTOLIC_HIGH).findFirst().orElseThrow();
        PublishedEvent seriousAdverseEvent = all.stream().filter(e -> e instanceof SafetyAlertRaised a
                && a.code() == SafetyAlertCode.SERIOUS_ADVERSE_EVENT).findFirst().orElseThrow();
        return Stream.of(
                arguments(iv, "orderedMgPerKg", null),
                arguments(esketamine, "orderedMgPerKg", 0.5),
                arguments(iv, "doseMg", "35.8"),
                arguments(iv, "overrides", List.of("D3_ELEVATED_BP", "D3_ELEVATED_BP")),
                arguments(iv, "prescriberId", "dr okafor, called at 15:40"),
                arguments(reading, "value", null),
                arguments(reading, "threshold", null),
                arguments(seriousAdverseEvent, "value", 120),
                arguments(seriousAdverseEvent, "threshold", 180),
                arguments(AUDIT_READ, "action", "VIEWED"),
                arguments(AUDIT_READ, "outcome", "200"),
                arguments(AUDIT_READ, "patientIds", List.of("Jane Doe")),
                arguments(AUDIT_READ, "route", "/api/patients/511c8ebc?name=Jane Doe"),
                arguments(AUDIT_READ, "actor", "Jane Doe <jane@example.org>"));
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
            assertThat(type.topic()).isIn(Topics.SCREENINGS, Topics.SESSIONS, Topics.AUDIT, Topics.AUDIT_HEADS);
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
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            JsonNode alternatives = node.get(combinator);
            if (alternatives != null) {
                alternatives.values().forEach(alternative -> collectPropertyNames(alternative, names));
            }
        }
        for (String branch : List.of("if", "then", "else")) {
            JsonNode conditional = node.get(branch);
            if (conditional != null) {
                collectPropertyNames(conditional, names);
            }
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
