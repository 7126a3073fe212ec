package org.clinicops.support.request;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One place in a request body, named by its path ({@code instruments.phq9[8]}: dotted, 0-based brackets, no root
 * prefix). The readers take the JSON type literally: a string where a boolean is needed, {@code 2.5} or {@code true}
 * where an integer is needed, a number where a string is needed are all problems recorded at this path, never
 * coerced. Each reader returns null when the value is absent or invalid; "required" readers record absence too.
 * <p>
 * While a {@link RequestSchema} describes a reader, the same calls record the JSON Schema of what they accept
 * instead (type, range, required), so the API document is the checks themselves and cannot drift from them.
 */
public final class JsonField {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonFields fields;
    private final String path;
    private final JsonNode node;
    /** While describing ({@link RequestSchema}): where this field's schema goes; null while checking a body. */
    private final Described described;

    JsonField(JsonFields fields, String path, JsonNode node) {
        this(fields, path, node, null);
    }

    private JsonField(JsonFields fields, String path, JsonNode node, Described described) {
        this.fields = fields;
        this.path = path;
        this.node = node;
        this.described = described;
    }

    /** A described field: its own schema, and the object schema whose {@code required} list names it (if any). */
    record Described(ObjectNode schema, ObjectNode parent, String name) {

        static Described root(ObjectNode schema) {
            return new Described(schema, null, null);
        }

        Described property(String property) {
            if (!schema.has("type")) {
                schema.put("type", "object"); // an optional object has said so already, with its null
            }
            ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties")
                    : schema.putObject("properties");
            ObjectNode own = properties.has(property) ? (ObjectNode) properties.get(property)
                    : properties.putObject(property);
            return new Described(own, schema, property);
        }

        Described items() {
            return new Described(schema.has("items") ? (ObjectNode) schema.get("items") : schema.putObject("items"),
                    null, null);
        }

        /** Records the field's JSON Schema type, and that it is required; an optional field also accepts null. */
        ObjectNode is(String type, boolean required) {
            if (required) {
                schema.put("type", type);
                if (parent != null) {
                    ArrayNode names = parent.has("required") ? (ArrayNode) parent.get("required")
                            : parent.putArray("required");
                    if (names.valueStream().noneMatch(existing -> existing.asString().equals(name))) {
                        names.add(name);
                    }
                }
            } else {
                schema.putArray("type").add(type).add("null");
            }
            return schema;
        }
    }

    static JsonField describing(JsonFields fields, ObjectNode schema) {
        return new JsonField(fields, "", null, Described.root(schema));
    }

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public JsonField field(String name) {
        if (described != null) {
            return new JsonField(fields, name, null, described.property(name));
        }
        JsonNode child = node != null && node.isObject() ? node.get(name) : null;
        return new JsonField(fields, path.isEmpty() ? name : path + "." + name, child);
    }

    /** Absent, or JSON null. */
    public boolean isAbsent() {
        return described == null && (node == null || node.isMissingNode() || node.isNull());
    }

    public boolean hasError() {
        return fields.hasErrorAt(path);
    }

    public void reject(String message) {
        if (described != null) {
            return;
        }
        fields.add(path, message);
    }

    /** True when this is a JSON object; records "is required" or "must be an object" otherwise. */
    public boolean requireObject() {
        if (described != null) {
            described.is("object", true);
            return true;
        }
        if (isAbsent()) {
            reject("is required");
            return false;
        }
        if (!node.isObject()) {
            reject("must be an object");
            return false;
        }
        return true;
    }

    /** True when this is a JSON object; false when absent (nothing recorded) or not an object (recorded). */
    public boolean optionalObject() {
        if (described != null) {
            described.is("object", false);
            return true;
        }
        if (isAbsent()) {
            return false;
        }
        if (!node.isObject()) {
            reject("must be an object");
            return false;
        }
        return true;
    }

    /** The items of a required JSON array, each a field of its own; null (and a problem recorded) otherwise. */
    public List<JsonField> requiredArray() {
        if (described != null) {
            return describedArray(true);
        }
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        return array();
    }

