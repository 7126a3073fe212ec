package org.clinicops.intake.request;

import org.clinicops.events.Topics;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.IntakeHttp.Reply;
import org.clinicops.intake.JsonEdit;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * clinic-support's body limit ({@code clinic.max-request-bytes}, default 64 KiB) as intake-service applies it: a larger
 * body on any of its routes is a 413 problem and writes nothing. The limit itself is specified beside it in
 * clinic-support ({@code RequestBodyLimitTests}).
 */
// Examples.NOW is 2026-11-21T05:00:00Z, the clock these tests were written with (the example's screening day)
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, now = Examples.NOW)
class RequestBodyLimitWebTests {

    static final int LIMIT = 64 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    IntakeHttp http;
    String screenings;

    @BeforeEach
    void registerDana() {
        http = new IntakeHttp(port);
        screenings = "/api/patients/" + http.post("/api/patients", Examples.PATIENT).text("patientId") + "/screenings";
    }

    @Test
    void aBodyOneByteOverTheLimitIsRefusedWith413AndNothingIsWritten() {
        Writes before = writes();

        Reply reply = http.post(screenings, sized(Examples.SCREENING, LIMIT + 1));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(reply.json().path("status").asInt()).isEqualTo(413);
        assertThat(reply.text("detail")).contains("65536 bytes");
        assertThat(reply.text("instance")).isEqualTo(screenings);
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        Reply reply = http.post(screenings, sized(Examples.SCREENING, LIMIT));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void everyBodyIsLimitedIncludingPatientsAndReviews() throws Exception {
        String screeningId = http.post(screenings,
                JsonEdit.of(Examples.SCREENING).set("/history/failedAntidepressantTrials", "1").json())
                .text("screeningId");
        String approve = """
                { "decision": "APPROVE", "clinicianId": "dr-okafor", "clinicianRole": "CLINICIAN", "note": "seen" }
                """;
        Writes before = writes();

        assertThat(http.post("/api/patients", sized(Examples.PATIENT, LIMIT + 1)).status()).isEqualTo(413);
        assertThat(http.post("/api/screenings/" + screeningId + "/review", sized(approve, LIMIT + 1)).status())
                .isEqualTo(413);
        assertThat(postChunked("/api/screenings/" + screeningId + "/review", sized(approve, 2 * LIMIT)).statusCode())
                .isEqualTo(413);
        assertThat(writes()).isEqualTo(before);
    }

    /** The JSON with an ignored {@code padding} member making it exactly {@code bytes} long in UTF-8. */
    private static String sized(String json, int bytes) {
        String empty = JsonEdit.of(json).set("/padding", "\"\"").json();
        int padding = bytes - empty.getBytes(StandardCharsets.UTF_8).length;
        String sized = JsonEdit.of(json).set("/padding", "\"" + "x".repeat(padding) + "\"").json();
        assertThat(sized.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return sized;
    }

    /** Posts without a Content-Length: the JDK client sends a body of unknown length chunked. */
    private HttpResponse<String> postChunked(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .header("Authorization", TestTokens.careTeam().bearer())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    record Writes(long patients, long screenings, long decided, long events) {
    }

    private Writes writes() {
        return new Writes(count("select count(*) from patient"), count("select count(*) from screening"),
                count("select count(*) from screening where decision is not null"),
                count("select count(*) from outbox_event where topic <> 'clinic.audit'"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
