package org.clinicops.support.testing;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.clinicops.support.apidocs.DocumentedBody;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's OpenAPI document ({@code /v3/api-docs}) cannot drift from the running service: every route it serves
 * under {@code /api} and {@code /internal} is an operation of the document and nothing else is, every row of the
 * access matrix the service owns is one, each body the service reads is documented with the schema its reader's
 * checks describe, and each documented example is valid against that schema. A service's {@code ApiDocumentTests}
 * extends this with its test configuration and says how the document is fetched.
 */
public abstract class ApiDocumentContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Autowired
    List<RequestMappingInfoHandlerMapping> mappings;

    /** The service's name, as the access matrix's {@code owner} names it. */
    protected abstract String service();

    /** The body of {@code GET path} with a valid token (any role may read the document). */
    protected abstract String get(String path);

    /** {@link #get} through the whole filter chain of a MockMvc test, with a partner's token (any role may). */
    protected static String get(MockMvcTester mvc, String path) {
        MvcTestResult result = mvc.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.partner("riverside-psychiatry").bearer()).exchange();
        assertThat(result).hasStatusOk();
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    public void theDocumentIsOpenApi31_andEveryRouteTakesTheIssuersBearerToken() {
        JsonNode document = document();

        assertThat(document.get("openapi").asString()).startsWith("3.1.");
        assertThat(document.at("/components/securitySchemes/clinic-token/scheme").asString()).isEqualTo("bearer");
        assertThat(document.get("security").valueStream().map(requirement -> requirement.has("clinic-token")))
                .containsExactly(true);
    }

    @Test
    public void everyRouteOfTheServiceIsAnOperationOfTheDocument_andEveryOperationIsARoute() {
        List<String> documented = operations(document());
        List<String> served = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/api/") || pattern.startsWith("/internal/")) {
                        info.getMethodsCondition().getMethods().forEach(method -> served.add(method + " " + pattern));
                    }
                }
            }
        }

        assertThat(served).as("routes the service serves that its document lacks")
                .allSatisfy(route -> assertThat(documented).anySatisfy(operation -> assertThat(
                        matches(route, operation)).as(operation).isTrue()));
        assertThat(documented).as("operations of the document the service does not serve")
                .allSatisfy(operation -> assertThat(served).anySatisfy(route -> assertThat(
                        matches(route, operation)).as(route).isTrue()));
    }

    @Test
    public void everyRowOfTheAccessMatrixTheServiceOwnsIsAnOperation() {
        List<String> documented = operations(document());

        assertThat(AccessMatrixProbe.matrixRows().stream()
                .filter(row -> row.get("owner").asString().equals(service()))
                .filter(row -> !row.get("path").asString().startsWith("/actuator")
                        && !row.get("path").asString().startsWith("/v3/api-docs"))
                .map(row -> row.get("method").asString() + " " + row.get("path").asString()))
                .isNotEmpty().allSatisfy(row -> assertThat(documented).contains(row));
    }

    @Test
    public void everyBodyTheServiceReadsIsDocumented_withItsReadersSchema() {
        JsonNode document = document();
        List<String> undocumented = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                boolean readsABody = Arrays.stream(entry.getValue().getMethodParameters())
                        .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
                boolean documentedBody = Arrays.stream(entry.getValue().getMethodParameters())
                        .anyMatch(parameter -> parameter.hasParameterAnnotation(DocumentedBody.class));
                if (readsABody && !documentedBody && isTheClinics(entry.getKey())
                        && !servesEveryAction(entry.getKey())) {
                    undocumented.add(entry.getKey().toString());
                }
            }
        }
        assertThat(undocumented).as("handlers reading a body without @DocumentedBody").isEmpty();

        for (JsonNode body : requestBodies(document)) {
            JsonNode schema = body.at("/content/application~1json/schema");
            assertThat(references(schema)).as(body.toString()).isNotEmpty().allSatisfy(reference -> assertThat(
                    document.at(reference.substring(1)).isObject()).as(reference).isTrue());
        }
    }

    @TestFactory
    public Stream<DynamicTest> everyDocumentedExampleIsValidAgainstItsSchema() {
        JsonNode document = document();
        return requestBodies(document).stream().map(body -> DynamicTest.dynamicTest(
                body.at("/content/application~1json/example").toString(), () -> {
                    JsonNode json = body.at("/content/application~1json");
                    String schema = resolved(document, json.get("schema")).toString();
                    assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                            .getSchema(schema, InputFormat.JSON)
                            .validate(json.get("example").toString(), InputFormat.JSON)).isEmpty();
                }));
    }

    /** A route of the clinic's API, not one of the actuator's. */
    private static boolean isTheClinics(RequestMappingInfo info) {
        return info.getPatternValues().stream()
                .anyMatch(pattern -> pattern.startsWith("/api/") || pattern.startsWith("/internal/"));
    }

    /** A handler taking {@code {action}} in its path is documented one operation per action (its own bodies). */
    private static boolean servesEveryAction(RequestMappingInfo info) {
        return info.getPatternValues().stream().anyMatch(pattern -> pattern.endsWith("/{action}"));
    }

    private JsonNode document() {
        return JSON.readTree(get("/v3/api-docs"));
    }

    private static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(method -> METHODS.contains(method.getKey()))
                .forEach(method -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }

    private static List<JsonNode> requestBodies(JsonNode document) {
        List<JsonNode> bodies = new ArrayList<>();
        document.get("paths").valueStream().forEach(path -> path.properties().stream()
                .filter(method -> METHODS.contains(method.getKey()) && method.getValue().has("requestBody"))
                .forEach(method -> bodies.add(method.getValue().get("requestBody"))));
        return bodies;
    }

    /** The {@code $ref}s of a body's schema: itself, or each of its {@code oneOf}. */
    private static List<String> references(JsonNode schema) {
        Stream<JsonNode> alternatives = schema.has("oneOf") ? schema.get("oneOf").valueStream() : Stream.of(schema);
        return alternatives.map(alternative -> alternative.path("$ref").asString("")).toList();
    }

    /** The schema with its component references replaced by the components (which refer to nothing further). */
    private static JsonNode resolved(JsonNode document, JsonNode schema) {
        if (schema.has("oneOf")) {
            var oneOf = JSON.createObjectNode();
            var alternatives = oneOf.putArray("oneOf");
            references(schema).forEach(reference -> alternatives.add(document.at(reference.substring(1))));
            return oneOf;
        }
        return document.at(schema.get("$ref").asString().substring(1));
    }

    private static boolean matches(String route, String operation) {
        String[] served = route.split(" ", 2);
        String[] documented = operation.split(" ", 2);
        if (!served[0].equals(documented[0])) {
            return false;
        }
        PathPattern pattern = PathPatternParser.defaultInstance.parse(served[1]);
        return served[1].equals(documented[1])
                || pattern.matches(PathContainer.parsePath(AccessMatrixProbe.sample(documented[1])));
    }
}
