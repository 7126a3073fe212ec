package org.clinicops.notification.partner.web;

import org.clinicops.notification.partner.Delivery;
import org.clinicops.notification.partner.DeliveryLog;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.web.FieldError;
import org.clinicops.support.web.InvalidRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/partner/subscriptions/{id}/deliveries}: a subscription's delivery log, newest first, one delivery with
 * its attempts, and redelivery by hand. A bad parameter is a 422 naming it.
 */
@RestController
@RequestMapping("/api/partner/subscriptions/{subscriptionId}/deliveries")
class DeliveryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final DeliveryLog log;

    DeliveryController(DeliveryLog log) {
        this.log = log;
    }

    @GetMapping
    Map<String, Object> deliveries(@AuthenticationPrincipal Jwt token, @PathVariable UUID subscriptionId,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) String before,
                                   @RequestParam(required = false) String limit) {
        List<FieldError> errors = new ArrayList<>();
        Delivery.Status wanted = null;
        if (status != null) {
            try {
                wanted = Delivery.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of PENDING, SUCCEEDED, FAILED, SKIPPED"));
            }
        }
        long beforeSequence = PartnerEventController.number(before, "before", 1, Long.MAX_VALUE, Long.MAX_VALUE,
                errors);
        long pageSize = PartnerEventController.number(limit, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        DeliveryLog.Page page = log.page(SubscriptionController.clinic(token), subscriptionId, wanted,
                beforeSequence, (int) pageSize);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveries", page.deliveries().stream().map(PartnerJson::delivery).toList());
        body.put("nextBefore", page.nextBefore());
        return body;
    }

    @GetMapping("/{deliveryId}")
    Map<String, Object> delivery(@AuthenticationPrincipal Jwt token, @PathVariable UUID subscriptionId,
                                 @PathVariable UUID deliveryId) {
        DeliveryLog.Detail detail = log.get(SubscriptionController.clinic(token), subscriptionId, deliveryId);
        return PartnerJson.delivery(detail.delivery(), detail.attempts());
    }

    @PostMapping("/{deliveryId}/redeliver")
    ResponseEntity<Map<String, Object>> redeliver(@AuthenticationPrincipal Jwt token, @PathVariable UUID subscriptionId,
                                                  @PathVariable UUID deliveryId,
                                                  @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                  String idempotencyKey) {
        Delivery delivery = log.redeliver(SubscriptionController.clinic(token), subscriptionId, deliveryId,
                idempotencyKey);
        return ResponseEntity.accepted().body(PartnerJson.delivery(delivery));
    }
}
