package org.clinicops.intake.screening;

import org.clinicops.intake.patient.SexAtBirth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The instruments given at a screening. PHQ-9, GAD-7 and the C-SSRS screener are always given; PCL-5, AUDIT-C and
 * DAST-10 are null when not given (which indications require them is checked when the request is read).
 */
public record Instruments(Phq9 phq9, Gad7 gad7, Pcl5 pcl5, AuditC auditC, Dast10 dast10, Cssrs cssrs) {

    /** The instruments' API names, in the order scores are reported. */
    public static final List<String> NAMES = List.of("phq9", "gad7", "pcl5", "auditC", "dast10", "cssrs");

    public Instruments {
        Objects.requireNonNull(phq9, "phq9");
        Objects.requireNonNull(gad7, "gad7");
        Objects.requireNonNull(cssrs, "cssrs");
    }

    /**
     * An entry for each instrument given, under its API name, in a fixed order.
     *
     * @param sexAtBirth null when unknown; sets the AUDIT-C cut-off
     */
    public Map<String, InstrumentScore> scores(SexAtBirth sexAtBirth) {
        Map<String, InstrumentScore> scores = new LinkedHashMap<>();
        scores.put("phq9", phq9.score());
        scores.put("gad7", gad7.score());
        if (pcl5 != null) {
            scores.put("pcl5", pcl5.score());
        }
        if (auditC != null) {
            scores.put("auditC", auditC.score(sexAtBirth));
        }
        if (dast10 != null) {
            scores.put("dast10", dast10.score());
        }
        scores.put("cssrs", cssrs.score());
        return scores;
    }
}
