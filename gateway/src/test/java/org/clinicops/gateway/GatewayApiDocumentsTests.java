package org.clinicops.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.gateway.GatewayClient.body;

/**
 * The clinic's API documents at the gateway: each service's own as it serves it, and all of them as one, fetched
 * with the caller's token; a component two services define differently is kept for each, and a service that
 * cannot answer is a 503 naming it rather than a document with its routes missing.
 */
@GatewayTest
class GatewayApiDocumentsTests {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void servicesServeTheirDocuments() {
        gateway = new GatewayClient(port);
        LoopbackBackends.intake.answer("GET", "/v3/api-docs", 200, JSON, document("/api/patients", "Vitals",
                "{\"type\": \"object\", \"required\": [\"systolic\"]}"));
        LoopbackBackends.session.answer("GET", "/v3/api-docs", 200, JSON, document("/api/sessions", "Vitals",
                "{\"type\": \"object\", \"required\": [\"spo2\"]}"));
        LoopbackBackends.notification.answer("GET", "/v3/api-docs", 200, JSON, document("/api/alerts", "Problem",
                "{\"type\": \"object\"}"));
        LoopbackBackends.audit.answer("GET", "/v3/api-docs", 200, JSON, document("/api/audit", "Problem",
                "{\"type\": \"object\"}"));
    }

    @Test
    void theCombinedDocumentHasEveryServicesRoutes_andKeepsEachOfTwoDifferentComponentsOfOneName() {
        HttpResponse<String> answer = gateway.get("/v3/api-docs");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode combined = body(answer);
        assertThat(combined.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(combined.get("paths").propertyNames()).containsExactlyInAnyOrder("/api/patients", "/api/sessions",
                "/api/alerts", "/api/audit");
        assertThat(combined.at("/components/schemas").propertyNames())
                .containsExactlyInAnyOrder("Vitals", "session-service.Vitals", "Problem");
        assertThat(combined.at("/paths/~1api~1sessions/post/requestBody/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/session-service.Vitals");
        assertThat(combined.at("/components/schemas/session-service.Vitals/required/0").asString()).isEqualTo("spo2");
    }

    @Test
    void eachServicesDocumentIsServedAsItIs_anUnknownServiceIs404() {
        assertThat(body(gateway.get("/v3/api-docs/session-service")).get("paths").propertyNames())
                .containsExactly("/api/sessions");
        assertThat(gateway.get("/v3/api-docs/billing-service").statusCode()).isEqualTo(404);
    }

    @Test
    void aServiceThatCannotAnswer_makesA503NamingIt() {
        LoopbackBackends.audit.answer("GET", "/v3/api-docs", 500, JSON, "{}");

        HttpResponse<String> answer = gateway.get("/v3/api-docs");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(body(answer).get("detail").asString()).contains("audit-service");
    }

    @Test
    void withoutATokenTheDocumentsAre401() {
        assertThat(gateway.send(gateway.anonymous("/v3/api-docs").GET()).statusCode()).isEqualTo(401);
    }

    private static String document(String path, String schema, String definition) {
        return """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "v1"}, "security": [{"clinic-token": []}],
                 "paths": {"%s": {"post": {"requestBody": {"content": {"application/json": {"schema":
                   {"$ref": "#/components/schemas/%s"}}}}}}},
                 "components": {"schemas": {"%s": %s}}}""".formatted(path, schema, schema, definition);
    }
}
