package org.clinicops.notification.partner;

import org.clinicops.support.idempotency.IdempotencyKeyReusedException;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.security.PartnerClinic;
import org.clinicops.support.web.ConflictException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The partner API's {@code Idempotency-Key}s (create, rotate, redeliver). Keys are the clinic's own: another clinic's
 * same key is another key. A key replays for 24 h, as the partner contract says, and is done afresh after (whatever
 * the service's retention of keys); a key reused for another request is a 409 here.
 */
@Component
class PartnerIdempotencyKeys {

    static final Duration KEPT_FOR = Duration.ofHours(24);

    private final IdempotencyKeys keys;

    PartnerIdempotencyKeys(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /**
     * Claims the key (none when null) for {@code operation} by the clinic, in the caller's transaction; answers the
     * resource an earlier identical request created or changed, if there was one.
     */
    Optional<UUID> claim(String operation, PartnerClinic clinic, String key, Supplier<Map<String, JsonNode>> request,
                         UUID resourceId, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            return keys.claim(operation + ":" + clinic.id(), key, request.get(), resourceId, now, KEPT_FOR);
        } catch (IdempotencyKeyReusedException e) {
            throw new ConflictException("IDEMPOTENCY_KEY_REUSED",
                    "The Idempotency-Key was already used for a different request.", Map.of());
        }
    }
}
