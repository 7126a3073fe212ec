package org.clinicops.notification.partner;

import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.request.JsonFields;
import org.clinicops.support.security.PartnerClinic;
import org.clinicops.support.web.ConflictException;
import org.clinicops.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A partner clinic's subscriptions: created, listed, rotated, enabled and deleted, each only by its own clinic. */
@Service
public class SubscriptionRegistry {

    static final long MAX_OVERLAP_SECONDS = 259_200;

    private final Subscriptions subscriptions;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final PartnerIdempotencyKeys idempotencyKeys;
    private final PartnerProperties properties;
    private final Clock clock;

    SubscriptionRegistry(Subscriptions subscriptions, WebhookTargets targets, WebhookSecrets secrets,
                         PartnerIdempotencyKeys idempotencyKeys, PartnerProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.secrets = secrets;
        this.idempotencyKeys = idempotencyKeys;
        this.properties = properties;
        this.clock = clock;
    }

    /** A subscription as created, and whether this was a replay of an earlier request with the same key. */
    public record Created(Subscription subscription, boolean replayed) {
    }

    /** A rotation's answer: the new secret, and until when the previous one still signs (null: it does not). */
    public record Rotated(String secret, Instant previousSecretExpiresAt) {
    }

    /**
     * Checks and creates a subscription with a new secret, in one transaction with its idempotency key (null: none).
     *
     * @throws org.clinicops.support.web.InvalidRequestException naming every bad member
     * @throws ConflictException when the clinic has no free place, or the key was used for another request
     */
    @Transactional
    public Created create(PartnerClinic clinic, JsonNode body, String idempotencyKey) {
        IdempotencyKeys.checkForm(idempotencyKey);
        SubscriptionRequest request = SubscriptionRequest.read(body, targets);
        Instant now = now();
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim("create-partner-subscription", clinic, idempotencyKey,
                () -> Map.of("body", body), id, now);
        if (earlier.isPresent()) {
            return new Created(get(clinic, earlier.get()), true);
        }
        int held = subscriptions.countLocked(clinic.id());
        if (held >= properties.maxSubscriptionsPerClinic()) {
            throw new ConflictException("SUBSCRIPTION_LIMIT", "The clinic already has " + held
                    + " subscriptions, the most it may hold; delete one first.",
                    Map.of("limit", properties.maxSubscriptionsPerClinic()));
        }
        Subscription subscription = Subscription.create(id, clinic.id(), request, secrets.generate(), now);
        subscriptions.add(subscription);
        return new Created(subscription, false);
    }

    @Transactional(readOnly = true)
    public List<Subscription> list(PartnerClinic clinic) {
        return subscriptions.of(clinic.id());
    }

    /** @throws NotFoundException for an unknown id and another clinic's alike */
    @Transactional(readOnly = true)
    public Subscription get(PartnerClinic clinic, UUID subscriptionId) {
        return subscriptions.find(clinic.id(), subscriptionId).orElseThrow(() -> notFound(subscriptionId));
    }

    @Transactional
    public void delete(PartnerClinic clinic, UUID subscriptionId) {
        if (!subscriptions.delete(clinic.id(), subscriptionId)) {
            throw notFound(subscriptionId);
        }
    }

    /**
     * A new secret; the previous one keeps signing for {@code overlapSeconds} of the body (default
     * {@code notification.partner.webhooks.default-overlap}), none with 0.
     */
    @Transactional
    public Rotated rotate(PartnerClinic clinic, UUID subscriptionId, JsonNode body, String idempotencyKey) {
        IdempotencyKeys.checkForm(idempotencyKey);
        Subscription subscription = subscriptions.findForUpdate(clinic.id(), subscriptionId)
                .orElseThrow(() -> notFound(subscriptionId));
        Duration overlap = overlap(body);
        Instant now = now();
        Optional<UUID> earlier = idempotencyKeys.claim("rotate-partner-secret", clinic, idempotencyKey,
                () -> Map.of("subscriptionId", StringNode.valueOf(subscriptionId.toString()), "body", body),
                subscriptionId, now);
        if (earlier.isEmpty()) {
            subscription.rotate(secrets.generate(), overlap, now);
            subscriptions.update(subscription);
        }
        return new Rotated(subscription.secret(), subscription.previousSecretExpiresAt());
    }

    /** Active again; an active subscription is answered as it is. */
    @Transactional
    public Subscription enable(PartnerClinic clinic, UUID subscriptionId) {
        Subscription subscription = subscriptions.findForUpdate(clinic.id(), subscriptionId)
                .orElseThrow(() -> notFound(subscriptionId));
        if (subscription.status() == Subscription.Status.DISABLED) {
            subscription.enable();
            subscriptions.update(subscription);
        }
        return subscription;
    }

    public static NotFoundException notFound(UUID subscriptionId) {
        return new NotFoundException("No subscription " + subscriptionId);
    }

    private Duration overlap(JsonNode body) {
        Integer seconds = overlapSeconds(body);
        return seconds == null ? properties.webhooks().defaultOverlap() : Duration.ofSeconds(seconds);
    }

    /** {@code {"overlapSeconds": 86400}}, optional: how long the previous secret keeps signing; null for the default. */
    static Integer overlapSeconds(JsonNode body) {
        JsonFields fields = new JsonFields(body);
        Integer seconds = fields.field("overlapSeconds").optionalInteger(0, (int) MAX_OVERLAP_SECONDS);
        fields.throwIfInvalid();
        return seconds;
    }

    /** Milliseconds, as the API shows instants: what is answered is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
