package org.clinicops.support.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem written straight to the response, for the answers given before Spring MVC has a handler (a
 * filter, the container): the same members {@link ApiProblems} writes, and nothing about the software behind them.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /**
     * @param detail   what went wrong, in words for the caller; null for none
     * @param instance the request's path; null for none
     */
    public static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String detail,
                             String instance) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
