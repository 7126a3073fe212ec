package org.clinicops.support.request;

import tools.jackson.databind.JsonNode;

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
 */
public final class JsonField {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonFields fields;
    private final String path;
    private final JsonNode node;

    JsonField(JsonFields fields, String path, JsonNode node) {
        this.fields = fields;
        this.path = path;
        this.node = node;
    }

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public JsonField field(String name) {
        JsonNode child = node != null && node.isObject() ? node.get(name) : null;
        return new JsonField(fields, path.isEmpty() ? name : path + "." + name, child);
    }

    /** Absent, or JSON null. */
    public boolean isAbsent() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    public boolean hasError() {
        return fields.hasErrorAt(path);
    }

    public void reject(String message) {
        fields.add(path, message);
    }

    /** True when this is a JSON object; records "is required" or "must be an object" otherwise. */
    public boolean requireObject() {
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

    /** The items of a required JSON array, each a field of its own; null (and a problem recorded) otherwise. */
    public List<JsonField> requiredArray() {
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        return array();
    }

    /** The items of an optional JSON array; null when absent, or when not an array (a problem recorded). */
    public List<JsonField> optionalArray() {
        return isAbsent() ? null : array();
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

    /** A required JSON number greater than zero. */
    public Double requiredPositiveNumber() {
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
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        return positiveDecimal();
    }

    public BigDecimal optionalPositiveDecimal() {
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
        return isAbsent() ? null : requiredBoolean();
    }

    /** An optional instant, ISO-8601 with {@code Z} or an offset; a local time without one is refused. */
    public Instant optionalInstant() {
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
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        return date();
    }

    public LocalDate optionalDate() {
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
        if (isAbsent()) {
            reject("is required");
            return null;
        }
        return enumValue(type);
    }

    public <E extends Enum<E>> E optionalEnum(Class<E> type) {
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
