package org.clinicops.notification.escalation;

import org.clinicops.notification.notification.StaffRole;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An alert and where its chain of pages stands. The chain, counted in steps from {@code raisedAt} (T): step 0 at T to
 * the first clinician, step 1 at T+10 min to the second, and every step after, 5 minutes apart (T+15, T+20, ...), to
 * both; so 1, 2, 4, 6 ... pages (CLINICAL section 5). An acknowledgement ends the chain.
 *
 * @param pageContent what every page is written from (ids and times, as JSON), the same for each step
 * @param nextStep    the first step not paged yet
 * @param nextPageAt  when {@code nextStep} is due; null once acknowledged
 */
public record Alert(UUID alertId, AlertKind kind, UUID patientId, UUID sessionId, Instant raisedAt,
                    String pageContent, int nextStep, Instant nextPageAt, String acknowledgedBy,
                    Instant acknowledgedAt) {

    static final Duration SECOND_CLINICIAN_AFTER = Duration.ofMinutes(10);
    static final Duration REPEAT_EVERY = Duration.ofMinutes(5);

    /** A new alert, its first page due at once. */
    public static Alert raised(UUID alertId, AlertKind kind, UUID patientId, UUID sessionId, Instant raisedAt,
                               String pageContent) {
        return new Alert(alertId, kind, patientId, sessionId, raisedAt, pageContent, 0, raisedAt, null, null);
    }

    /**
     * The alert id of a crisis screening, the same for every delivery of its event, so one screening is one alert
     * whichever instance consumes it and however often.
     */
    public static UUID crisisAlertId(UUID screeningId) {
        return UUID.nameUUIDFromBytes(("crisis/" + screeningId).getBytes(StandardCharsets.UTF_8));
    }

    public AlertStatus status() {
        return acknowledgedAt == null ? AlertStatus.OPEN : AlertStatus.ACKNOWLEDGED;
    }

    boolean isOpen() {
        return status() == AlertStatus.OPEN;
    }

    /**
     * The step to page now: the latest one due. Steps missed meanwhile (the service was down) are not paged one by
     * one: the current step, which pages everyone a missed one would have, goes once. Empty when none is due or the
     * alert is acknowledged.
     */
    Optional<Integer> stepDueAt(Instant now) {
        // the first page goes at once, even when the raising service's clock is ahead of ours
        if (!isOpen() || (nextStep > 0 && now.isBefore(nextPageAt))) {
            return Optional.empty();
        }
        return Optional.of(Math.max(nextStep, stepAt(now)));
    }

    /** Whom {@code step} pages. */
    List<StaffRole> rolesAt(int step) {
        return switch (step) {
            case 0 -> List.of(kind.first());
            case 1 -> List.of(kind.second());
            default -> List.of(kind.first(), kind.second());
        };
    }

    /** The alert once {@code step} is paged: the next page is due at the step after. */
    Alert pagedThrough(int step) {
        if (!isOpen() || step < nextStep) {
            throw new IllegalStateException("Alert " + alertId + " has no step " + step + " to page");
        }
        return new Alert(alertId, kind, patientId, sessionId, raisedAt, pageContent, step + 1,
                dueAt(step + 1), null, null);
    }

    /** Acknowledged by {@code staffId}; an alert already acknowledged keeps its first acknowledgement. */
    Alert acknowledge(String staffId, Instant at) {
        Objects.requireNonNull(staffId);
        if (!isOpen()) {
            return this;
        }
        return new Alert(alertId, kind, patientId, sessionId, raisedAt, pageContent, nextStep, null, staffId, at);
    }

    private Instant dueAt(int step) {
        return step == 0 ? raisedAt : raisedAt.plus(SECOND_CLINICIAN_AFTER).plus(REPEAT_EVERY.multipliedBy(step - 1));
    }

    /** The latest step due at {@code now}; step 0 before {@code raisedAt} too (another service's clock ahead). */
    private int stepAt(Instant now) {
        Duration since = Duration.between(raisedAt, now);
        if (since.compareTo(SECOND_CLINICIAN_AFTER) < 0) {
            return 0;
        }
        return 1 + (int) since.minus(SECOND_CLINICIAN_AFTER).dividedBy(REPEAT_EVERY);
    }
}
