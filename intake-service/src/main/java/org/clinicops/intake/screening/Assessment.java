package org.clinicops.intake.screening;

import org.clinicops.events.ScreeningOutcome;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the eligibility rules made of a screening: every rule that held, and the most severe of their outcomes.
 *
 * @param findings one per rule that held (a listed condition or medication counts as one rule each), in rule order
 */
public record Assessment(ScreeningOutcome outcome, List<Finding> findings) {

    public Assessment {
        findings = List.copyOf(findings);
    }

    /** The reason codes, each once; empty for ELIGIBLE. */
    public List<String> reasons() {
        LinkedHashSet<String> reasons = new LinkedHashSet<>();
        findings.forEach(finding -> reasons.add(finding.code()));
        return List.copyOf(reasons);
    }
}
