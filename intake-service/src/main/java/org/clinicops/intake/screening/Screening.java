package org.clinicops.intake.screening;

import org.clinicops.events.PartnerStatus;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.ScreeningProgress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A recorded screening: the scores and the outcome the rules gave at {@code recordedAt}, kept as decided, and the
 * clinician's decision once there is one.
 *
 * @param baseline true for the patient's first screening, false for a re-screening (CLINICAL D-9)
 * @param scores   an entry per instrument given, by API name ({@code phq9}, {@code cssrs} ...)
 * @param reasons  the reason code of every rule that held, each once; empty for ELIGIBLE
 * @param progress the change from the baseline (CLINICAL D-9); null on the baseline itself
 * @param review   the clinician's decision (CLINICAL section 5); null until decided
 */
public record Screening(
        UUID screeningId,
        UUID patientId,
        Indication indication,
        LocalDate screenedOn,
        Instant recordedAt,
        boolean baseline,
        Map<String, InstrumentScore> scores,
        ScreeningOutcome outcome,
        List<String> reasons,
        List<Finding> findings,
        ScreeningProgress progress,
        Review review) {

    /** The outcome while undecided, then the decision. */
    public ScreeningStatus status() {
        if (review != null) {
            return review.decision() == ClinicianDecision.APPROVE ? ScreeningStatus.APPROVED : ScreeningStatus.DECLINED;
        }
        return switch (outcome) {
            case ELIGIBLE -> ScreeningStatus.ELIGIBLE;
            case NEEDS_CLINICIAN_REVIEW -> ScreeningStatus.NEEDS_CLINICIAN_REVIEW;
            case CRISIS_ESCALATION -> ScreeningStatus.CRISIS_ESCALATION;
            case INELIGIBLE -> ScreeningStatus.INELIGIBLE;
        };
    }

    /** What the referring partner clinic may learn of this screening: the outcome while undecided, then the decision. */
    public PartnerStatus partnerStatus() {
        return review == null ? PartnerStatus.of(outcome) : PartnerStatus.of(review.decision().recorded());
    }

    /** A crisis no clinician has assessed yet: it stays at the top of the review queue (CLINICAL section 5). */
    public boolean awaitsCrisisAssessment() {
        return status() == ScreeningStatus.CRISIS_ESCALATION;
    }

    /**
     * Whether a rule gave INELIGIBLE, so that approving is an override (CLINICAL section 5). This holds for an
     * INELIGIBLE outcome and also for a crisis whose other findings make it ineligible: assessing the crisis does
     * not clear them.
     */
    public boolean hasIneligibleFinding() {
        return findings.stream().anyMatch(finding -> finding.outcome() == ScreeningOutcome.INELIGIBLE);
    }

    /** The instrument's total, null when it was not given (and for the C-SSRS screener, which has none). */
    public Integer total(String instrument) {
        InstrumentScore score = scores.get(instrument);
        return score == null ? null : score.total();
    }

    Screening decided(Review decision) {
        return new Screening(screeningId, patientId, indication, screenedOn, recordedAt, baseline, scores, outcome,
                reasons, findings, progress, decision);
    }
}
