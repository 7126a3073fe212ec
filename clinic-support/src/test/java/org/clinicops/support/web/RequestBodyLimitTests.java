package org.clinicops.support.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code clinic.max-request-bytes} (default 64 KiB = 65 536 bytes), as every service and the gateway apply it: a larger
 * body is a 413 problem before anything reads it, declared or chunked alike; a body of exactly the limit is read.
 */
@SpringBootTest(classes = WebPlumbingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestBodyLimitTests {

    static final int LIMIT = 65_536;
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    WebPlumbingApplication.Screenings screenings;

    int readBefore;

    @BeforeEach
    void countReads() {
        readBefore = screenings.bodiesRead.get();
    }

    @Test
    void aDeclaredBodyOneByteOverTheLimitIsRefusedWith413BeforeTheServiceSeesIt() throws Exception {
        HttpResponse<String> response = post(BodyOf.declared(LIMIT + 1));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("title").asString()).isEqualTo("Content Too Large");
        assertThat(problem.path("detail").asString()).contains("65536 bytes");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/screenings");
        assertThat(response.headers().firstValue(CorrelationId.HEADER)).isPresent();
        assertThat(screenings.bodiesRead.get()).isEqualTo(readBefore);
    }

    @Test
    void aDeclaredBodyOfExactlyTheLimitIsReadWhole() throws Exception {
        HttpResponse<String> response = post(BodyOf.declared(LIMIT));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("bytes").asInt()).isEqualTo(LIMIT);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413Too() throws Exception {
        HttpResponse<String> response = post(BodyOf.chunked(LIMIT + 1));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(413);
        assertThat(screenings.bodiesRead.get()).isEqualTo(readBefore);
    }

    @Test
    void aChunkedBodyOfExactlyTheLimitIsReadAsSent() throws Exception {
        HttpResponse<String> response = post(BodyOf.chunked(LIMIT));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("bytes").asInt()).isEqualTo(LIMIT);
    }

    @Test
    void aSmallChunkedBodyReachesTheServiceUnchanged() throws Exception {
        HttpResponse<String> response = post(BodyOf.chunked(12));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("bytes").asInt()).isEqualTo(12);
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/screenings"))
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .POST(body)
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A JSON string of exactly the given number of bytes, sent with a Content-Length or chunked. */
    static final class BodyOf {

        static HttpRequest.BodyPublisher declared(int bytes) {
            return HttpRequest.BodyPublishers.ofByteArray(sized(bytes));
        }

        /** Of unknown length to the JDK client, so it is sent chunked. */
        static HttpRequest.BodyPublisher chunked(int bytes) {
            byte[] body = sized(bytes);
            return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        }

        private static byte[] sized(int bytes) {
            byte[] body = ("\"" + "x".repeat(bytes - 2) + "\"").getBytes(StandardCharsets.UTF_8);
            assertThat(body).hasSize(bytes);
            return body;
        }
    }
}
