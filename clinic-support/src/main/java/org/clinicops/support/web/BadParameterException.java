package org.clinicops.support.web;

/**
 * A path or query parameter that is missing or has a value the service does not accept: answered 400 naming it in
 * {@code errors}, as a 422 names a body field. Parameters Spring converts (a UUID, a date) need no exception: a
 * value of the wrong form gets the same answer from {@link ApiProblems}.
 */
public class BadParameterException extends RuntimeException {

    private final String parameter;
    private final String problem;

    /** @param problem what is wrong, to follow the parameter's name: "is required", "must be one of ..." */
    public BadParameterException(String parameter, String problem) {
        super("Parameter " + parameter + " " + problem + ".");
        this.parameter = parameter;
        this.problem = problem;
    }

    public String parameter() {
        return parameter;
    }

    public String problem() {
        return problem;
    }
}
