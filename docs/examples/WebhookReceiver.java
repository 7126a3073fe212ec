import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * A partner clinic's webhook receiver, as small as it can be and still do what the partner guide asks: verify the
 * Standard Webhooks signature with the subscription's secret, refuse a stale timestamp, deduplicate on
 * {@code webhook-id}, and answer 2xx quickly. Run it with only a JDK (no build):
 *
 * <pre>java docs/examples/WebhookReceiver.java 3027 whsec_... [tolerance-seconds]</pre>
 *
 * The tolerance (default 300) is how far {@code webhook-timestamp} may be from this machine's clock. The clinic signs
 * with its own clock: against a demo clinic day ({@code bin/clinic-local --clinic-time=...}) pass one wide enough to
 * cover the gap between the demo day and today.
 *
 * Each webhook is printed on one line: {@code VERIFIED <id> <body>}, {@code DUPLICATE <id>} or {@code REFUSED <why>}.
 * A real receiver stores the event in its own database before it answers, and keeps the ids it has seen for longer
 * than the clinic's retry schedule (a few days).
 */
public class WebhookReceiver {

    private final byte[] key;
    private final Duration tolerance;
    private final Set<String> seen = new HashSet<>();

    WebhookReceiver(String secret, Duration tolerance) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("the secret starts with whsec_");
        }
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        this.tolerance = tolerance;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java WebhookReceiver.java <port> <whsec_ secret of the subscription> "
                    + "[tolerance-seconds, default 300]");
            System.exit(2);
        }
        WebhookReceiver receiver = new WebhookReceiver(args[1],
                Duration.ofSeconds(args.length == 3 ? Long.parseLong(args[2]) : 300));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/", receiver::handle);
        server.start();
        System.out.println("Receiving webhooks on http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readNBytes(64 * 1024);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            String refusal = refusal(id, timestamp, signatures, body);
            if (refusal != null) {
                System.out.println("REFUSED " + refusal);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            synchronized (seen) {
                System.out.println((seen.add(id) ? "VERIFIED " + id + " " : "DUPLICATE " + id + " ")
                        + new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Why the request is not a webhook of this subscription, or null if it is. */
    private String refusal(String id, String timestamp, String signatures, byte[] body) {
        if (id == null || timestamp == null || signatures == null) {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not a number of seconds";
        }
        if (Duration.between(Instant.ofEpochSecond(sentAt), Instant.now()).abs().compareTo(tolerance) > 0) {
            return "timestamp " + timestamp + " is further from now than " + tolerance + " (a replay?)";
        }
        byte[] expected = sign(id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8));
        // during a secret rotation there are two signatures: one that verifies is enough
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                    Base64.getDecoder().decode(signature.substring(3)))) {
                return null;
            }
        }
        return "no signature verifies with this secret";
    }

    private byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
