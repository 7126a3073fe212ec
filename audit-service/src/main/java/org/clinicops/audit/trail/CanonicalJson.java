package org.clinicops.audit.trail;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Canonicalization Scheme (RFC 8785), which the chain's hashes are computed over: object members sorted by
 * their names' UTF-16 code units, no whitespace, strings with only the escapes JSON requires, numbers as ECMAScript
 * writes a double. No library for it is served to this build; records are small trees of strings, integers, string
 * arrays and nulls, but this handles any JSON.
 */
public final class CanonicalJson {

    private static final BigInteger LARGEST_EXACT = BigInteger.TWO.pow(53);

    private CanonicalJson() {
    }

    public static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            // String.compareTo compares UTF-16 code units, as RFC 8785 section 3.2.3 asks
            names.sort(String::compareTo);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.asString(), out);
        } else if (node.isIntegralNumber() && node.bigIntegerValue().abs().compareTo(LARGEST_EXACT) <= 0) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(number(node.doubleValue()));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("Not JSON: " + node.getNodeType());
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * ECMAScript's Number.prototype.toString (ECMA-262 section 7.1.12.1), which RFC 8785 section 3.2.2.3 prescribes:
     * the fewest significant digits that still read back as the same double, the closest such if there are several.
     */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Math.abs(value));
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == Math.abs(value)) {
                shortest = rounded.stripTrailingZeros();
                break;
            }
        }
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        // the value is 0.<digits> x 10^n
        int n = k - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent > 0 ? "+" : "-") + Math.abs(exponent);
    }
}
