package org.clinicops.support.request;

import org.clinicops.support.web.FieldError;
import org.clinicops.support.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSON request body field by field and collects every problem, so one 422 names every bad field (Jackson
 * binding would stop at the first). Read values through {@link #field(String)} and the {@link JsonField}s it leads
 * to, then call {@link #throwIfInvalid()} before using them: a value read from an invalid field is null. On the body
 * of a {@link RequestSchema} the same calls describe what they accept instead.
 */
public final class JsonFields {

    private final List<FieldError> errors = new ArrayList<>();
    private final JsonField root;
    private final boolean describing;

    public JsonFields(JsonNode body) {
        if (body instanceof RequestSchema.DescribedBody described) {
            this.describing = true;
            this.root = JsonField.describing(this, described.schema);
        } else {
            this.describing = false;
            this.root = new JsonField(this, "", body);
        }
    }

    public JsonField field(String name) {
        return root.field(name);
    }

    /** The value of a body whose one required member is an enum, {@code {"decision": "STOP"}}; else a 422 naming it. */
    public static <E extends Enum<E>> E requiredEnum(JsonNode body, String name, Class<E> type) {
        JsonFields fields = new JsonFields(body);
        E value = fields.field(name).requiredEnum(type);
        fields.throwIfInvalid();
        return value;
    }

    /** Whether a problem has been recorded at {@code path} (exactly). */
    public boolean hasErrorAt(String path) {
        return errors.stream().anyMatch(error -> error.field().equals(path));
    }

    public void throwIfInvalid() {
        if (describing) {
            throw new RequestSchema.DescriptionComplete();
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    void add(String path, String message) {
        errors.add(new FieldError(path, message));
    }
}
