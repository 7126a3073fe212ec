package org.clinicops.gateway;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Answers for a service that is down or too slow: an RFC 9457 problem naming the service, never a stack trace.
 * Consulted before {@link org.clinicops.support.web.ApiProblems}, whose catch-all would answer these with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DownstreamProblems {

    private static final Logger log = LoggerFactory.getLogger(DownstreamProblems.class);

    @ExceptionHandler(ResourceAccessException.class)
    ProblemDetail downstreamUnreachable(ResourceAccessException failure, HttpServletRequest request) {
        // The route id is the owning service's name.
        String service = (String) request.getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
        HttpStatus status = statusFor(failure);
        log.warn("{} {} -> {} failed: {}", request.getMethod(), request.getRequestURI(), service,
                String.valueOf(failure.getCause()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (status) {
            case SERVICE_UNAVAILABLE -> service + " is unavailable; try again shortly.";
            case GATEWAY_TIMEOUT -> service + " did not answer in time.";
            default -> service + " failed to give a valid response.";
        });
        problem.setProperty("service", service);
        return problem;
    }

    private static HttpStatus statusFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                    || cause instanceof UnknownHostException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
        }
        return HttpStatus.BAD_GATEWAY;
    }
}
