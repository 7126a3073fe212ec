package org.clinicops.intake.screening.web;

import org.clinicops.intake.screening.Screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A screening as the API shows it (CLINICAL section 3, plus when, whether baseline, and why). */
public record ScreeningResponse(
        UUID screeningId,
        UUID patientId,
        String indication,
        LocalDate screenedOn,
        Instant recordedAt,
        boolean baseline,
        String outcome,
        List<String> reasons,
        Map<String, ScoreResponse> scores,
        List<FindingResponse> findings) {

    static ScreeningResponse of(Screening screening) {
        return new ScreeningResponse(screening.screeningId(), screening.patientId(), screening.indication().name(),
                screening.screenedOn(), screening.recordedAt(), screening.baseline(), screening.outcome().name(),
                screening.reasons(), ScoreResponse.of(screening.scores()),
                screening.findings().stream().map(FindingResponse::of).toList());
    }
}
