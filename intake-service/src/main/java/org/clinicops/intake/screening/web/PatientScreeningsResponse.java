package org.clinicops.intake.screening.web;

import org.clinicops.intake.screening.Instruments;
import org.clinicops.intake.screening.InstrumentScore;
import org.clinicops.intake.screening.MeasurementBasedCare;
import org.clinicops.intake.screening.Screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A patient's screening history (CLINICAL D-9): every screening oldest first, and per instrument ever given its
 * results over time with the change from the baseline.
 *
 * @param baselineScreeningId null while the patient has no screening
 * @param instruments         by API name, in the instruments' order; an entry for each instrument given at least once
 */
public record PatientScreeningsResponse(
        UUID patientId,
        UUID baselineScreeningId,
        List<ScreeningSummaryResponse> screenings,
        Map<String, List<Point>> instruments) {

    /**
     * One result of an instrument.
     *
     * @param total  null for the C-SSRS screener, which has a risk only
     * @param change total - the baseline's total; null when the baseline lacks this instrument (or it has no total)
     */
    public record Point(UUID screeningId, LocalDate screenedOn, Integer total, String severity, Integer change) {
    }

    /** @param screenings the patient's, in the order they were recorded (the baseline first) */
    static PatientScreeningsResponse of(UUID patientId, List<Screening> screenings) {
        Screening baseline = screenings.stream().filter(Screening::baseline).findFirst().orElse(null);
        Map<String, List<Point>> instruments = new LinkedHashMap<>();
        for (String instrument : Instruments.NAMES) {
            List<Point> points = new ArrayList<>();
            for (Screening screening : screenings) {
                InstrumentScore score = screening.scores().get(instrument);
                if (score != null) {
                    points.add(new Point(screening.screeningId(), screening.screenedOn(), score.total(),
                            score.severity(), MeasurementBasedCare.change(score.total(), baseline.total(instrument))));
                }
            }
            if (!points.isEmpty()) {
                instruments.put(instrument, points);
            }
        }
        return new PatientScreeningsResponse(patientId, baseline == null ? null : baseline.screeningId(),
                screenings.stream().map(ScreeningSummaryResponse::of).toList(), instruments);
    }
}
