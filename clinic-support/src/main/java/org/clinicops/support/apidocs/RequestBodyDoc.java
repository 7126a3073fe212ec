package org.clinicops.support.apidocs;

import org.clinicops.support.request.RequestSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/**
 * A request body as the API document shows it: the name of its schema, the reader that checks it (whose checks
 * are the schema) and an example. The API document tests run every example through its reader.
 *
 * @param reader  reads a body as the service does, throwing {@link org.clinicops.support.web.InvalidRequestException}
 *                naming every bad field
 * @param example a body the reader accepts, as a clinic's tool would send it
 */
public record RequestBodyDoc(String name, Consumer<JsonNode> reader, String example) {

    public ObjectNode schema() {
        return RequestSchema.of(reader);
    }
}
