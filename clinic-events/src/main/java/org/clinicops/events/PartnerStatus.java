package org.clinicops.events;

/**
 * The whole of what a partner clinic learns about a screening of a patient it referred: never the outcome code,
 * reasons or scores. A crisis reads as a review on purpose (CLINICAL section 5, "Partners"). intake-service answers it
 * on the partner status route and notification-service sends its changes, so both map it here.
 */
public enum PartnerStatus {
    ACCEPTED,
    UNDER_CLINICAL_REVIEW,
    NOT_ACCEPTED;

    public static PartnerStatus of(ScreeningOutcome outcome) {
        return switch (outcome) {
            case ELIGIBLE -> ACCEPTED;
            case NEEDS_CLINICIAN_REVIEW, CRISIS_ESCALATION -> UNDER_CLINICAL_REVIEW;
            case INELIGIBLE -> NOT_ACCEPTED;
        };
    }

    public static PartnerStatus of(ReviewDecision decision) {
        return switch (decision) {
            case APPROVED -> ACCEPTED;
            case DECLINED -> NOT_ACCEPTED;
        };
    }
}
