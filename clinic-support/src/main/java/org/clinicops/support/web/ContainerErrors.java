package org.clinicops.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * The container's error page ({@code /error}), in place of Spring Boot's, whose JSON is no problem body: what
 * fails outside a controller (a filter's exception, a servlet's {@code sendError}) is answered as a problem with its
 * status only, never the exception or its message.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
public class ContainerErrors implements ErrorController {

    private final JsonMapper json;

    public ContainerErrors(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // no status: the page asked for directly, which is no resource of the service
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        // what the failed handler may have buffered goes; the correlation id header stays
        response.resetBuffer();
        ProblemResponses.write(response, json, status, null, null);
    }
}
