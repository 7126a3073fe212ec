package org.clinicops.intake.screening;

import org.clinicops.intake.request.Problems;
import org.clinicops.support.request.JsonField;
import org.clinicops.support.request.JsonFields;
import tools.jackson.databind.JsonNode;


/**
 * A checked {@code POST /api/screenings/{screeningId}/review} body, against the screening it decides and the role the
 * reviewer's token gives (CLINICAL section 5): any clinician may approve or decline a review or an assessed crisis,
 * and decline an INELIGIBLE screening; approving over an INELIGIBLE finding is an override, for a prescriber only,
 * with a reason, and never over AGE_UNDER_18. Who decides is the token's, never the body's: members named
 * {@code clinicianId} or {@code clinicianRole} are ignored.
 *
 * @param overrideReason given exactly for an override
 * @param override       the decision approves over an INELIGIBLE finding
 */
record ReviewRequest(
        ClinicianDecision decision,
        String note,
        String overrideReason,
        boolean override) {

    static final int NOTE_MAX = 2000;
    static final int OVERRIDE_REASON_MAX = 2000;

    /**
     * @throws org.clinicops.support.web.InvalidRequestException naming every invalid field (422)
     * @throws org.springframework.web.ErrorResponseException    403 when a clinician who is not a prescriber
     *                                                           approves over an INELIGIBLE finding
     */
    static ReviewRequest read(JsonNode body, Screening screening, ClinicianRole role) {
        JsonFields fields = new JsonFields(body);
        JsonField decisionField = fields.field("decision");
        ClinicianDecision decision = decisionField.requiredEnum(ClinicianDecision.class);
        String note = fields.field("note").requiredString(NOTE_MAX);
        JsonField overrideReasonField = fields.field("overrideReason");
        String overrideReason = overrideReasonField.optionalString(OVERRIDE_REASON_MAX);

        boolean override = decision == ClinicianDecision.APPROVE && screening.hasIneligibleFinding();
        if (override && screening.reasons().contains(EligibilityRules.AGE_UNDER_18)) {
            decisionField.reject("AGE_UNDER_18 cannot be overridden (CLINICAL section 5): the screening of a patient"
                    + " under 18 can only be declined");
        } else if (override && role == ClinicianRole.CLINICIAN) {
            throw Problems.forbidden("Only a PRESCRIBER may approve a screening with an INELIGIBLE finding"
                    + " (CLINICAL section 5); a CLINICIAN may decline it.");
        } else if (override && overrideReason == null && !overrideReasonField.hasError()) {
            overrideReasonField.reject("is required to approve a screening with an INELIGIBLE finding (an"
                    + " override, CLINICAL section 5)");
        }
        if (overrideReason != null && decision != null && !override) {
            overrideReasonField.reject("is only for approving a screening with an INELIGIBLE finding; use note");
        }
        fields.throwIfInvalid();
        return new ReviewRequest(decision, note, overrideReason, override);
    }
}
