package org.clinicops.support.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.clinicops.events.AuditAction;
import org.clinicops.events.AuditRecorded;
import org.clinicops.support.security.AccessMatrix;
import org.clinicops.support.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes the audit record of every request to a route the matrix marks as a patient read, a patient write or a
 * configuration change, whatever its answer (docs/access.md). It sits in the security filter chain after the token
 * is checked and before the roles are, so it sees the caller and the 403 a refused request gets; a request without
 * a token (401) has no one to record and passes untouched.
 * <p>
 * Fail closed: the answer is held back until its record is stored. A read's record commits before the answer is
 * sent; a write runs in one transaction with its record, so the change and the record commit together, and a write
 * answered 4xx or 5xx is rolled back and recorded in a transaction of its own. A record that cannot be stored turns
 * the answer into a 503 that carries nothing of the held-back one.
 */
public class RequestAuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestAuditFilter.class);
    private static final String PATIENT_ID = "patientId";
    private static final String PATIENT_IDS = "patientIds";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Audited> routes;
    private final AuditTrail trail;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String service;
    private final JsonMapper json;
    private final Pattern gatewayAddresses;

    /** A matrix row that writes a record, its path parsed once. */
    private record Audited(AccessMatrix.Route route, PathPattern pattern) {
    }

    /** The outbox refused the record: the request must not be answered as if it had been recorded. */
    private static final class RecordNotStored extends RuntimeException {
        RecordNotStored(RuntimeException cause) {
            super(cause);
        }
    }

    /**
     * @param gatewayAddresses the peer addresses whose {@code X-Forwarded-For} is believed: the gateway's, which sets
     *                         it to the client it saw
     */
    public RequestAuditFilter(List<AccessMatrix.Route> served, AuditTrail trail, TransactionTemplate transactions,
                              Clock clock, String service, JsonMapper json, Pattern gatewayAddresses) {
        this.routes = served.stream().filter(route -> route.audit() != AccessMatrix.Audit.NONE)
                .map(route -> new Audited(route, PathPatternParser.defaultInstance.parse(route.path()))).toList();
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.service = service;
        this.json = json;
        this.gatewayAddresses = gatewayAddresses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Matched> matched = match(request);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (matched.isEmpty() || !(caller instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        Attempt attempt = new Attempt(request, held, token, matched.get());
        try {
            if (matched.get().route().audit() == AccessMatrix.Audit.READ) {
                attempt.read(chain);
            } else {
                attempt.write(chain);
            }
        } catch (RecordNotStored e) {
            log.error("The audit record of {} {} could not be stored; answering 503", request.getMethod(),
                    matched.get().route().path(), e.getCause());
            unavailable(response);
            return;
        }
        held.copyBodyToResponse();
    }

    /** The row a request is for, with the path's variables. */
    private record Matched(AccessMatrix.Route route, Map<String, String> variables) {
    }

    private Optional<Matched> match(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI()
                .substring(request.getContextPath().length()));
        for (Audited audited : routes) {
            if (!audited.route().method().matches(request.getMethod())) {
                continue;
            }
            PathPattern.PathMatchInfo info = audited.pattern().matchAndExtract(path);
            if (info != null) {
                return Optional.of(new Matched(audited.route(), info.getUriVariables()));
            }
        }
        return Optional.empty();
    }

    /** One audited request on its way through the rest of the chain. */
    private final class Attempt {

        private final HttpServletRequest request;
        private final ContentCachingResponseWrapper held;
        private final JwtAuthenticationToken token;
        private final Matched matched;

        Attempt(HttpServletRequest request, ContentCachingResponseWrapper held, JwtAuthenticationToken token,
                Matched matched) {
            this.request = request;
            this.held = held;
            this.token = token;
            this.matched = matched;
        }

        void read(FilterChain chain) throws ServletException, IOException {
            try {
                chain.doFilter(request, held);
            } catch (ServletException | IOException | RuntimeException failed) {
                recordFailure();
                throw failed;
            }
            store(held.getStatus());
        }

        void write(FilterChain chain) throws ServletException, IOException {
            boolean recorded;
            try {
                // REQUIRED: the service's own transactions join this one, so the change commits with its record
                recorded = Boolean.TRUE.equals(transactions.execute(status -> {
                    try {
                        chain.doFilter(request, held);
                    } catch (ServletException | IOException e) {
                        throw new ChainFailed(e);
                    }
                    if (held.getStatus() >= 400) {
                        // a refused or failed write changes nothing but the trail
                        status.setRollbackOnly();
                        return false;
                    }
                    if (status.isRollbackOnly()) {
                        // the service caught a failure it had rolled back, yet answered as if its change stood
                        throw new IllegalStateException("A write answered " + held.getStatus()
                                + " was rolled back");
                    }
                    store(held.getStatus());
                    return true;
                }));
            } catch (ChainFailed failed) {
                recordFailure();
                if (failed.getCause() instanceof ServletException e) {
                    throw e;
                }
                throw (IOException) failed.getCause();
            } catch (RecordNotStored e) {
                throw e;
            } catch (RuntimeException failed) {
                // the change did not commit (the handler threw, or the commit itself failed): record that
                recordFailure();
                throw failed;
            }
            if (!recorded) {
                store(held.getStatus());
            }
        }

        /**
         * A request that threw instead of answering is answered 500 by the container: nothing of what the handler had
         * set (a {@code Location}, a body) goes with it.
         */
        private void recordFailure() {
            if (!held.isCommitted()) {
                held.reset();
                CorrelationId.current().ifPresent(id -> held.setHeader(CorrelationId.HEADER, id));
            }
            try {
                trail.record(record(HttpStatus.INTERNAL_SERVER_ERROR.value()));
            } catch (RuntimeException e) {
                log.error("The audit record of a failed {} {} could not be stored either", request.getMethod(),
                        matched.route().path(), e);
            }
        }

        private void store(int outcome) {
            try {
                trail.record(record(outcome));
            } catch (RuntimeException e) {
                throw new RecordNotStored(e);
            }
        }

        private AuditRecorded record(int outcome) {
            return new AuditRecorded(UUID.randomUUID(), clock.instant(), service, token.getName(),
                    token.getToken().getClaimAsString("client_id"), roles(), action(outcome), request.getMethod(),
                    matched.route().path(), patientIds(outcome), outcome, sourceIp(),
                    CorrelationId.current().orElse(null));
        }

        private List<String> roles() {
            List<String> roles = token.getToken().getClaimAsStringList("roles");
            return roles == null ? List.of() : roles;
        }

        private AuditAction action(int outcome) {
            HttpMethod method = matched.route().method();
            if (method == HttpMethod.GET) {
                return AuditAction.READ;
            }
            if (method == HttpMethod.DELETE) {
                return AuditAction.DELETE;
            }
            return method == HttpMethod.POST && outcome == HttpStatus.CREATED.value()
                    ? AuditAction.CREATE : AuditAction.UPDATE;
        }

        /**
         * The patient the path or query names, and for an answer given every patient in its body (a list names each
         * patient in it). A configuration change names none.
         */
        private List<UUID> patientIds(int outcome) {
            if (matched.route().audit() == AccessMatrix.Audit.CONFIG) {
                return List.of();
            }
            Set<UUID> patients = new LinkedHashSet<>();
            uuid(matched.variables().get(PATIENT_ID)).ifPresent(patients::add);
            uuid(request.getParameter(PATIENT_ID)).ifPresent(patients::add);
            if (outcome < 400 && held.getContentSize() > 0 && isJson(held.getContentType())) {
                try {
                    collectPatients(json.readTree(held.getContentAsByteArray()), patients);
                } catch (RuntimeException unreadable) {
                    log.warn("The answer to {} {} is not JSON the audit record can read patients from",
                            request.getMethod(), matched.route().path());
                }
            }
            return List.copyOf(patients);
        }

        /** The gateway's {@code X-Forwarded-For} (the client it saw) when the peer is the gateway, else the peer. */
        private String sourceIp() {
            String peer = request.getRemoteAddr();
            String forwarded = request.getHeader(FORWARDED_FOR);
            if (forwarded != null && !forwarded.isBlank() && gatewayAddresses.matcher(peer).matches()) {
                return forwarded.split(",")[0].strip();
            }
            return peer;
        }
    }

    /** Carries the chain's checked exceptions out of the transaction callback, which rolls back on it. */
    private static final class ChainFailed extends RuntimeException {
        ChainFailed(Exception cause) {
            super(cause);
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type = MediaType.parseMediaType(contentType);
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    private static void collectPatients(JsonNode node, Set<UUID> patients) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (member.getKey().equals(PATIENT_ID) && member.getValue().isString()) {
                    uuid(member.getValue().asString()).ifPresent(patients::add);
                } else if (member.getKey().equals(PATIENT_IDS) && member.getValue().isArray()) {
                    member.getValue().valueStream().filter(JsonNode::isString)
                            .forEach(id -> uuid(id.asString()).ifPresent(patients::add));
                } else {
                    collectPatients(member.getValue(), patients);
                }
            }
        } else if (node.isArray()) {
            node.valueStream().forEach(element -> collectPatients(element, patients));
        }
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** 503 with a problem of its own: nothing the held-back answer said, not even its headers. */
    private void unavailable(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            // only an error page (sendError) commits early, and it carries no health data
            return;
        }
        response.reset();
        CorrelationId.current().ifPresent(id -> response.setHeader(CorrelationId.HEADER, id));
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("type", "about:blank",
                "title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                "status", HttpStatus.SERVICE_UNAVAILABLE.value(),
                "detail", "The request could not be recorded in the audit trail, so it was not answered."));
    }
}
