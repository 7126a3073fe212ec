package org.clinicops.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas vendored under {@code src/test/resources/schemas} (see its README): the compose specification's,
 * Kubernetes' for the kinds the manifests use, KEDA's ScaledObject. Read from the class path only, never fetched.
 */
final class Schemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    /** The schema of each Kubernetes apiVersion and kind the manifests may use; any other kind is an error. */
    private static final Map<String, String> KUBERNETES = Map.of(
            "apps/v1 Deployment", "kubernetes/deployment-apps-v1.json",
            "v1 Service", "kubernetes/service-v1.json",
            "v1 ConfigMap", "kubernetes/configmap-v1.json",
            "v1 Secret", "kubernetes/secret-v1.json",
            "policy/v1 PodDisruptionBudget", "kubernetes/poddisruptionbudget-policy-v1.json",
            "autoscaling/v2 HorizontalPodAutoscaler", "kubernetes/horizontalpodautoscaler-autoscaling-v2.json",
            "keda.sh/v1alpha1 ScaledObject", "keda/scaledobject-keda-v1alpha1.json");

    static final String COMPOSE = "compose-spec.json";

    private Schemas() {
    }

    /** What is wrong with the document by the schema, one line each; empty when it is valid. */
    static List<String> violations(String schema, Object document) {
        List<Error> errors = LOADED.computeIfAbsent(schema, Schemas::load).validate(JSON.valueToTree(document));
        return errors.stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    static String kubernetes(Map<String, Object> manifest) {
        String kind = manifest.get("apiVersion") + " " + manifest.get("kind");
        String schema = KUBERNETES.get(kind);
        if (schema == null) {
            throw new IllegalArgumentException("No schema is vendored for " + kind + ": add it (see the schemas' README)");
        }
        return schema;
    }

    private static Schema load(String name) {
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No schema on the class path at /schemas/" + name);
            }
            // where the schema was read from is its base: the compose specification's $id is relative
            return REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/" + name),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
