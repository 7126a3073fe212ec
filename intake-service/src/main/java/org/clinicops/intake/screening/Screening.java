package org.clinicops.intake.screening;

import org.clinicops.events.ScreeningOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A recorded screening: the scores and the outcome the rules gave at {@code recordedAt}, kept as decided.
 *
 * @param baseline true for the patient's first screening, false for a re-screening (CLINICAL D-9)
 * @param scores   an entry per instrument given, by API name ({@code phq9}, {@code cssrs} ...)
 * @param reasons  the reason code of every rule that held, each once; empty for ELIGIBLE
 */
public record Screening(
        UUID screeningId,
        UUID patientId,
        Indication indication,
        LocalDate screenedOn,
        Instant recordedAt,
        boolean baseline,
        Map<String, InstrumentScore> scores,
        ScreeningOutcome outcome,
        List<String> reasons,
        List<Finding> findings) {
}
