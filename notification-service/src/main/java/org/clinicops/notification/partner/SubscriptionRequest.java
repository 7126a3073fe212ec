package org.clinicops.notification.partner;

import org.clinicops.support.request.JsonField;
import org.clinicops.support.request.JsonFields;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A checked {@code POST /api/partner/subscriptions} body. */
record SubscriptionRequest(URI url, SortedSet<PartnerEventType> eventTypes, String description, String alertEmail,
                           int rateLimitPerSecond) {

    static final int URL_MAX = 2048;
    static final int DESCRIPTION_MAX = 200;
    static final int EMAIL_MAX = 254;
    static final int DEFAULT_RATE_LIMIT = 10;
    static final int MAX_RATE_LIMIT = 50;
    static final Comparator<PartnerEventType> BY_TYPE = Comparator.comparing(PartnerEventType::type);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    /**
     * Checks every member; the URL's host is resolved and every address it resolves to judged.
     *
     * @throws org.clinicops.support.web.InvalidRequestException naming every bad member
     */
    static SubscriptionRequest read(JsonNode body, WebhookTargets targets) {
        JsonFields fields = new JsonFields(body);
        JsonField urlField = fields.field("url");
        URI url = url(urlField, targets);

        JsonField typesField = fields.field("eventTypes");
        SortedSet<PartnerEventType> eventTypes = new TreeSet<>(BY_TYPE);
        List<JsonField> types = typesField.requiredArray();
        if (types != null && types.isEmpty()) {
            typesField.reject("must name at least one event type");
        }
        for (JsonField type : types == null ? List.<JsonField>of() : types) {
            String name = type.requiredString(100);
            if (name != null) {
                PartnerEventType.ofType(name).ifPresentOrElse(eventTypes::add,
                        () -> type.reject("is not an event type; GET /api/partner/event-types lists them"));
            }
        }

        String description = fields.field("description").optionalString(DESCRIPTION_MAX);
        JsonField emailField = fields.field("alertEmail");
        String alertEmail = emailField.optionalString(EMAIL_MAX);
        if (alertEmail != null && !EMAIL.matcher(alertEmail).matches()) {
            emailField.reject("must be an e-mail address like it-oncall@example.org");
        }
        JsonField rateField = fields.field("rateLimitPerSecond");
        Integer rateLimit = rateField.optionalInteger(1, MAX_RATE_LIMIT);

        fields.throwIfInvalid();
        return new SubscriptionRequest(url, eventTypes, description, alertEmail,
                rateLimit == null ? DEFAULT_RATE_LIMIT : rateLimit);
    }

    private static URI url(JsonField field, WebhookTargets targets) {
        String text = field.requiredString(URL_MAX);
        if (text == null) {
            return null;
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            field.reject("must be an absolute https URL");
            return null;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            field.reject("must be an absolute https URL");
        } else if (url.getRawUserInfo() != null) {
            field.reject("must not carry a user name or password");
        } else if (url.getRawFragment() != null) {
            field.reject("must not have a fragment");
        } else {
            try {
                targets.admit(url);
                return url;
            } catch (WebhookTargets.TargetRefused e) {
                field.reject(e.getMessage());
            }
        }
        return null;
    }
}
