package org.clinicops.gateway.apidocs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services' OpenAPI documents merged into one: every path of each (the services own disjoint routes), and each
 * component once. A component two services define differently (two schemas of one name) is kept under the second
 * service's name as a prefix ({@code session-service.Vitals}), its references rewritten, so nothing is lost.
 */
final class CombinedApiDocument {

    private static final String SCHEMAS = "#/components/";

    private final JsonMapper json;
    private final ObjectNode combined;
    private final ObjectNode paths;
    private final ObjectNode components;

    CombinedApiDocument(JsonMapper json, String description) {
        this.json = json;
        this.combined = json.createObjectNode();
        combined.put("openapi", "3.1.0");
        combined.putObject("info").put("title", "clinic-ops").put("version", "v1").put("description", description);
        this.paths = combined.putObject("paths");
        this.components = combined.putObject("components");
    }

    /** Adds one service's document. */
    CombinedApiDocument add(String service, JsonNode document) {
        JsonNode renamed = renameClashes(service, document);
        renamed.path("paths").properties().forEach(path -> {
            JsonNode item = paths.get(path.getKey());
            (item == null ? paths.putObject(path.getKey()) : (ObjectNode) item).setAll((ObjectNode) path.getValue());
        });
        renamed.path("components").properties().forEach(section -> {
            JsonNode existing = components.get(section.getKey());
            ObjectNode into = existing == null ? components.putObject(section.getKey()) : (ObjectNode) existing;
            section.getValue().properties().forEach(component -> {
                if (!into.has(component.getKey())) {
                    into.set(component.getKey(), component.getValue());
                }
            });
        });
        if (!combined.has("security") && renamed.has("security")) {
            combined.set("security", renamed.get("security"));
        }
        return this;
    }

    ObjectNode document() {
        return combined;
    }

    /** The document with each component that clashes with one already combined under a prefixed name. */
    private JsonNode renameClashes(String service, JsonNode document) {
        Map<String, String> renames = new HashMap<>();
        document.path("components").properties().forEach(section -> section.getValue().properties()
                .forEach(component -> {
                    JsonNode existing = components.path(section.getKey()).get(component.getKey());
                    if (existing != null && !existing.equals(component.getValue())) {
                        renames.put(SCHEMAS + section.getKey() + "/" + component.getKey(),
                                SCHEMAS + section.getKey() + "/" + service + "." + component.getKey());
                    }
                }));
        if (renames.isEmpty()) {
            return document;
        }
        String text = json.writeValueAsString(document);
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            text = text.replace("\"" + rename.getKey() + "\"", "\"" + rename.getValue() + "\"");
        }
        ObjectNode renamed = (ObjectNode) json.readTree(text);
        Map<String, JsonNode> moved = new LinkedHashMap<>();
        renames.forEach((from, to) -> {
            String[] fromParts = from.substring(SCHEMAS.length()).split("/", 2);
            String[] toParts = to.substring(SCHEMAS.length()).split("/", 2);
            ObjectNode section = (ObjectNode) renamed.get("components").get(fromParts[0]);
            moved.put(fromParts[0] + "/" + toParts[1], section.remove(fromParts[1]));
        });
        moved.forEach((key, component) -> {
            String[] parts = key.split("/", 2);
            ((ObjectNode) renamed.get("components").get(parts[0])).set(parts[1], component);
        });
        return renamed;
    }
}
