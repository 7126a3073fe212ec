package org.clinicops.support.apidocs;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every service's OpenAPI document shares: the bearer token, the problem body of every refusal, and the request
 * bodies of {@link DocumentedBody} parameters, each with the schema its reader's checks describe and its example.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
public class ApiDocsAutoConfiguration {

    static final String TOKEN = "clinic-token";
    static final String PROBLEM = "Problem";
    /** The refusals any route may answer, as problem bodies (RFC 9457). */
    private static final Map<String, String> PROBLEMS = problems();

    /** After any service's own customizer, so that the routes it adds get the problem answers too. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    OpenApiCustomizer clinicApiDocument(ObjectProvider<RequestBodyDoc> bodies,
                                        @Value("${spring.application.name}") String application) {
        return openApi -> {
            openApi.info(new Info().title("clinic-ops " + application).version("v1").description(
                    "The routes of " + application + ". Every route takes an access token of the clinic's issuer "
                            + "(who may call which: docs/access.md); every refusal is an RFC 9457 problem body."));
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            Components components = openApi.getComponents();
            components.addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT"));
            openApi.addSecurityItem(new SecurityRequirement().addList(TOKEN));
            components.addSchemas(PROBLEM, read(PROBLEM_SCHEMA, Schema.class));
            bodies.orderedStream().forEach(body -> components.addSchemas(body.name(), schemaOf(body)));
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations()
                        .forEach(ApiDocsAutoConfiguration::answerProblems));
            }
        };
    }

    @Bean
    OperationCustomizer documentedBodies(ObjectProvider<RequestBodyDoc> bodies) {
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                DocumentedBody documented = parameter.getParameterAnnotation(DocumentedBody.class);
                if (documented != null) {
                    operation.requestBody(requestBody(bodies, documented.value()).required(documented.required()));
                }
            }
            return operation;
        };
    }

    /** The body of the {@link RequestBodyDoc} of that name as JSON, described by its schema, with its example. */
    public static RequestBody requestBody(ObjectProvider<RequestBodyDoc> bodies, String name) {
        RequestBodyDoc body = bodies.orderedStream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No RequestBodyDoc named " + name));
        return new RequestBody().required(true).content(new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + body.name()))
                        .example(read(body.example(), Object.class))));
    }

    private static Schema<?> schemaOf(RequestBodyDoc body) {
        return read(body.schema().toString(), Schema.class);
    }

    private static void answerProblems(Operation operation) {
        PROBLEMS.forEach((status, description) -> operation.getResponses().addApiResponse(status, new ApiResponse()
                .description(description).content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    }

    private static Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "A malformed id, query parameter or body (not JSON, not an object); the field is named");
        problems.put("401", "No token, or one that is invalid, expired or not meant for clinic-ops");
        problems.put("403", "The token's roles may not call this route");
        problems.put("404", "No such object, or one the caller may not see");
        problems.put("413", "A body over the size limit (64 KiB)");
        problems.put("422", "A well-formed request the rules refuse; errors names every bad field");
        problems.put("503", "A dependency (database, audit trail) is unavailable; nothing was done");
        return problems;
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json31.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String PROBLEM_SCHEMA = """
            {"type": "object", "required": ["type", "title", "status"],
             "description": "RFC 9457 problem details, with the clinic's members where they apply",
             "properties": {
               "type": {"type": "string", "format": "uri"},
               "title": {"type": "string"},
               "status": {"type": "integer"},
               "detail": {"type": "string"},
               "instance": {"type": "string"},
               "code": {"type": "string", "description": "the clinic's code, e.g. D8_OBSERVATION_NOT_OVER"},
               "unmet": {"type": "array", "items": {"type": "string"}, "description": "every rule not met"},
               "errors": {"type": "array", "description": "every bad field of a 400 or 422",
                 "items": {"type": "object", "required": ["field", "message"], "properties": {
                   "field": {"type": "string", "description": "its path, e.g. instruments.phq9[8]"},
                   "message": {"type": "string"}}}}}}""";
}
