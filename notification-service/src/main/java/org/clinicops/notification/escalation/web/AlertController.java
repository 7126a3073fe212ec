package org.clinicops.notification.escalation.web;

import org.clinicops.notification.escalation.AlertStatus;
import org.clinicops.notification.escalation.Escalations;
import org.clinicops.support.apidocs.DocumentedBody;
import org.clinicops.support.request.JsonBodies;
import org.clinicops.support.security.Caller;
import org.clinicops.support.web.BadParameterException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The alerts staff act on, and their acknowledgement. Only a clinician or prescriber may acknowledge (an
 * acknowledgement stops the chain, so it must come from someone who can assess the patient); until staff sign in, the
 * body names who acknowledges.
 */
@RestController
class AlertController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    private final Escalations escalations;
    private final JsonBodies bodies;

    AlertController(Escalations escalations, JsonBodies bodies) {
        this.escalations = escalations;
        this.bodies = bodies;
    }

    /**
     * {@code ?status=OPEN} or {@code ACKNOWLEDGED}, all without; open before acknowledged, crises first, the oldest
     * first; at most {@code limit} (100 unless given, at most 500).
     */
    @GetMapping("/api/alerts")
    List<AlertResponse> list(@RequestParam(required = false) String status,
                             @RequestParam(required = false) Integer limit) {
        return escalations.list(status(status), limit(limit)).stream().map(AlertResponse::of).toList();
    }

    @GetMapping("/api/alerts/{alertId}")
    AlertResponse get(@PathVariable UUID alertId) {
        return AlertResponse.of(escalations.get(alertId));
    }

    /**
     * Acknowledged by the caller, a CLINICIAN or PRESCRIBER (its token's staff id; the body, a JSON object or
     * nothing, names no one: a member {@code acknowledgedBy} is ignored). 200 with the alert, the first
     * acknowledgement's when acknowledged before.
     */
    @PostMapping("/api/alerts/{alertId}/ack")
    AlertResponse acknowledge(@PathVariable UUID alertId,
                              @DocumentedBody(value = "AlertAcknowledgement", required = false)
                              @RequestBody(required = false) byte[] body,
                              Authentication clinician) {
        // an unknown alert is a 404 before the body is looked at
        escalations.get(alertId);
        if (body != null && body.length > 0) {
            bodies.readObject(body);
        }
        return AlertResponse.of(escalations.acknowledge(alertId, Caller.of(clinician).id()));
    }

    private static AlertStatus status(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(AlertStatus.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> new BadParameterException("status",
                        "must be one of " + Arrays.toString(AlertStatus.values()) + ", or left out for all"));
    }

    private static int limit(Integer value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw new BadParameterException("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return value;
    }
}
