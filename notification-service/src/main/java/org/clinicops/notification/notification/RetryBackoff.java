package org.clinicops.notification.notification;

import org.clinicops.notification.config.NotificationProperties;

import java.time.Duration;

/**
 * How long a notification waits after a failed attempt: the initial backoff, doubled per failed attempt, capped
 * (lower for crisis messages). There is no last attempt: a message is retried until intake-service and the mail
 * server are back.
 */
public final class RetryBackoff {

    /** 2^30 times any initial backoff is far past every sensible cap; stop doubling there. */
    private static final int MAX_DOUBLINGS = 30;

    private final Duration initial;
    private final Duration max;
    private final Duration crisisMax;

    public RetryBackoff(NotificationProperties.Retry retry) {
        this.initial = retry.initialBackoff();
        this.max = retry.maxBackoff();
        this.crisisMax = retry.crisisMaxBackoff();
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first failure). */
    public Duration after(int failedAttempts, NotificationKind kind) {
        Duration cap = kind.isCrisis() ? crisisMax : max;
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), MAX_DOUBLINGS);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
