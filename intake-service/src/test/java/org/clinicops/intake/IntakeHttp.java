package org.clinicops.intake;

import org.clinicops.support.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * A real HTTP client against the service running on its random port, answering status, headers and JSON body. A
 * request carries the care team's token ({@link TestTokens#careTeam()}) unless it names an {@code Authorization} of
 * its own ({@code ""} for none).
 */
public final class IntakeHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient client;

    public IntakeHttp(int port) {
        this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    public Reply post(String path, String body, String... headerNamesAndValues) {
        return post(path, MediaType.APPLICATION_JSON, body, headerNamesAndValues);
    }

    public Reply post(String path, MediaType contentType, String body, String... headerNamesAndValues) {
        RestTestClient.RequestBodySpec request = client.post().uri(path).contentType(contentType);
        headers(request, headerNamesAndValues);
        return reply(request.body(body).exchange().returnResult(String.class));
    }

    public Reply get(String path, String... headerNamesAndValues) {
        RestTestClient.RequestHeadersSpec<?> request = client.get().uri(path);
        headers(request, headerNamesAndValues);
        return reply(request.exchange().returnResult(String.class));
    }

    private static void headers(RestTestClient.RequestHeadersSpec<?> request, String... namesAndValues) {
        boolean ownToken = false;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(HttpHeaders.AUTHORIZATION)) {
                ownToken = true;
                if (namesAndValues[i + 1].isEmpty()) {
                    continue;
                }
            }
            request.header(namesAndValues[i], namesAndValues[i + 1]);
        }
        if (!ownToken) {
            request.header(HttpHeaders.AUTHORIZATION, TestTokens.careTeam().bearer());
        }
    }

    private static Reply reply(EntityExchangeResult<String> result) {
        String body = result.getResponseBody();
        MediaType type = result.getResponseHeaders().getContentType();
        boolean isJson = type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.getSubtype().endsWith("+json"));
        JsonNode json = body == null || body.isBlank() || !isJson ? null : JSON.readTree(body);
        return new Reply(result.getStatus().value(), result.getResponseHeaders(), body, json);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public record Reply(int status, HttpHeaders headers, String body, JsonNode json) {

        public String location() {
            return headers.getFirst(HttpHeaders.LOCATION);
        }

        public MediaType contentType() {
            return headers.getContentType();
        }

        /** The {@code field} of each entry of a problem's {@code errors}. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json.path("errors").forEach(error -> fields.add(error.path("field").asString()));
            return fields;
        }

        public String text(String field) {
            return json.path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
