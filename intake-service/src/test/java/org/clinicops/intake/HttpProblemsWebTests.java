package org.clinicops.intake;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.ProblemAnswers;
import org.clinicops.support.testing.RawHttp;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What intake-service's web stack answers on its own, from Tomcat's refusal of a request it cannot parse to Spring's
 * refusal of a path or method the access matrix has no row for, over real HTTP, signed in as the care team: a problem
 * whose status is the HTTP status, and no {@code Server} version.
 */
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, now = Examples.NOW)
class HttpProblemsWebTests {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed request line        | GET /api/patients/{x} HTTP/1.1                                         |           | 400
            header past the size limit    | GET /api/screenings HTTP/1.1\\r\\nX-Padding: LONG                       |           | 400
            path without a matrix row     | GET /api/nothing-here HTTP/1.1                                         |           | 403
            internal path without a row   | GET /internal/nothing-here HTTP/1.1                                    |           | 403
            method the matrix has not     | DELETE /api/patients HTTP/1.1                                          |           | 403
            body that is no JSON          | POST /api/patients HTTP/1.1\\r\\nContent-Type: application/json          | {not json | 400
            body sent as plain text       | POST /api/patients HTTP/1.1\\r\\nContent-Type: text/plain                | a patient | 400
            """)
    void answersAProblemWhoseStatusIsTheHttpStatus(String what, String request, String body, int status) {
        String sent = body == null ? "" : body;
        String head = request.replace("\\r\\n", "\r\n").replace("LONG", "x".repeat(10_000))
                .replaceFirst("HTTP/1.1", "HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + sent.length()
                        + "\r\nAuthorization: " + TestTokens.careTeam().bearer());

        RawHttp.Answer answer = RawHttp.send(port, head, sent);

        ProblemAnswers.assertProblem(status, answer.status(), answer.header("Content-Type").orElse(null),
                answer.body());
        assertThat(answer.header("Server")).isEmpty();
    }
}
