package org.clinicops.session;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.ProblemAnswers;
import org.clinicops.support.testing.SharedServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.Arrays;
import java.util.UUID;

/**
 * clinic-support's body limit and problem answers as session-service gives them: a body over 64 KiB is a 413 before
 * the session is even looked up, a path or method the access matrix has no row for is refused (403), each a problem
 * whose status is the HTTP status; an unknown session is a 404 before its body is judged.
 */
@SharedServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS})
@AutoConfigureMockMvc
class HttpProblemsWebTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeTheSessionIsLookedUp() throws Exception {
        byte[] body = new byte[65_537];
        Arrays.fill(body, (byte) ' ');

        MvcTestResult result = mvc.post().uri("/api/sessions/{sessionId}/check-in", UUID.randomUUID())
                .contentType("application/json").content(body).exchange();

        assertProblem(413, result);
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/nothing-here                                                  |                  |              | 403
            DELETE | /api/sessions                                                      |                  |              | 403
            PUT    | /api/sessions/9d0c5d3e-5a9e-4d8a-9a57-3b0f0e1c2a11/check-in        | application/json | {}           | 403
            POST   | /api/sessions/9d0c5d3e-5a9e-4d8a-9a57-3b0f0e1c2a11/check-in        | application/json | {not json    | 404
            """)
    void whatSpringAnswersOnItsOwnIsAProblem(String method, String path, String contentType, String body,
                                             int status) throws Exception {
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path);
        if (contentType != null) {
            request.contentType(contentType).content(body);
        }

        assertProblem(status, request.exchange());
    }

    private static void assertProblem(int status, MvcTestResult result) throws Exception {
        ProblemAnswers.assertProblem(status, result.getResponse().getStatus(), result.getResponse().getContentType(),
                result.getResponse().getContentAsString());
    }
}
