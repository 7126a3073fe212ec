package org.clinicops.notification.partner.web;

import org.clinicops.support.apidocs.DocumentedBody;
import org.clinicops.support.security.PartnerClinic;
import org.clinicops.notification.partner.SubscriptionRegistry;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.request.JsonBodies;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /api/partner/subscriptions}: a partner clinic's webhook subscriptions, only ever its own. */
@RestController
@RequestMapping("/api/partner/subscriptions")
class SubscriptionController {

    private final SubscriptionRegistry registry;
    private final JsonBodies bodies;

    SubscriptionController(SubscriptionRegistry registry, JsonBodies bodies) {
        this.registry = registry;
        this.bodies = bodies;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal Jwt token,
                                               @DocumentedBody("Subscription")
                                               @RequestBody(required = false) byte[] body,
                                               @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                               String idempotencyKey) {
        SubscriptionRegistry.Created created = registry.create(clinic(token), bodies.readObject(body), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/partner/subscriptions/" + created.subscription().id()))
                .body(PartnerJson.created(created.subscription()));
    }

    @GetMapping
    Map<String, List<Map<String, Object>>> list(@AuthenticationPrincipal Jwt token) {
        return Map.of("subscriptions", registry.list(clinic(token)).stream().map(PartnerJson::subscription).toList());
    }

    @GetMapping("/{subscriptionId}")
    Map<String, Object> get(@AuthenticationPrincipal Jwt token, @PathVariable UUID subscriptionId) {
        return PartnerJson.subscription(registry.get(clinic(token), subscriptionId));
    }

    @DeleteMapping("/{subscriptionId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID subscriptionId) {
        registry.delete(clinic(token), subscriptionId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{subscriptionId}/secret/rotate")
    Map<String, Object> rotate(@AuthenticationPrincipal Jwt token, @PathVariable UUID subscriptionId,
                               @DocumentedBody(value = "SecretRotation", required = false)
                               @RequestBody(required = false) byte[] body,
                               @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        PartnerClinic clinic = clinic(token);
        // the subscription is looked up (404) before the optional body is
        registry.get(clinic, subscriptionId);
        JsonNode options = body == null || body.length == 0 ? JsonNodeFactory.instance.objectNode()
                : bodies.readObject(body);
        SubscriptionRegistry.Rotated rotated = registry.rotate(clinic, subscriptionId, options, idempotencyKey);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("secret", rotated.secret());
        json.put("previousSecretExpiresAt", PartnerJson.instant(rotated.previousSecretExpiresAt()));
        return json;
    }

    @PostMapping("/{subscriptionId}/enable")
    Map<String, Object> enable(@AuthenticationPrincipal Jwt token, @PathVariable UUID subscriptionId) {
        return PartnerJson.subscription(registry.enable(clinic(token), subscriptionId));
    }

    /** The security chain admits only partner tokens here, so every request has its clinic. */
    static PartnerClinic clinic(Jwt token) {
        return PartnerClinic.ofAdmitted(token);
    }
}
