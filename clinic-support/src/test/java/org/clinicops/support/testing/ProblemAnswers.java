package org.clinicops.support.testing;

import org.assertj.core.api.SoftAssertions;

/**
 * What every error answer of clinic-ops must be: an {@code application/problem+json} whose {@code status} is the HTTP
 * status, naming no exception, SQL, file or version of the software behind it.
 */
public final class ProblemAnswers {

    private ProblemAnswers() {
    }

    public static void assertProblem(int expectedStatus, int status, String contentType, String body) {
        SoftAssertions problem = new SoftAssertions();
        problem.assertThat(status).as("HTTP status of " + body).isEqualTo(expectedStatus);
        problem.assertThat(contentType).as("content type").isEqualTo("application/problem+json");
        problem.assertThat(body.replace(" ", "")).as("body").contains("\"status\":" + expectedStatus);
        problem.assertThat(body).as("body").doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("spring")
                .doesNotContainIgnoringCase("select ").doesNotContain("at org.").doesNotContain(".java");
        problem.assertAll();
    }
}
