package org.clinicops.intake.screening.web;

import org.clinicops.intake.screening.Screening;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A screening in a list by status (the review queue).
 *
 * @param crisis true for a crisis no clinician has assessed yet (status CRISIS_ESCALATION), listed first
 */
public record QueueEntryResponse(
        UUID screeningId,
        UUID patientId,
        String indication,
        String outcome,
        String status,
        List<String> reasons,
        List<FindingResponse> findings,
        Map<String, ScoreResponse> scores,
        Instant recordedAt,
        boolean crisis) {

    static QueueEntryResponse of(Screening screening) {
        return new QueueEntryResponse(screening.screeningId(), screening.patientId(), screening.indication().name(),
                screening.outcome().name(), screening.status().name(), screening.reasons(),
                screening.findings().stream().map(FindingResponse::of).toList(), ScoreResponse.of(screening.scores()),
                screening.recordedAt(), screening.awaitsCrisisAssessment());
    }
}
