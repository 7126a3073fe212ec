package org.clinicops.intake.progress.web;

import org.clinicops.intake.progress.ProgressMeasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A progress measure as staff read it: the answers, the total and its change from the baseline, response and
 * remission by PHQ-9 (null without a baseline, or for PTSD), and whether item 9 escalated it as a crisis.
 */
record ProgressMeasureResponse(UUID measureId, UUID patientId, UUID sessionId, List<Integer> phq9, int phq9Total,
                               UUID baselineScreeningId, Integer phq9Change, Boolean response, Boolean remission,
                               boolean crisis, List<String> reasons, String recordedBy, Instant recordedAt) {

    static ProgressMeasureResponse of(ProgressMeasure measure) {
        return new ProgressMeasureResponse(measure.measureId(), measure.patientId(), measure.sessionId(),
                measure.phq9().items(), measure.phq9().total(), measure.baselineScreeningId(), measure.phq9Change(),
                measure.response(), measure.remission(), measure.crisis(), measure.reasons(), measure.recordedBy(),
                measure.recordedAt());
    }
}
