package org.clinicops.intake.request;

import org.clinicops.support.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/**
 * The problems clinic-support has no exception for: a bad query parameter (400, naming it in {@code errors} as a 422
 * names a body field) and a refusal (403). Thrown, they are answered by the shared problem handler.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException badParameter(String name, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Query parameter " + name + " " + message + ".");
        problem.setTitle("Bad request");
        problem.setProperty("errors", List.of(new FieldError(name, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    public static ErrorResponseException forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Forbidden");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
