package org.clinicops.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A local SMS catcher on 127.0.0.1:3026 by default: the SMS provider API notification-service texts through
 * ({@code POST /messages} with {@code {"to", "body"}}, answered 202), on the JDK's own HTTP server. It texts no one:
 * it keeps each text in memory and logs it with its recipient, so the texts a clinic would send show in the console.
 * A text sent again with an {@code Idempotency-Key} it has seen is answered 202 and not caught twice, as a provider
 * that honours the key would.
 */
public final class LocalSms implements AutoCloseable {

    public static final int DEFAULT_PORT = 3026;
    public static final String HOST = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(LocalSms.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 64 * 1024;

    /** One text as the catcher took it. */
    public record Text(String to, String body) {
    }

    private final HttpServer server;
    private final List<Text> texts = new ArrayList<>();
    private final Set<String> idempotencyKeys = new HashSet<>();

    private LocalSms(HttpServer server) {
        this.server = server;
    }

    /** Starts the SMS catcher on 127.0.0.1:{@code port} (0 = any free port, see {@link #port()}). */
    public static LocalSms start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(HOST, port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the local SMS catcher on " + HOST + ":" + port
                    + " (is the port in use?): " + e.getMessage(), e);
        }
        LocalSms sms = new LocalSms(server);
        server.createContext("/messages", sms::handle);
        server.start();
        log.info("SMS catcher is up on {}", sms.baseUrl());
        return sms;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/messages")) {
                answer(exchange, 404, "{\"detail\": \"no such path\"}");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, "{\"detail\": \"POST a text\"}");
                return;
            }
            Text text = read(exchange.getRequestBody());
            if (text == null) {
                answer(exchange, 400, "{\"detail\": \"the body must be JSON with the strings 'to' and 'body'\"}");
                return;
            }
            catchOnce(exchange.getRequestHeaders().getFirst("Idempotency-Key"), text);
            answer(exchange, 202, "{\"messageId\": \"" + UUID.randomUUID() + "\"}");
        }
    }

    private synchronized void catchOnce(String idempotencyKey, Text text) {
        if (idempotencyKey != null && !idempotencyKeys.add(idempotencyKey)) {
            return;
        }
        texts.add(text);
        log.info("Text caught for {}: \"{}\"", text.to(), text.body().replace("\n", " / "));
    }

    private static Text read(InputStream body) throws IOException {
        try {
            JsonNode json = JSON.readTree(body.readNBytes(MAX_BODY));
            JsonNode to = json.path("to");
            JsonNode text = json.path("body");
            return to.isString() && text.isString() ? new Text(to.asString(), text.asString()) : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Where notification.sms.base-url points. */
    public String baseUrl() {
        return "http://" + HOST + ":" + port();
    }

    /** The port (the real one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Every text caught so far, oldest first. */
    public synchronized List<Text> texts() {
        return List.copyOf(texts);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return "LocalSms[" + baseUrl() + "]";
    }
}
