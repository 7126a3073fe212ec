package org.clinicops.intake.screening.web;

import org.clinicops.intake.screening.Finding;

/** A rule that held: {@code {"rule": "S-11", "code": "TRD_NOT_ESTABLISHED", "outcome": ..., "explanation": ...}}. */
public record FindingResponse(String rule, String code, String outcome, String explanation) {

    static FindingResponse of(Finding finding) {
        return new FindingResponse(finding.rule(), finding.code(), finding.outcome().name(), finding.explanation());
    }
}
