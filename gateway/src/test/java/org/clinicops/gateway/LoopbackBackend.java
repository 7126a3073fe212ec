package org.clinicops.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.clinicops.support.security.AccessMatrix;
import org.clinicops.support.security.Role;
import org.clinicops.support.web.CorrelationId;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A stand-in for one service on a free loopback port. By default it answers 200 with JSON naming the service and
 * echoing what it received; {@link #answer} sets a canned reply for one request, {@link #hang} makes it never reply.
 * Told to {@link #enforceRows enforce} its service's rows of the access matrix, it answers 403, as the service does, to
 * a token whose roles the row does not allow (the gateway checks the token and passes the roles on to the service).
 */
final class LoopbackBackend implements AutoCloseable {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final String service;
    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<String> receivedPaths = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hanging;

    private final List<AccessMatrix.Route> rows;
    private volatile boolean enforcing;

    private LoopbackBackend(String service, List<AccessMatrix.Route> rows) {
        this.service = service;
        this.rows = rows;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    static LoopbackBackend start(String service) {
        return new LoopbackBackend(service, List.of());
    }

    /** A stand-in that knows its service's rows, to {@link #enforceRows enforce} them when told. */
    static LoopbackBackend start(String service, AccessMatrix.Service rows) {
        return new LoopbackBackend(service, AccessMatrix.servedBy(rows));
    }

    void enforceRows() {
        enforcing = true;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void answer(String method, String path, int status, Map<String, String> headers, String body) {
        replies.put(method + " " + path, new Reply(status, headers, body));
    }

    void hang() {
        hanging = true;
    }

    List<String> receivedPaths() {
        return receivedPaths;
    }

    /** No replies set, no paths received and no rows enforced, as when it started; for a backend shared by classes. */
    void forgetEarlierClasses() {
        replies.clear();
        receivedPaths.clear();
        enforcing = false;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            receivedPaths.add(path);
            String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (hanging) {
                released.await();
                return;
            }
            String correlationId = exchange.getRequestHeaders().getFirst(CorrelationId.HEADER);
            if (correlationId != null) {
                // Like the real services: they echo the id they were given.
                exchange.getResponseHeaders().set(CorrelationId.HEADER, correlationId);
            }
            Reply reply = replies.get(exchange.getRequestMethod() + " " + path);
            if (reply == null && refused(exchange, path)) {
                reply = new Reply(403, Map.of("Content-Type", "application/problem+json"),
                        "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}");
            }
            if (reply == null) {
                reply = new Reply(200, Map.of("Content-Type", "application/json"), echo(exchange, path, requestBody));
            }
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The row of the path and method, if enforced, allows none of the bearer token's roles. */
    private boolean refused(HttpExchange exchange, String path) {
        PathContainer requested = PathContainer.parsePath(path);
        return enforcing && rows.stream()
                .filter(route -> route.method().matches(exchange.getRequestMethod())
                        && PathPatternParser.defaultInstance.parse(route.path()).matches(requested))
                .findFirst()
                .map(route -> route.allowed().stream().map(Role::name).noneMatch(roles(exchange)::contains))
                .orElse(false);
    }

    /** The token's roles, read without checking it: the gateway in front has checked it. */
    private static List<String> roles(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return List.of();
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.path("roles").valueStream().map(JsonNode::asString).toList();
    }

    private String echo(HttpExchange exchange, String path, String requestBody) {
        Map<String, String> echo = new LinkedHashMap<>();
        echo.put("service", service);
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", path);
        echo.put("query", Objects.toString(exchange.getRequestURI().getRawQuery(), ""));
        echo.put("correlationId", exchange.getRequestHeaders().getFirst(CorrelationId.HEADER));
        echo.put("idempotencyKey", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        echo.put("traceparent", exchange.getRequestHeaders().getFirst("traceparent"));
        echo.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
        echo.put("forwardedFor", String.join(", ", exchange.getRequestHeaders()
                .getOrDefault("X-Forwarded-For", List.of())));
        echo.put("body", requestBody);
        return json.writeValueAsString(echo);
    }

    private record Reply(int status, Map<String, String> headers, String body) {
    }
}
