package org.clinicops.support.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request clashes with the current state or a rule refuses it: 409. A refusal that programs act on carries a
 * {@code code} and the members a client needs to act (such as {@code unmet} or the time a rule allows it again),
 * which the problem body shows beside {@code detail}, in the order given.
 */
public class ConflictException extends RuntimeException {

    private final String code;
    private final Map<String, Object> properties;

    public ConflictException(String message) {
        this(null, message, Map.of());
    }

    public ConflictException(String code, String message, Map<String, ?> properties) {
        super(message);
        this.code = code;
        this.properties = new LinkedHashMap<>(properties);
    }

    /** The refusal's code for programs, or null for a plain conflict. */
    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
