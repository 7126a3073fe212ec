package org.clinicops.support.request;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.clinicops.support.web.FieldError;
import org.clinicops.support.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema of a request body is taken from its reader's own checks, so the API document cannot drift from what the
 * service accepts: for every body tried, the described schema (checked by a JSON Schema 2020-12 validator) and the
 * reader accept the same bodies and name the same bad fields.
 */
class RequestSchemaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(JSON.writeValueAsString(RequestSchema.of(RequestSchemaTests::readVisit)), InputFormat.JSON);

    enum Route { IV, INTRANASAL, IM }

    /** A reader using every kind of field: what a service's request reader looks like. */
    static void readVisit(JsonNode body) {
        JsonFields fields = new JsonFields(body);
        fields.field("route").requiredEnum(Route.class);
        fields.field("chair").optionalEnum(Route.class);
        fields.field("note").optionalString(20);
        fields.field("nurse").requiredString(10);
        fields.field("consentOnFile").requiredBoolean();
        fields.field("escort").optionalBoolean();
        fields.field("systolic").requiredInteger(1, 300);
        fields.field("weightKg").requiredPositiveDecimal();
        fields.field("score").optionalNonNegativeDecimal();
        fields.field("takenAt").optionalInstant();
        fields.field("sessionId").optionalUuid();
        fields.field("visitOn").requiredDate();
        JsonField vitals = fields.field("vitals");
        if (vitals.requireObject()) {
            vitals.field("spo2").requiredInteger(1, 100);
        }
        JsonField override = fields.field("override");
        if (override.optionalObject()) {
            override.field("reason").requiredString(50);
        }
        fields.field("scores").optionalArray(2);
        List<JsonField> items = fields.field("items").requiredArray();
        if (items != null) {
            items.forEach(item -> item.requiredInteger(0, 3));
        }
        fields.throwIfInvalid();
    }

    @Test
    void theSchemaNamesEachFieldWithItsTypeRangeAndWhetherItIsRequired() {
        JsonNode schema = RequestSchema.of(RequestSchemaTests::readVisit);

        assertThat(schema.get("type").asString()).isEqualTo("object");
        assertThat(schema.get("required").valueStream().map(JsonNode::asString)).containsExactly("route", "nurse",
                "consentOnFile", "systolic", "weightKg", "visitOn", "vitals", "items");
        JsonNode properties = schema.get("properties");
        assertThat(properties.get("route").get("enum").valueStream().map(JsonNode::asString))
                .containsExactly("IV", "INTRANASAL", "IM");
        assertThat(properties.get("systolic").get("minimum").asInt()).isEqualTo(1);
        assertThat(properties.get("systolic").get("maximum").asInt()).isEqualTo(300);
        assertThat(properties.get("note").get("type").valueStream().map(JsonNode::asString))
                .containsExactly("string", "null");
        assertThat(properties.get("takenAt").get("format").asString()).isEqualTo("date-time");
        assertThat(properties.at("/vitals/properties/spo2/maximum").asInt()).isEqualTo(100);
        assertThat(properties.at("/items/items/maximum").asInt()).isEqualTo(3);
        assertThat(properties.at("/override/type").valueStream().map(JsonNode::asString))
                .containsExactly("object", "null");
        assertThat(properties.at("/override/required/0").asString()).isEqualTo("reason");
        assertThat(properties.at("/scores/maxItems").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            """
            {"route": "IV", "nurse": "rn-lee", "consentOnFile": true, "systolic": 128, "weightKg": 71.5,
             "visitOn": "2026-11-26", "vitals": {"spo2": 98}, "items": [0, 3]}""",
            """
            {"route": "IM", "chair": null, "note": "fine", "nurse": "rn-lee", "consentOnFile": false, "escort": true,
             "systolic": 1, "weightKg": 0.1, "score": 0, "takenAt": "2026-11-26T17:05:00Z",
             "sessionId": "511c8ebc-a179-47da-9328-4d70d7623f92", "visitOn": "2026-11-26", "vitals": {"spo2": 1},
             "items": []}""",
            "{}",
            """
            {"route": "IV", "nurse": "rn-lee", "consentOnFile": true, "systolic": 128, "weightKg": 71.5,
             "visitOn": "2026-11-26", "vitals": {"spo2": 98}, "items": [], "override": {"reason": "seen"},
             "scores": [1, 2]}""",
            """
            {"route": "IV", "nurse": "rn-lee", "consentOnFile": true, "systolic": 128, "weightKg": 71.5,
             "visitOn": "2026-11-26", "vitals": {"spo2": 98}, "items": [], "override": {}, "scores": [1]}""",
            """
            {"route": "IV", "nurse": "rn-lee", "consentOnFile": true, "systolic": 128, "weightKg": 71.5,
             "visitOn": "2026-11-26", "vitals": {"spo2": 98}, "items": [], "override": "yes", "scores": null}""",
            """
            {"route": "iv", "chair": "ORAL", "note": 5, "nurse": "", "consentOnFile": "yes", "escort": 1,
             "systolic": 301, "weightKg": 0, "score": -1, "takenAt": 17, "sessionId": 3, "visitOn": 20261126,
             "vitals": [], "items": {}}""",
            """
            {"route": "INTRANASAL", "nurse": "rn-ortiz-the-second", "consentOnFile": true, "systolic": 2.5,
             "weightKg": "71", "visitOn": "2026-11-26", "vitals": {"spo2": 101}, "items": [4, "1", null]}""",
            """
            {"route": null, "nurse": null, "consentOnFile": null, "systolic": null, "weightKg": null,
             "visitOn": null, "vitals": null, "items": null}"""})
    void theSchemaAndTheReaderAcceptTheSameBodies_andNameTheSameBadFields(String body) {
        JsonNode tree = JSON.readTree(body);

        assertThat(fieldsTheSchemaRefuses(body)).as(body).isEqualTo(fieldsTheReaderRefuses(tree));
    }

    private static Set<String> fieldsTheReaderRefuses(JsonNode body) {
        try {
            readVisit(body);
            return Set.of();
        } catch (InvalidRequestException e) {
            return new TreeSet<>(e.errors().stream().map(FieldError::field).toList());
        }
    }

    /** The fields the schema's errors point at, in the readers' path form ({@code items[1]}, {@code vitals.spo2}). */
    private static Set<String> fieldsTheSchemaRefuses(String body) {
        Set<String> fields = new TreeSet<>();
        for (Error error : SCHEMA.validate(body, InputFormat.JSON)) {
            String at = path(error.getInstanceLocation().toString());
            fields.add("required".equals(error.getKeyword())
                    ? (at.isEmpty() ? "" : at + ".") + error.getProperty() : at);
        }
        return fields;
    }

    /** A JSON pointer ({@code /items/1}) as a field path ({@code items[1]}). */
    private static String path(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment);
            }
        }
        return path.toString();
    }
}
