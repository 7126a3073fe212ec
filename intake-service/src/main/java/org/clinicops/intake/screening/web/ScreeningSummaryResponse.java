package org.clinicops.intake.screening.web;

import org.clinicops.intake.screening.Screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One screening in a patient's history; {@code progress} is null for the baseline. */
public record ScreeningSummaryResponse(
        UUID screeningId,
        String indication,
        LocalDate screenedOn,
        Instant recordedAt,
        boolean baseline,
        String outcome,
        String status,
        List<String> reasons,
        Map<String, ScoreResponse> scores,
        ProgressResponse progress) {

    static ScreeningSummaryResponse of(Screening screening) {
        return new ScreeningSummaryResponse(screening.screeningId(), screening.indication().name(),
                screening.screenedOn(), screening.recordedAt(), screening.baseline(), screening.outcome().name(),
                screening.status().name(), screening.reasons(), ScoreResponse.of(screening.scores()),
                ProgressResponse.of(screening.progress()));
    }
}
