package org.clinicops.notification.partner.web;

import org.clinicops.notification.partner.Envelopes;
import org.clinicops.notification.partner.PartnerEventType;
import org.clinicops.notification.partner.Subscription;

import java.time.Instant;
import java.util.LinkedHashMap;
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
}
