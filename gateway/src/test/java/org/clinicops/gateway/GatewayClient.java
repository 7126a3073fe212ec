package org.clinicops.gateway;

import org.clinicops.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a caller of the public API sees: plain HTTP to the gateway's port, no Spring in between, signed in as the
 * care team unless a test says otherwise.
 */
final class GatewayClient {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final int port;

    GatewayClient(int port) {
        this.port = port;
    }

    /** A request of the care team's member ({@link TestTokens#careTeam()}). */
    HttpRequest.Builder request(String pathAndQuery) {
        return anonymous(pathAndQuery).header("Authorization", TestTokens.careTeam().bearer());
    }

    /** A request without any token. */
    HttpRequest.Builder anonymous(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
