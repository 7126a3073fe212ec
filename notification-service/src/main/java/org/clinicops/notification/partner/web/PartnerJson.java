package org.clinicops.notification.partner.web;

import org.clinicops.notification.partner.Delivery;
import org.clinicops.notification.partner.Envelopes;
import org.clinicops.notification.partner.PartnerEventType;
import org.clinicops.notification.partner.Subscription;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the partner API writes things: every member present ({@code null} where empty), instants UTC to the ms. */
final class PartnerJson {

    private PartnerJson() {
    }

    static String instant(Instant instant) {
        return Envelopes.instant(instant);
    }

    /** The subscription resource, never with its secret. */
    static Map<String, Object> subscription(Subscription subscription) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", subscription.id().toString());
        json.put("url", subscription.url().toString());
        json.put("eventTypes", subscription.eventTypes().stream().map(PartnerEventType::type).toList());
        json.put("description", subscription.description());
        json.put("alertEmail", subscription.alertEmail());
        json.put("rateLimitPerSecond", subscription.rateLimitPerSecond());
        json.put("status", subscription.status().name());
        json.put("disabledReason", subscription.disabledReason() == null ? null
                : subscription.disabledReason().name());
        json.put("disabledAt", instant(subscription.disabledAt()));
        json.put("failingSince", instant(subscription.failingSince()));
        json.put("lastSequence", subscription.lastSequence());
        json.put("previousSecretExpiresAt", instant(subscription.previousSecretExpiresAt()));
        json.put("createdAt", instant(subscription.createdAt()));
        return json;
    }

    /** The subscription as its creation answers it: the only time its secret is shown. */
    static Map<String, Object> created(Subscription subscription) {
        Map<String, Object> json = subscription(subscription);
        json.put("secret", subscription.secret());
        return json;
    }

    /** A delivery as its log shows it. */
    static Map<String, Object> delivery(Delivery delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", delivery.id().toString());
        json.put("eventId", delivery.eventId().toString());
        json.put("type", delivery.type());
        json.put("sequence", delivery.sequence());
        json.put("patientSequence", delivery.patientSequence());
        json.put("status", delivery.status().name());
        json.put("attempts", delivery.attempts());
        json.put("lastAttemptAt", instant(delivery.lastAttemptAt()));
        json.put("lastResponseCode", delivery.lastResponseCode());
        json.put("lastError", delivery.lastError() == null ? null : delivery.lastError().name());
        json.put("nextAttemptAt", instant(delivery.nextAttemptAt()));
        json.put("createdAt", instant(delivery.createdAt()));
        json.put("settledAt", instant(delivery.settledAt()));
        return json;
    }

    /** A delivery with its attempts, oldest first. */
    static Map<String, Object> delivery(Delivery delivery, List<Delivery.Attempt> attempts) {
        Map<String, Object> json = delivery(delivery);
        json.put("attemptLog", attempts.stream().map(attempt -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", attempt.number());
            entry.put("at", instant(attempt.at()));
            entry.put("responseCode", attempt.responseCode());
            entry.put("error", attempt.error() == null ? null : attempt.error().name());
            entry.put("durationMs", attempt.durationMs());
            entry.put("manual", attempt.manual());
            return entry;
        }).toList());
        return json;
    }
}
