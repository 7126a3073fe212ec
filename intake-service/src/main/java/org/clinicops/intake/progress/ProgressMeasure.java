package org.clinicops.intake.progress;

import org.clinicops.intake.screening.EligibilityRules;
import org.clinicops.intake.screening.MeasurementBasedCare;
import org.clinicops.intake.screening.Phq9;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A PHQ-9 taken before a session (CLINICAL D-9), compared with the patient's baseline screening as a re-screening
 * would be, by PHQ-9. For a PTSD patient, whose response goes by PCL-5, a PHQ-9 alone decides neither response nor
 * remission: both are null, as they are without a baseline.
 *
 * @param sessionId           the session it was taken before; null when not tied to one
 * @param baselineScreeningId null when the patient has no screening yet
 * @param phq9Change          total - baseline total; null without a baseline
 * @param crisis              item 9 >= 1 (S-1): the on-call clinician is paged
 */
public record ProgressMeasure(UUID measureId, UUID patientId, UUID sessionId, Phq9 phq9, UUID baselineScreeningId,
                              Integer phq9Change, Boolean response, Boolean remission, boolean crisis,
                              String recordedBy, Instant recordedAt) {

    /** CLINICAL S-1 on the progress measure: its reason code, as on a screening. */
    public static final String PHQ9_ITEM9_POSITIVE = "PHQ9_ITEM9_POSITIVE";

    /** The baseline a measure is compared with: its screening, its PHQ-9 total, and whether it was for PTSD. */
    public record Baseline(UUID screeningId, int phq9Total, boolean ptsd) {
    }

    /** @param baseline null when the patient has not been screened */
    public static ProgressMeasure taken(UUID patientId, UUID sessionId, Phq9 phq9, Baseline baseline,
                                        String recordedBy, Instant now) {
        int total = phq9.total();
        boolean judged = baseline != null && !baseline.ptsd();
        return new ProgressMeasure(UUID.randomUUID(), patientId, sessionId, phq9,
                baseline == null ? null : baseline.screeningId(),
                baseline == null ? null : MeasurementBasedCare.change(total, baseline.phq9Total()),
                judged ? MeasurementBasedCare.phq9Response(total, baseline.phq9Total()) : null,
                judged ? MeasurementBasedCare.phq9Remission(total) : null,
                phq9.item9() >= EligibilityRules.PHQ9_ITEM9_POSITIVE, recordedBy, now);
    }

    public List<String> reasons() {
        return crisis ? List.of(PHQ9_ITEM9_POSITIVE) : List.of();
    }
}