    /** The items of an optional JSON array; null when absent, or when not an array (a problem recorded). */
    public List<JsonField> optionalArray() {
        if (described != null) {
            return describedArray(false);
        }
        return isAbsent() ? null : array();
    }

    /** The items of a required JSON array of exactly {@code size} items; null (and a problem recorded) otherwise. */
    public List<JsonField> requiredArray(int size) {
        return sized(requiredArray(), true, size);
    }

    /** The items of an optional JSON array of exactly {@code size} items; null when absent or not so. */
    public List<JsonField> optionalArray(int size) {
        return sized(optionalArray(), false, size);
    }

    private List<JsonField> sized(List<JsonField> items, boolean required, int size) {
        if (described != null) {
            described.is("array", required).put("minItems", size).put("maxItems", size);
            return items;
        }
        if (items != null && items.size() != size) {
            reject("must have exactly " + size + " items, not " + items.size());
            return null;
        }
        return items;
    }

    /** One item, so that a reader's loop describes the items' schema. */
    private List<JsonField> describedArray(boolean required) {
        described.is("array", required);
        return List.of(new JsonField(fields, path + "[]", null, described.items()));
    }

    private List<JsonField> array() {
        if (!node.isArray()) {
            reject("must be an array");
            return null;
        }
        List<JsonField> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(new JsonField(fields, path + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    /** A required string, trimmed, not blank, at most {@code maxLength} characters. */
    public String requiredString(int maxLength) {
        if (described != null) {
            described.is("string", true).put("maxLength", maxLength).put("pattern", "\\S");
            return null;
        }
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        String value = string(maxLength);
        if (value != null && value.isEmpty()) {
            reject("must not be blank");
            return null;
        }
        return value;
    }

    /** An optional string, trimmed; absent, null or blank all mean "not given" (null). */
    public String optionalString(int maxLength) {
        if (described != null) {
            described.is("string", false).put("maxLength", maxLength);
            return null;
        }
        if (isAbsent()) {
            return null;
        }
        String value = string(maxLength);
        return value == null || value.isEmpty() ? null : value;
    }

    private String string(int maxLength) {
        if (!node.isString()) {
            reject("must be a string");
            return null;
        }
        String value = node.stringValue().trim();
        if (value.codePointCount(0, value.length()) > maxLength) {
            reject("must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    public Boolean requiredBoolean() {
        if (described != null) {
            described.is("boolean", true);
            return null;
        }
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        if (!node.isBoolean()) {
            reject("must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    /** A required JSON integer (no fraction, not a string or boolean) from {@code min} to {@code max}. */
    public Integer requiredInteger(int min, int max) {
        if (described != null) {
            ObjectNode schema = described.is("integer", true).put("minimum", min);
            if (max != Integer.MAX_VALUE) {
                schema.put("maximum", max);
            }
            return null;
        }
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        String range = max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
        if (!node.isIntegralNumber()) {
            reject("must be " + range);
            return null;
        }
        BigInteger value = node.bigIntegerValue();
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            reject("must be " + range);
            return null;
        }
        return value.intValueExact();
    }

    /** An optional JSON integer from {@code min} to {@code max}; null when absent. */
    public Integer optionalInteger(int min, int max) {
        if (described != null) {
            ObjectNode schema = described.is("integer", false).put("minimum", min);
            if (max != Integer.MAX_VALUE) {
                schema.put("maximum", max);
            }
            return null;
        }
        return isAbsent() ? null : requiredInteger(min, max);
    }

    /** A required JSON number greater than zero. */
    public Double requiredPositiveNumber() {
        if (described != null) {
            described.is("number", true).put("exclusiveMinimum", 0);
            return null;
        }
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        if (!node.isNumber() || !(node.doubleValue() > 0) || Double.isInfinite(node.doubleValue())) {
            reject("must be a number greater than 0");
            return null;
        }
        return node.doubleValue();
    }

    /** A required JSON number greater than zero, exactly as written (see {@link JsonBodies}). */
    public BigDecimal requiredPositiveDecimal() {
        if (described != null) {
            described.is("number", true).put("exclusiveMinimum", 0);
            return null;
        }
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        return positiveDecimal();
    }

    public BigDecimal optionalPositiveDecimal() {
        if (described != null) {
            described.is("number", false).put("exclusiveMinimum", 0);
            return null;
        }
        return isAbsent() ? null : positiveDecimal();
    }

    private BigDecimal positiveDecimal() {
        if (!node.isNumber() || node.decimalValue().signum() <= 0) {
            reject("must be a number greater than 0");
            return null;
        }
        return node.decimalValue();
    }

    /** An optional JSON number >= 0, exactly as written. */
    public BigDecimal optionalNonNegativeDecimal() {
        if (described != null) {
            described.is("number", false).put("minimum", 0);
            return null;
        }
        if (isAbsent()) {
            return null;
        }
        if (!node.isNumber() || node.decimalValue().signum() < 0) {
            reject("must be a number >= 0");
            return null;
        }
        return node.decimalValue();
    }

    public Boolean optionalBoolean() {
        if (described != null) {
            described.is("boolean", false);
            return null;
        }
        return isAbsent() ? null : requiredBoolean();
    }

    /** A required instant, ISO-8601 with {@code Z} or an offset. */
    public Instant requiredInstant() {
        if (described != null) {
            described.is("string", true).put("format", "date-time");
            return null;
        }
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        return optionalInstant();
    }

    /** An optional instant, ISO-8601 with {@code Z} or an offset; a local time without one is refused. */
    public Instant optionalInstant() {
        if (described != null) {
            described.is("string", false).put("format", "date-time");
            return null;
        }
        if (isAbsent()) {
            return null;
        }
        if (node.isString()) {
            try {
                return OffsetDateTime.parse(node.stringValue()).toInstant();
            } catch (DateTimeParseException e) {
                // falls through
            }
        }
        reject("must be an instant such as 2026-11-26T17:05:00Z (with Z or an offset)");
        return null;
    }

    /** An optional id: a UUID in its usual hyphenated form. */
    public UUID optionalUuid() {
        if (described != null) {
            described.is("string", false).put("format", "uuid");
            return null;
        }
        if (isAbsent()) {
            return null;
        }
        if (node.isString() && UUID_FORM.matcher(node.stringValue()).matches()) {
            return UUID.fromString(node.stringValue());
        }
        reject("must be an id (a UUID)");
        return null;
    }

    public LocalDate requiredDate() {
        if (described != null) {
            described.is("string", true).put("format", "date");
            return null;
        }
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        return date();
    }

    public LocalDate optionalDate() {
        if (described != null) {
            described.is("string", false).put("format", "date");
            return null;
        }
        return isAbsent() ? null : date();
    }

    private LocalDate date() {
        if (node.isString() && ISO_DATE.matcher(node.stringValue()).matches()) {
            try {
                return LocalDate.parse(node.stringValue());
            } catch (DateTimeParseException e) {
                // falls through: a well-formed but impossible date such as 2026-02-30
            }
        }
        reject("must be a date YYYY-MM-DD");
        return null;
    }

    public <E extends Enum<E>> E requiredEnum(Class<E> type) {
        if (described != null) {
            ArrayNode names = described.is("string", true).putArray("enum");
            Arrays.stream(type.getEnumConstants()).forEach(constant -> names.add(constant.name()));
            return null;
        }
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        return enumValue(type);
    }

    public <E extends Enum<E>> E optionalEnum(Class<E> type) {
        if (described != null) {
            ArrayNode names = described.is("string", false).putArray("enum");
            Arrays.stream(type.getEnumConstants()).forEach(constant -> names.add(constant.name()));
            names.addNull();
            return null;
        }
        return isAbsent() ? null : enumValue(type);
    }

    private <E extends Enum<E>> E enumValue(Class<E> type) {
        if (node.isString()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(node.stringValue())) {
                    return constant;
                }
            }
        }
        reject("must be one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }
}
