package org.clinicops.intake.screening.web;

import org.clinicops.intake.screening.Review;

import java.time.Instant;

/** A clinician's decision as the API shows it; {@code overrideReason} is null unless it overrode INELIGIBLE. */
public record ReviewResponse(String decision, String clinicianId, String clinicianRole, String note,
                             String overrideReason, Instant decidedAt) {

    /** @return null for an undecided screening */
    static ReviewResponse of(Review review) {
        return review == null ? null : new ReviewResponse(review.decision().name(), review.clinicianId(),
                review.clinicianRole() == null ? null : review.clinicianRole().name(), review.note(), review.overrideReason(), review.decidedAt());
    }
}
