package org.clinicops.intake.screening.web;

import org.clinicops.intake.screening.Screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A screening as the API shows it (CLINICAL section 3, plus when, whether baseline, why, where it stands, the
 * progress from the baseline, and the clinician's decision).
 *
 * @param progress null for the baseline screening
 * @param review   null until a clinician decides
 */
public record ScreeningResponse(
        UUID screeningId,
        UUID patientId,
        String indication,
        LocalDate screenedOn,
        Instant recordedAt,
        boolean baseline,
        String outcome,
        String status,
        List<String> reasons,
        Map<String, ScoreResponse> scores,
        List<FindingResponse> findings,
        ProgressResponse progress,
        ReviewResponse review) {

    static ScreeningResponse of(Screening screening) {
        return new ScreeningResponse(screening.screeningId(), screening.patientId(), screening.indication().name(),
                screening.screenedOn(), screening.recordedAt(), screening.baseline(), screening.outcome().name(),
                screening.status().name(), screening.reasons(), ScoreResponse.of(screening.scores()),
                screening.findings().stream().map(FindingResponse::of).toList(),
                ProgressResponse.of(screening.progress()), ReviewResponse.of(screening.review()));
    }
}
