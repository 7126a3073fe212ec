package org.clinicops.gateway.apidocs;

import org.clinicops.gateway.GatewayProperties;
import org.clinicops.support.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clinic's API documents through the gateway: each service's OpenAPI document as the service serves it
 * ({@code /v3/api-docs/<service>}), and all of them as one ({@code /v3/api-docs}). Each is fetched from its
 * service with the caller's own token, so the gateway needs no credentials of its own and the service's own rules
 * apply; a service that cannot answer makes a 503 naming it, never a document with its routes missing.
 */
@RestController
class ApiDocumentsController {

    private final Map<String, URI> services = new LinkedHashMap<>();
    private final RestClient http;
    private final JsonMapper json;

    ApiDocumentsController(GatewayProperties downstreams, RestClient.Builder http, JsonMapper json) {
        services.put("intake-service", downstreams.intakeUri());
        services.put("session-service", downstreams.sessionUri());
        services.put("notification-service", downstreams.notificationUri());
        services.put("audit-service", downstreams.auditUri());
        this.http = http.build();
        this.json = json;
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode combined(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        CombinedApiDocument combined = new CombinedApiDocument(json, "Every route of clinic-ops, as the gateway "
                + "serves them; each service's own document is at /v3/api-docs/<service>: " + services.keySet());
        services.forEach((service, uri) -> combined.add(service, fetch(service, uri, authorization)));
        return combined.document();
    }

    @GetMapping(path = "/v3/api-docs/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode ofService(@PathVariable String service, @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        URI uri = services.get(service);
        if (uri == null) {
            throw new NotFoundException("No service " + service + "; the documents are of " + services.keySet());
        }
        return fetch(service, uri, authorization);
    }

    private JsonNode fetch(String service, URI uri, String authorization) {
        try {
            String document = http.get().uri(uri.resolve("/v3/api-docs"))
                    .header(HttpHeaders.AUTHORIZATION, authorization).retrieve().body(String.class);
            return json.readTree(document);
        } catch (RestClientException | tools.jackson.core.JacksonException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The API document of " + service + " could not be fetched; try again when it is up");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, e);
        }
    }
}
