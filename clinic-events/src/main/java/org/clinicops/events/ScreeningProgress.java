package org.clinicops.events;

import java.util.UUID;

/**
 * Measurement-based care on a re-screening (CLINICAL D-9): the change of each total from the baseline screening
 * (null when the instrument was not given both times), and whether the patient responds or remits.
 */
public record ScreeningProgress(
        UUID baselineScreeningId,
        Integer phq9Change,
        Integer pcl5Change,
        boolean response,
        boolean remission) {
}
