package org.clinicops.notification.partner;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;

/**
 * A partner clinic's webhook subscription. Its URL and types never change (a new subscription replaces it); its
 * secret rotates with an overlap, and it is disabled when its endpoint is gone or has failed too long.
 */
public final class Subscription {

    public enum Status { ACTIVE, DISABLED }

    public enum DisabledReason { FAILING, ENDPOINT_GONE }

    /** At most one notice of each kind per subscription in this time. */
    static final Duration NOTICE_INTERVAL = Duration.ofHours(24);

    private final UUID id;
    private final String partnerClinicId;
    private final URI url;
    private final SortedSet<PartnerEventType> eventTypes;
    private final String description;
    private final String alertEmail;
    private final int rateLimitPerSecond;
    private final Instant createdAt;
    private final long lastSequence;
    private Status status;
    private DisabledReason disabledReason;
    private Instant disabledAt;
    private Instant failingSince;
    private String secret;
    private String previousSecret;
    private Instant previousSecretExpiresAt;
    private Instant failedDeliveryAt;
    private Instant failedNoticeAt;
    private Instant disabledNoticeAt;

    Subscription(UUID id, String partnerClinicId, URI url, SortedSet<PartnerEventType> eventTypes, String description,
                 String alertEmail, int rateLimitPerSecond, Instant createdAt, long lastSequence, Status status,
                 DisabledReason disabledReason, Instant disabledAt, Instant failingSince, String secret,
                 String previousSecret, Instant previousSecretExpiresAt, Instant failedDeliveryAt,
                 Instant failedNoticeAt, Instant disabledNoticeAt) {
        this.id = id;
        this.partnerClinicId = partnerClinicId;
        this.url = url;
        this.eventTypes = eventTypes;
        this.description = description;
        this.alertEmail = alertEmail;
        this.rateLimitPerSecond = rateLimitPerSecond;
        this.createdAt = createdAt;
        this.lastSequence = lastSequence;
        this.status = status;
        this.disabledReason = disabledReason;
        this.disabledAt = disabledAt;
        this.failingSince = failingSince;
        this.secret = secret;
        this.previousSecret = previousSecret;
        this.previousSecretExpiresAt = previousSecretExpiresAt;
        this.failedDeliveryAt = failedDeliveryAt;
        this.failedNoticeAt = failedNoticeAt;
        this.disabledNoticeAt = disabledNoticeAt;
    }

    /** A new, active subscription with its first secret and no events yet. */
    static Subscription create(UUID id, String partnerClinicId, SubscriptionRequest request, String secret,
                               Instant now) {
        return new Subscription(id, partnerClinicId, request.url(), request.eventTypes(), request.description(),
                request.alertEmail(), request.rateLimitPerSecond(), now, 0, Status.ACTIVE, null, null, null, secret,
                null, null, null, null, null);
    }

    /**
     * A new secret signs from now on; the one it replaces goes on signing for {@code overlap} (none when zero), and a
     * secret rotated out before survives no second rotation.
     */
    void rotate(String newSecret, Duration overlap, Instant now) {
        boolean overlapping = !overlap.isZero();
        previousSecret = overlapping ? secret : null;
        previousSecretExpiresAt = overlapping ? now.plus(overlap) : null;
        secret = newSecret;
    }

    /** Active again, its failures forgotten; enabling an active subscription changes nothing. */
    void enable() {
        status = Status.ACTIVE;
        disabledReason = null;
        disabledAt = null;
        failingSince = null;
        failedDeliveryAt = null;
    }

    /** A delivery succeeded: the endpoint is no longer failing. */
    void deliverySucceeded() {
        failingSince = null;
        failedDeliveryAt = null;
    }

    /**
     * A delivery of it was settled FAILED; answers whether its owner is to be told: of the first since the last
     * success only, and at most once a day.
     */
    boolean deliveryFailedForGood(Instant at) {
        if (failedDeliveryAt != null) {
            return false;
        }
        failedDeliveryAt = at;
        if (!noticeDue(failedNoticeAt, at)) {
            return false;
        }
        failedNoticeAt = at;
        return true;
    }

    /** Whether it has failed without a success for longer than {@code limit}, as of a failure at {@code now}. */
    boolean failingLongerThan(Duration limit, Instant now) {
        return failingSince != null && failingSince.plus(limit).isBefore(now);
    }

    /** A delivery attempt failed: failing since the first failure after the last success. */
    void deliveryFailed(Instant at) {
        if (failingSince == null) {
            failingSince = at;
        }
    }

    /**
     * No attempt starts any more until the clinic enables it again. Answers whether its owner is to be told: when it
     * was active, and at most once a day.
     */
    boolean disable(DisabledReason reason, Instant at) {
        if (status != Status.ACTIVE) {
            return false;
        }
        status = Status.DISABLED;
        disabledReason = reason;
        disabledAt = at;
        if (!noticeDue(disabledNoticeAt, at)) {
            return false;
        }
        disabledNoticeAt = at;
        return true;
    }

    private static boolean noticeDue(Instant lastNotice, Instant now) {
        return lastNotice == null || !now.isBefore(lastNotice.plus(NOTICE_INTERVAL));
    }

    /** The secrets every attempt at {@code now} is signed with: the newest first, the previous while it overlaps. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    public UUID id() {
        return id;
    }

    public String partnerClinicId() {
        return partnerClinicId;
    }

    public URI url() {
        return url;
    }

    public SortedSet<PartnerEventType> eventTypes() {
        return eventTypes;
    }

    public String description() {
        return description;
    }

    public String alertEmail() {
        return alertEmail;
    }

    public int rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public Status status() {
        return status;
    }

    public DisabledReason disabledReason() {
        return disabledReason;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    public Instant failingSince() {
        return failingSince;
    }

    public String secret() {
        return secret;
    }

    String previousSecret() {
        return previousSecret;
    }

    public Instant previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    Instant failedDeliveryAt() {
        return failedDeliveryAt;
    }

    Instant failedNoticeAt() {
        return failedNoticeAt;
    }

    Instant disabledNoticeAt() {
        return disabledNoticeAt;
    }
}
