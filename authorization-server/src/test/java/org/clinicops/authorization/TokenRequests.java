package org.clinicops.authorization;

import org.clinicops.support.testing.TestTls;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A client's token request as a partner or notification-service sends it: client credentials, HTTP Basic. */
final class TokenRequests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Trusts the production tests' certificate too (TestTls), for the issuer over HTTPS. */
    private static final HttpClient HTTP = HttpClient.newBuilder().sslContext(TestTls.trustingIt()).build();

    private TokenRequests() {
    }

    static HttpResponse<String> requestToken(String issuerUrl, String clientId, String secret) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUrl + "/oauth2/token"))
                .header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        return send(request);
    }

    /** The access token of a successful request. */
    static String accessToken(String issuerUrl, String clientId, String secret) {
        HttpResponse<String> response = requestToken(issuerUrl, clientId, secret);
        if (response.statusCode() != 200) {
            throw new AssertionError("Token request of " + clientId + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response.body()).get("access_token").asString();
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /**
     * The body of a request sent as written, Host header included (the JDK's client sets its own Host). HTTP/1.0, so
     * the answer comes unchunked and ends with the connection.
     */
    static String rawBody(int port, String requestHead, String body) {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            out.write((requestHead + "Content-Length: " + content.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.1 200") && !response.startsWith("HTTP/1.0 200")) {
                throw new AssertionError("Expected 200, got: " + response);
            }
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        } catch (IOException e) {
            throw new AssertionError("Request failed", e);
        }
    }

    static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
