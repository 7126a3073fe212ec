package org.clinicops.intake.screening;

import org.clinicops.events.ReviewDecision;

/** What a clinician does with a screening, as a review request says it; recorded and published as APPROVED/DECLINED. */
public enum ClinicianDecision {
    APPROVE(ReviewDecision.APPROVED),
    DECLINE(ReviewDecision.DECLINED);

    private final ReviewDecision recorded;

    ClinicianDecision(ReviewDecision recorded) {
        this.recorded = recorded;
    }

    public ReviewDecision recorded() {
        return recorded;
    }

    static ClinicianDecision of(ReviewDecision recorded) {
        return recorded == ReviewDecision.APPROVED ? APPROVE : DECLINE;
    }
}
