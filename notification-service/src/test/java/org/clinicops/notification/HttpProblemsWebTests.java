package org.clinicops.notification;

import org.clinicops.support.testing.ProblemAnswers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.Arrays;
import java.util.UUID;

/**
 * clinic-support's body limit and problem answers as notification-service gives them: a body over 64 KiB is a 413
 * before the alert is even looked up, and a path or method the access matrix has no row for is refused (403), each a
 * problem whose status is the HTTP status.
 */
@SharedNotificationServiceTest
class HttpProblemsWebTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeTheAlertIsLookedUp() throws Exception {
        byte[] body = new byte[65_537];
        Arrays.fill(body, (byte) ' ');

        MvcTestResult result = mvc.post().uri("/api/alerts/{alertId}/ack", UUID.randomUUID())
                .contentType("application/json").content(body).exchange();

        assertProblem(413, result);
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadAndTheUnknownAlertIsA404() throws Exception {
        byte[] body = new byte[65_536];
        Arrays.fill(body, (byte) ' ');

        MvcTestResult result = mvc.post().uri("/api/alerts/{alertId}/ack", UUID.randomUUID())
                .contentType("application/json").content(body).exchange();

        assertProblem(404, result);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/nothing-here                                                  | 403
            DELETE | /api/alerts                                                        | 403
            GET    | /api/alerts/9d0c5d3e-5a9e-4d8a-9a57-3b0f0e1c2a11/ack                | 403
            GET    | /api/notifications/9d0c5d3e-5a9e-4d8a-9a57-3b0f0e1c2a11/retry      | 403
            """)
    void whatSpringAnswersOnItsOwnIsAProblem(String method, String path, int status) throws Exception {
        assertProblem(status, mvc.method(HttpMethod.valueOf(method)).uri(path).exchange());
    }

    private static void assertProblem(int status, MvcTestResult result) throws Exception {
        ProblemAnswers.assertProblem(status, result.getResponse().getStatus(), result.getResponse().getContentType(),
                result.getResponse().getContentAsString());
    }
}
