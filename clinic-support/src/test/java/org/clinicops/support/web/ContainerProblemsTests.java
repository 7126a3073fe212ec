package org.clinicops.support.web;

import org.clinicops.support.testing.ProblemAnswers;
import org.clinicops.support.testing.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error a service's web stack gives on its own, from Tomcat's refusal of a request it cannot parse to Spring's
 * unknown path, is an {@code application/problem+json} whose {@code status} is the HTTP status, naming no exception,
 * SQL, file or version, and no {@code Server} version or {@code X-Powered-By} goes out. Real HTTP on the service of
 * {@link WebPlumbingApplication}, bytes as a client sends them.
 */
@SpringBootTest(classes = WebPlumbingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerProblemsTests {

    static final String LONG_HEADER = "X-Padding: " + "x".repeat(10_000);

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed request line         | GET /api/screenings{x} HTTP/1.1\\r\\nHost: localhost                    | 400
            header line without a colon    | GET /api/screenings HTTP/1.1\\r\\nHost localhost                     | 400
            header past the size limit     | GET /api/screenings HTTP/1.1\\r\\nHost: localhost\\r\\nLONG_HEADER     | 400
            encoded slash in the path      | GET /api/screenings/%2F..%2Fsecrets HTTP/1.1\\r\\nHost: localhost      | 400
            unknown path                   | GET /api/nothing-here HTTP/1.1\\r\\nHost: localhost                    | 404
            the error page asked directly  | GET /error HTTP/1.1\\r\\nHost: localhost                               | 404
            method the path does not take  | DELETE /api/screenings HTTP/1.1\\r\\nHost: localhost                   | 405
            body that is not JSON          | POST /api/referrals HTTP/1.1\\r\\nHost: localhost\\r\\nContent-Type: application/json\\r\\nContent-Length: 9\\r\\n\\r\\n{not json | 400
            content type it does not take  | POST /api/screenings HTTP/1.1\\r\\nHost: localhost\\r\\nContent-Type: text/plain\\r\\nContent-Length: 2\\r\\n\\r\\nhi | 415
            unknown path, XML asked for    | GET /api/nothing-here HTTP/1.1\\r\\nHost: localhost\\r\\nAccept: application/xml | 404
            answer it cannot give          | GET /api/screenings HTTP/1.1\\r\\nHost: localhost\\r\\nAccept: application/xml | 406
            failure inside the service     | GET /api/broken HTTP/1.1\\r\\nHost: localhost                          | 500
            """)
    void answersAProblemWhoseStatusIsTheHttpStatus(String what, String request, int status) {
        String[] headAndBody = request.replace("\\r\\n", "\r\n").replace("LONG_HEADER", LONG_HEADER)
                .split("\r\n\r\n", 2);

        RawHttp.Answer answer = RawHttp.send(port, headAndBody[0], headAndBody.length > 1 ? headAndBody[1] : "");

        ProblemAnswers.assertProblem(status, answer.status(), answer.header("Content-Type").orElse(null),
                answer.body());
        assertThat(answer.header("Server")).isEmpty();
        assertThat(answer.header("X-Powered-By")).isEmpty();
    }
}
