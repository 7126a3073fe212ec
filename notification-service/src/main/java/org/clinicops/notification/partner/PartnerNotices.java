package org.clinicops.notification.partner;

import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/**
 * Tells a subscription's owner, by e-mail through the notification queue, that it was disabled or that a delivery
 * failed for good: to its {@code alertEmail} when set and to {@code notification.partner.ops-email} when set, in the
 * transaction that recorded what happened. A notice names the subscription, its URL's host, what happened, since when
 * and the last answer; never an event, a patient or a payload.
 */
@Component
class PartnerNotices {

    private static final Logger log = LoggerFactory.getLogger(PartnerNotices.class);

    /** What the owner is told of. */
    enum What { DELIVERY_FAILED, DISABLED_FAILING, DISABLED_ENDPOINT_GONE }

    /** A notice as stored for its template. */
    record Notice(UUID subscriptionId, String host, What what, Instant since, Integer lastResponseCode,
                  Delivery.Error lastError) {
    }

    private final Notifications notifications;
    private final PartnerProperties properties;
    private final JsonMapper json;

    PartnerNotices(Notifications notifications, PartnerProperties properties, JsonMapper json) {
        this.notifications = notifications;
        this.properties = properties;
        this.json = json;
    }

    void tell(Subscription subscription, What what, Instant since, Integer lastResponseCode,
              Delivery.Error lastError, Instant now) {
        String content = json.writeValueAsString(new Notice(subscription.id(), subscription.url().getHost(), what,
                since, lastResponseCode, lastError));
        UUID cause = UUID.randomUUID();
        if (subscription.alertEmail() != null) {
            notifications.insert(Notification.pendingTo(subscription.alertEmail(), NotificationKind.PARTNER_NOTICE,
                    cause, content, now), "alert-email");
        }
        if (properties.opsEmail() != null && !properties.opsEmail().isBlank()) {
            notifications.insert(Notification.pendingTo(properties.opsEmail(), NotificationKind.PARTNER_NOTICE,
                    cause, content, now), "ops-email");
        }
        log.warn("Subscription {} {}; last answer {}", subscription.id(), what,
                lastResponseCode != null ? lastResponseCode : lastError);
    }
}
