package org.clinicops.session.monitoring;

import org.clinicops.session.request.KeyClaims;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.request.JsonBodies;
import org.clinicops.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Marks a due monitoring form submitted, checked in this order: the session exists (404), the body is a JSON object
 * (400), the key's form (422); then, under the form's row lock, a repeat with the same key and body answers the form
 * as it stands and a form not due is a 409. Who submitted it is the token's staff id, whatever the body says.
 */
@Service
public class MonitoringFormSubmissions {

    private static final String OPERATION = "monitoring-form";

    private final MonitoringForms forms;
    private final Sessions sessions;
    private final JsonBodies bodies;
    private final KeyClaims keyClaims;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MonitoringFormSubmissions(MonitoringForms forms, Sessions sessions, JsonBodies bodies, KeyClaims keyClaims,
                              TransactionTemplate transactions, Clock clock) {
        this.forms = forms;
        this.sessions = sessions;
        this.bodies = bodies;
        this.keyClaims = keyClaims;
        this.transactions = transactions;
        this.clock = clock;
    }

    public MonitoringForm submit(UUID sessionId, byte[] body, String idempotencyKey, String submittedBy) {
        sessions.findById(sessionId).orElseThrow(() -> new NotFoundException("No session " + sessionId));
        JsonNode request = bodies.readObject(body);
        IdempotencyKeys.checkForm(idempotencyKey);
        return transactions.execute(tx -> {
            MonitoringForm form = forms.lock(sessionId).orElse(null);
            Instant now = clock.instant();
            if (keyClaims.repeated(OPERATION, idempotencyKey, Map.of("sessionId",
                    StringNode.valueOf(sessionId.toString()), "body", request), sessionId, now, Map.of())) {
                return forms.find(sessionId).orElseThrow();
            }
            if (form == null) {
                throw MonitoringForms.noFormDue(sessionId, "only a discharge from an esketamine session makes one due");
            }
            MonitoringForm submitted = form.submit(submittedBy, now);
            forms.markSubmitted(submitted);
            return submitted;
        });
    }
}
