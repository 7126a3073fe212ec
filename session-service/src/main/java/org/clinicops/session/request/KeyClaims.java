package org.clinicops.session.request;

import org.clinicops.support.idempotency.IdempotencyKeyReusedException;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.web.ConflictException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Claims a request's {@code Idempotency-Key} in the transaction of its change. As for the session-day actions (SD-18),
 * the same key with another request is a 409 {@code IDEMPOTENCY_KEY_REUSED} throughout session-service.
 */
@Component
public class KeyClaims {

    private final IdempotencyKeys keys;

    KeyClaims(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /**
     * Whether the request repeats an earlier one with the same key, which then did all there is to do; false without
     * a key. A refused change rolls back and leaves its key unclaimed.
     *
     * @param request what identifies the request besides the key: its path ids and body
     * @param members further members of the 409, after {@code unmet}
     */
    public boolean repeated(String operation, String key, Map<String, JsonNode> request, UUID resourceId, Instant now,
                            Map<String, Object> members) {
        if (key == null) {
            return false;
        }
        try {
            return keys.claim(operation, key, request, resourceId, now).isPresent();
        } catch (IdempotencyKeyReusedException e) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("unmet", List.of("IDEMPOTENCY_KEY_REUSED"));
            problem.putAll(members);
            throw new ConflictException("IDEMPOTENCY_KEY_REUSED", "The Idempotency-Key " + key
                    + " was used before for another request; use a new key for a new request.", problem);
        }
    }
}
