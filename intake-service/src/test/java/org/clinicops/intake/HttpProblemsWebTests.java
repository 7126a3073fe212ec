package org.clinicops.intake;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.ProblemAnswers;
import org.clinicops.support.testing.RawHttp;
import org.clinicops.support.testing.SharedServiceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What intake-service's web stack answers on its own, from Tomcat's refusal of a request it cannot parse to Spring's
 * unknown path, over real HTTP: a problem whose status is the HTTP status, and no {@code Server} version.
 */
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, now = Examples.NOW)
class HttpProblemsWebTests {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed request line        | GET /api/patients/{x} HTTP/1.1                                         |           | 400
            header past the size limit    | GET /api/screenings HTTP/1.1\\r\\nX-Padding: LONG                       |           | 400
            unknown path                  | GET /api/nothing-here HTTP/1.1                                         |           | 404
            internal path without a route | GET /internal/nothing-here HTTP/1.1                                    |           | 404
            method the path does not take | DELETE /api/patients HTTP/1.1                                          |           | 405
            body that is no JSON          | POST /api/patients HTTP/1.1\\r\\nContent-Type: application/json          | {not json | 400
            body sent as plain text       | POST /api/patients HTTP/1.1\\r\\nContent-Type: text/plain                | a patient | 400
            """)
    void answersAProblemWhoseStatusIsTheHttpStatus(String what, String request, String body, int status) {
        String sent = body == null ? "" : body;
        String head = request.replace("\\r\\n", "\r\n").replace("LONG", "x".repeat(10_000))
                .replaceFirst("HTTP/1.1", "HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + sent.length());

        RawHttp.Answer answer = RawHttp.send(port, head, sent);

        ProblemAnswers.assertProblem(status, answer.status(), answer.header("Content-Type").orElse(null),
                answer.body());
        assertThat(answer.header("Server")).isEmpty();
    }
}
