package org.clinicops.gateway;

import org.clinicops.support.testing.ProblemAnswers;
import org.clinicops.support.testing.RawHttp;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.gateway.GatewayClient.body;
import static org.clinicops.gateway.LoopbackBackends.intake;
import static org.clinicops.gateway.LoopbackBackends.session;

/**
 * What the gateway answers itself, over real HTTP and as raw bytes where no HTTP client would send them, signed in as
 * the care team (a path or method without a matrix row is its 403, a path it never routes its 404): every error
 * is a problem whose status is the HTTP status, with no {@code Server} version and no {@code X-Powered-By}; a body
 * over 64 KiB is a 413 that reaches no service, declared or chunked alike.
 */
@GatewayTest
class GatewayProblemsTests {

    static final int LIMIT = 65_536;

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            path without a matrix row       | GET /no-such-path HTTP/1.1                                  | 403
            internal API, never routed      | GET /internal/patients/p-1/contact HTTP/1.1                 | 404
            demo clock outside demo mode    | POST /api/demo/clock HTTP/1.1                               | 404
            method the probe does not take  | DELETE /actuator/health HTTP/1.1                            | 403
            malformed request line          | GET /api/patients/{p} HTTP/1.1                              | 400
            header line without a colon     | GET /api/patients/p-1 HTTP/1.1\\r\\nX-Broken                  | 400
            header past the size limit      | GET /api/patients/p-1 HTTP/1.1\\r\\nX-Padding: LONG           | 400
            encoded slash in the path       | GET /api/patients/%2F..%2Finternal HTTP/1.1                 | 400
            """)
    void answersAProblemWhoseStatusIsTheHttpStatus(String what, String request, int status) {
        String head = request.replace("\\r\\n", "\r\n").replace("LONG", "x".repeat(10_000))
                .replaceFirst("HTTP/1.1", "HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + TestTokens.careTeam().bearer());

        RawHttp.Answer answer = RawHttp.send(port, head, "");

        ProblemAnswers.assertProblem(status, answer.status(), answer.header("Content-Type").orElse(null),
                answer.body());
        assertThat(answer.header("Server")).isEmpty();
        assertThat(answer.header("X-Powered-By")).isEmpty();
        assertThat(intake.receivedPaths()).noneMatch(path -> path.startsWith("/internal"));
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413AndReachesNoService() {
        HttpResponse<String> response = post("/api/patients/p-413/screenings",
                BodyPublishers.ofByteArray(sized(LIMIT + 1)));

        ProblemAnswers.assertProblem(413, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        assertThat(intake.receivedPaths()).doesNotContain("/api/patients/p-413/screenings");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndReachesNoService() {
        HttpResponse<String> response = post("/api/sessions/s-413/check-in", chunked(sized(LIMIT + 1)));

        ProblemAnswers.assertProblem(413, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        assertThat(session.receivedPaths()).doesNotContain("/api/sessions/s-413/check-in");
    }

    @Test
    void aBodyOfExactlyTheLimitIsForwardedWhole_declaredOrChunked() {
        String declared = body(post("/api/patients/p-64k/screenings", BodyPublishers.ofByteArray(sized(LIMIT))))
                .path("body").asString();
        String chunked = body(post("/api/sessions/s-64k/check-in", chunked(sized(LIMIT)))).path("body").asString();

        assertThat(declared.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);
        assertThat(chunked).isEqualTo(declared);
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) {
        return gateway.send(gateway.request(path).header("Content-Type", "application/json").POST(body));
    }

    /** Of unknown length to the JDK client, so it is sent chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static byte[] sized(int bytes) {
        return ("\"" + "x".repeat(bytes - 2) + "\"").getBytes(StandardCharsets.UTF_8);
    }
}
