package org.clinicops.notification.partner;

import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * {@code email/partner-notice.mustache}: a partner subscription was disabled or a delivery failed for good. Instants
 * in UTC, as the partner API writes them, since the reader may be in any time zone.
 */
@Component
class PartnerNoticeTemplate implements MessageTemplate {

    private final JsonMapper json;

    PartnerNoticeTemplate(JsonMapper json) {
        this.json = json;
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.PARTNER_NOTICE;
    }

    @Override
    public Map<String, ?> values(Notification notification) {
        PartnerNotices.Notice notice = json.readValue(notification.content(), PartnerNotices.Notice.class);
        return Map.of(
                "subscriptionId", notice.subscriptionId(),
                "host", notice.host(),
                "deliveryFailed", notice.what() == PartnerNotices.What.DELIVERY_FAILED,
                "disabledFailing", notice.what() == PartnerNotices.What.DISABLED_FAILING,
                "endpointGone", notice.what() == PartnerNotices.What.DISABLED_ENDPOINT_GONE,
                "since", Envelopes.instant(notice.since()),
                "lastAnswer", notice.lastResponseCode() != null ? "HTTP " + notice.lastResponseCode()
                        : notice.lastError() != null ? notice.lastError().name() : "none");
    }
}
