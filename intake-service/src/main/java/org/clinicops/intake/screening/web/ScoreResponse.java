package org.clinicops.intake.screening.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.clinicops.intake.screening.InstrumentScore;

import java.util.LinkedHashMap;
import java.util.Map;

/** One instrument's result: {@code {total, severity}}, or {@code {severity}} alone for the C-SSRS screener. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreResponse(Integer total, String severity) {

    static Map<String, ScoreResponse> of(Map<String, InstrumentScore> scores) {
        Map<String, ScoreResponse> response = new LinkedHashMap<>();
        scores.forEach((instrument, score) -> response.put(instrument,
                new ScoreResponse(score.total(), score.severity())));
        return response;
    }
}
