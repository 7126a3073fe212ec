package org.clinicops.session.plan;

import org.clinicops.session.config.SessionProperties;
import org.clinicops.session.request.KeyClaims;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.request.JsonBodies;
import org.clinicops.support.request.JsonField;
import org.clinicops.support.request.JsonFields;
import org.clinicops.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * Records a patient's enrollment in esketamine's restricted programme on their plan, which an esketamine session
 * needs before check-in (CLINICAL section 1: the licensed product is dosed and monitored only in the clinic). Checked
 * in this order: the plan exists (404), the body (400), the key's form and the fields (422); then under the plan's
 * row lock a repeat with the same key and body answers the plan as it stands, and the plan decides.
 */
@Service
public class EsketamineEnrollments {

    private static final String OPERATION = "esketamine-enrollment";

    private final TreatmentPlans plans;
    private final JsonBodies bodies;
    private final KeyClaims keyClaims;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    EsketamineEnrollments(TreatmentPlans plans, JsonBodies bodies, KeyClaims keyClaims,
                          TransactionTemplate transactions, Clock clock, SessionProperties properties) {
        this.plans = plans;
        this.bodies = bodies;
        this.keyClaims = keyClaims;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = properties.clinic().zone();
    }

    /**
     * {@code enrolledOn} (optional, default today in the clinic's zone, not in the future), recorded by
     * {@code prescriberId} (the token's).
     *
     * @return the plan as it stands after the enrollment
     */
    public TreatmentPlan enroll(UUID patientId, byte[] body, String idempotencyKey, String prescriberId) {
        UUID planId = plans.findByPatient(patientId).map(TreatmentPlan::planId)
                .orElseThrow(() -> new NotFoundException("Patient " + patientId + " has no treatment plan"));
        JsonNode request = bodies.readObject(body);
        IdempotencyKeys.checkForm(idempotencyKey);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate enrolledOn = enrolledOn(request, today);

        return transactions.execute(tx -> {
            TreatmentPlan plan = plans.lock(planId).orElseThrow();
            Instant now = clock.instant();
            if (keyClaims.repeated(OPERATION, idempotencyKey, Map.of("patientId",
                    StringNode.valueOf(patientId.toString()), "body", request), planId, now, Map.of())) {
                return plan;
            }
            plan.enrollInEsketamine(enrolledOn, today, prescriberId, now).ifPresent(plans::recordEnrollment);
            return plans.findById(planId).orElseThrow();
        });
    }

    /** {@code {"enrolledOn": "2026-11-25"}}: the date, or null for today; 422 for one after {@code today}. */
    static LocalDate enrolledOn(JsonNode request, LocalDate today) {
        JsonFields fields = new JsonFields(request);
        JsonField enrolledOnField = fields.field("enrolledOn");
        LocalDate enrolledOn = enrolledOnField.optionalDate();
        if (enrolledOn != null && enrolledOn.isAfter(today)) {
            enrolledOnField.reject("must not be in the future (today is " + today + " in the clinic's zone)");
        }
        fields.throwIfInvalid();
        return enrolledOn;
    }
}
