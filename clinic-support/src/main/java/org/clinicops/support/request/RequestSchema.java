package org.clinicops.support.request;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/**
 * The JSON Schema (2020-12, the dialect of OpenAPI 3.1) of the request body a reader accepts, taken from the reader
 * itself: it is run on a body that records each field the reader asks {@link JsonFields} for (its type, range, and
 * whether it is required) instead of checking one. So the API document and the 422s come from the same calls and
 * cannot disagree. Rules between fields or against stored state (a diastolic below the systolic, a booster interval
 * the protocol allows) stay the reader's and answer 422 all the same, but are not in the schema; a field a reader
 * needs only in some cases (the PCL-5 for PTSD) is described as optional.
 */
public final class RequestSchema {

    private RequestSchema() {
    }

    /**
     * The schema of what {@code reader} accepts. The reader sees null for every value it reads and stops where it
     * calls {@link JsonFields#throwIfInvalid()}, as it does before using them.
     */
    public static ObjectNode of(Consumer<JsonNode> reader) {
        DescribedBody body = new DescribedBody();
        try {
            reader.accept(body);
        } catch (DescriptionComplete complete) {
            // the reader asked whether its fields were valid: everything it reads has been recorded
        }
        return body.schema;
    }

    /** The body handed to a reader being described; {@link JsonFields} records into its schema. */
    static final class DescribedBody extends ObjectNode {

        final ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");

        DescribedBody() {
            super(JsonNodeFactory.instance);
        }
    }

    /** Thrown by {@link JsonFields#throwIfInvalid()} while describing, so no reader goes on with null values. */
    static final class DescriptionComplete extends RuntimeException {

        DescriptionComplete() {
            super("described", null, false, false);
        }
    }
}
