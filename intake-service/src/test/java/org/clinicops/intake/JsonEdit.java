package org.clinicops.intake;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A request body edited by JSON Pointer, for tests that change one thing in a contract example. */
public final class JsonEdit {

    private final JsonNode root;

    private JsonEdit(String json) {
        this.root = IntakeHttp.parse(json);
    }

    public static JsonEdit of(String json) {
        return new JsonEdit(json);
    }

    /** Sets the value at {@code pointer} (e.g. {@code /instruments/phq9/8}) to a JSON literal ({@code "4"}, {@code "\"yes\""}). */
    public JsonEdit set(String pointer, String jsonLiteral) {
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = root.at(path.head());
        JsonNode value = IntakeHttp.parse(jsonLiteral);
        if (parent instanceof ArrayNode array) {
            int index = path.last().getMatchingIndex();
            if (index == array.size()) {
                array.add(value);
            } else {
                array.set(index, value);
            }
        } else {
            ((ObjectNode) parent).set(path.last().getMatchingProperty(), value);
        }
        return this;
    }

    public JsonEdit remove(String pointer) {
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = root.at(path.head());
        if (parent instanceof ArrayNode array) {
            array.remove(path.last().getMatchingIndex());
        } else {
            ((ObjectNode) parent).remove(path.last().getMatchingProperty());
        }
        return this;
    }

    public String json() {
        return root.toString();
    }

    @Override
    public String toString() {
        return json();
    }
}
