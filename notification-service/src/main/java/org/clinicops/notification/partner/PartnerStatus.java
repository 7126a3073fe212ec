package org.clinicops.notification.partner;

import org.clinicops.events.ReviewDecision;
import org.clinicops.events.ScreeningOutcome;

/**
 * The whole of what a partner learns about a screening: never the outcome code, reasons or scores. A crisis reads as
 * a review on purpose.
 */
public enum PartnerStatus {
    ACCEPTED,
    UNDER_CLINICAL_REVIEW,
    NOT_ACCEPTED;

    static PartnerStatus of(ScreeningOutcome outcome) {
        return switch (outcome) {
            case ELIGIBLE -> ACCEPTED;
            case NEEDS_CLINICIAN_REVIEW, CRISIS_ESCALATION -> UNDER_CLINICAL_REVIEW;
            case INELIGIBLE -> NOT_ACCEPTED;
        };
    }

    static PartnerStatus of(ReviewDecision decision) {
        return switch (decision) {
            case APPROVED -> ACCEPTED;
            case DECLINED -> NOT_ACCEPTED;
        };
    }
}
