package org.clinicops.notification.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * The delivery of one subscription event: PENDING until it succeeds, runs out of automatic attempts, or is skipped
 * because its subscription was disabled. Settled deliveries never change again.
 */
public final class Delivery {

    public enum Status { PENDING, SUCCEEDED, FAILED, SKIPPED }

    /** Why an attempt failed; an HTTP answer other than 2xx is {@code HTTP_STATUS} with its code. */
    public enum Error { HTTP_STATUS, TIMEOUT, CONNECTION, DNS, TLS, TARGET_NOT_ALLOWED }

    /** One attempt as logged. */
    public record Attempt(int number, Instant at, Integer responseCode, Error error, long durationMs,
                          boolean manual) {
    }

    private final UUID id;
    private final UUID subscriptionId;
    private final UUID eventId;
    private final String type;
    private final long sequence;
    private final long patientSequence;
    private final Instant createdAt;
    private Status status;
    private int attempts;
    private int automaticAttempts;
    private Instant lastAttemptAt;
    private Integer lastResponseCode;
    private Error lastError;
    private Instant nextAttemptAt;
    private Instant settledAt;

    Delivery(UUID id, UUID subscriptionId, UUID eventId, String type, long sequence, long patientSequence,
             Instant createdAt, Status status, int attempts, int automaticAttempts, Instant lastAttemptAt,
             Integer lastResponseCode, Error lastError, Instant nextAttemptAt, Instant settledAt) {
        this.id = id;
        this.subscriptionId = subscriptionId;
        this.eventId = eventId;
        this.type = type;
        this.sequence = sequence;
        this.patientSequence = patientSequence;
        this.createdAt = createdAt;
        this.status = status;
        this.attempts = attempts;
        this.automaticAttempts = automaticAttempts;
        this.lastAttemptAt = lastAttemptAt;
        this.lastResponseCode = lastResponseCode;
        this.lastError = lastError;
        this.nextAttemptAt = nextAttemptAt;
        this.settledAt = settledAt;
    }

    /** A 2xx: settled as SUCCEEDED. */
    Attempt succeeded(Instant at, int responseCode, long durationMs) {
        Attempt attempt = attempted(at, responseCode, null, durationMs);
        settle(Status.SUCCEEDED, at);
        return attempt;
    }

    /**
     * A failed automatic attempt: tried again at {@code next}, or FAILED when there is none (the schedule is spent,
     * or the endpoint is gone).
     */
    Attempt failed(Instant at, Integer responseCode, Error error, long durationMs, Instant next) {
        Attempt attempt = attempted(at, responseCode, error, durationMs);
        if (next == null) {
            settle(Status.FAILED, at);
        } else {
            nextAttemptAt = next;
        }
        return attempt;
    }

    /**
     * A manual attempt (a redelivery), in any status and beside the automatic schedule, which it never moves: a 2xx
     * settles a PENDING or FAILED delivery as SUCCEEDED, a 410 settles a PENDING one as FAILED, and any other failure
     * leaves it as it was.
     */
    Attempt attemptedManually(Instant at, Integer responseCode, Error error, long durationMs) {
        attempts++;
        lastAttemptAt = at;
        lastResponseCode = responseCode;
        lastError = error;
        if (error == null && (status == Status.PENDING || status == Status.FAILED)) {
            settle(Status.SUCCEEDED, at);
        } else if (Integer.valueOf(410).equals(responseCode) && status == Status.PENDING) {
            settle(Status.FAILED, at);
        }
        return new Attempt(attempts, at, responseCode, error, durationMs, true);
    }

    /**
     * An automatic attempt that was in flight when the delivery was settled otherwise (skipped): counted and logged,
     * the delivery staying as it is.
     */
    Attempt attemptedAfterSettling(Instant at, Integer responseCode, Error error, long durationMs) {
        attempts++;
        automaticAttempts++;
        lastAttemptAt = at;
        lastResponseCode = responseCode;
        lastError = error;
        return new Attempt(attempts, at, responseCode, error, durationMs, false);
    }

    /** Its subscription was disabled while it was unsettled. */
    void skip(Instant at) {
        if (status == Status.PENDING) {
            settle(Status.SKIPPED, at);
        }
    }

    private Attempt attempted(Instant at, Integer responseCode, Error error, long durationMs) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("Delivery " + id + " is settled as " + status);
        }
        attempts++;
        automaticAttempts++;
        lastAttemptAt = at;
        lastResponseCode = responseCode;
        lastError = error;
        return new Attempt(attempts, at, responseCode, error, durationMs, false);
    }

    private void settle(Status settled, Instant at) {
        status = settled;
        nextAttemptAt = null;
        settledAt = at;
    }

    public UUID id() {
        return id;
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }

    public UUID eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public long sequence() {
        return sequence;
    }

    public long patientSequence() {
        return patientSequence;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    /** The automatic attempts made, which alone count towards the schedule. */
    public int automaticAttempts() {
        return automaticAttempts;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Integer lastResponseCode() {
        return lastResponseCode;
    }

    public Error lastError() {
        return lastError;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant settledAt() {
        return settledAt;
    }
}
