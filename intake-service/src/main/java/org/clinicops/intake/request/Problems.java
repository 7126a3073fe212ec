package org.clinicops.intake.request;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem clinic-support has no exception for: a refusal (403). Thrown, it is answered by the shared handler. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Forbidden");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
