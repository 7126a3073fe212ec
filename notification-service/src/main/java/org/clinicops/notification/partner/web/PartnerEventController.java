package org.clinicops.notification.partner.web;

import org.clinicops.notification.partner.PartnerEvents;
import org.clinicops.notification.partner.PartnerFeed;
import org.clinicops.support.web.FieldError;
import org.clinicops.support.web.InvalidRequestException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/partner/events?subscriptionId=&after=&limit=}: catch-up by sequence number. A missing or bad
 * parameter is a 422 naming it.
 */
@RestController
class PartnerEventController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final PartnerFeed feed;
    private final JsonMapper json;

    PartnerEventController(PartnerFeed feed, JsonMapper json) {
        this.feed = feed;
        this.json = json;
    }

    @GetMapping("/api/partner/events")
    Map<String, Object> events(@AuthenticationPrincipal Jwt token,
                               @RequestParam(required = false) String subscriptionId,
                               @RequestParam(required = false) String after,
                               @RequestParam(required = false) String limit) {
        List<FieldError> errors = new ArrayList<>();
        UUID subscription = null;
        if (subscriptionId == null || subscriptionId.isBlank()) {
            errors.add(new FieldError("subscriptionId", "is required"));
        } else {
            try {
                subscription = UUID.fromString(subscriptionId);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("subscriptionId", "must be a subscription id"));
            }
        }
        long afterSequence = number(after, "after", 0, Long.MAX_VALUE, 0, errors);
        long pageSize = number(limit, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        PartnerFeed.Page page = feed.after(SubscriptionController.clinic(token), subscription, afterSequence,
                (int) pageSize);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscriptionId", page.subscriptionId().toString());
        body.put("events", page.events().stream().map(PartnerEvents.Numbered::envelope).map(json::readTree).toList());
        body.put("lastSequence", page.lastSequence());
        body.put("firstRetainedSequence", page.firstRetainedSequence());
        body.put("hasMore", page.hasMore());
        return body;
    }

    static long number(String value, String name, long min, long max, long absent, List<FieldError> errors) {
        if (value == null) {
            return absent;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as a value out of range is
        }
        errors.add(new FieldError(name, max == Long.MAX_VALUE ? "must be an integer >= " + min
                : "must be an integer from " + min + " to " + max));
        return absent;
    }
}
