package org.clinicops.support.idempotency;

import org.clinicops.support.web.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} of POSTs that create or change something. The key is claimed in the same transaction
 * that does the work, so a retry either finds the committed resource or (if the first attempt rolled back) does the
 * work afresh. The same key with a different request is refused ({@link IdempotencyKeyReusedException}: a 422 naming
 * {@code Idempotency-Key} unless the service's contract answers otherwise). Keys are kept for
 * {@code clinic.retention.idempotency-keys} (default 7 days), then a retry with the same key works afresh.
 *
 * <p>Keys are per caller: within a request, the key is claimed for the signed-in principal, so the same key from
 * another caller is another key and nobody can replay someone else's request to read its answer.
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern ACCEPTED = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final JdbcClient jdbc;

    public IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Checks a key's form before any work is done: visible ASCII, 1 to 255 characters. */
    public static void checkForm(String key) {
        if (key != null && !ACCEPTED.matcher(key).matches()) {
            throw new InvalidRequestException(HEADER, "must be 1 to 255 visible ASCII characters");
        }
    }

    /**
     * Claims {@code key} for {@code operation} on behalf of a resource about to be created (or changed) as
     * {@code newResourceId}; answers the id an earlier identical request created or changed instead, if there was one.
     *
     * @param request what identifies the request besides the key: its body and any path ids, in a fixed order
     * @throws IdempotencyKeyReusedException when the key was claimed for another request
     */
    public Optional<UUID> claim(String operation, String key, Map<String, JsonNode> request, UUID newResourceId,
                                Instant now) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An idempotency key must be claimed in the transaction that creates");
        }
        String digest = digest(request);
        String ofCaller = ofCaller(operation);
        int claimed = jdbc.sql("""
                        insert into idempotency_key (operation, key, request_digest, resource_id, created_at)
                        values (:operation, :key, :digest, :resourceId, :now)
                        on conflict do nothing
                        """)
                .param("operation", ofCaller)
                .param("key", key)
                .param("digest", digest)
                .param("resourceId", newResourceId)
                .param("now", Timestamp.from(now))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        Claim earlier = jdbc.sql("select request_digest, resource_id from idempotency_key "
                        + "where operation = :operation and key = :key")
                .param("operation", ofCaller)
                .param("key", key)
                .query((rs, n) -> new Claim(rs.getString("request_digest"), rs.getObject("resource_id", UUID.class)))
                .single();
        if (!earlier.digest().equals(digest)) {
            throw new IdempotencyKeyReusedException();
        }
        return Optional.of(earlier.resourceId());
    }

    /**
     * As {@link #claim(String, String, Map, UUID, Instant)} for a contract that keeps its keys only {@code keptFor},
     * less than the retention job keeps them: an earlier claim of the key older than that is forgotten first, so the
     * request is done afresh.
     */
    public Optional<UUID> claim(String operation, String key, Map<String, JsonNode> request, UUID newResourceId,
                                Instant now, Duration keptFor) {
        jdbc.sql("delete from idempotency_key where operation = :operation and key = :key and created_at <= :expired")
                .param("operation", ofCaller(operation))
                .param("key", key)
                .param("expired", Timestamp.from(now.minus(keptFor)))
                .update();
        return claim(operation, key, request, newResourceId, now);
    }

    /** The operation as the request's principal claims it; outside a signed-in request (a consumer), as it is. */
    private static String ofCaller(String operation) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            return operation;
        }
        return operation + " by " + caller.getName();
    }

    /** SHA-256 of a canonical rendering (object members sorted), so formatting and member order do not matter. */
    static String digest(Map<String, JsonNode> request) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(request).forEach((name, value) -> {
            canonical.append(name).append('=');
            render(value, canonical);
            canonical.append('\n');
        });
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static void render(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> members = new TreeMap<>();
            node.properties().forEach(member -> members.put(member.getKey(), member.getValue()));
            out.append('{');
            members.forEach((name, value) -> {
                out.append(quoted(name)).append(':');
                render(value, out);
                out.append(',');
            });
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(item -> {
                render(item, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(node);
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private record Claim(String digest, UUID resourceId) {
    }
}
