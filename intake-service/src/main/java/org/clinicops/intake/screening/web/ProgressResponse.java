package org.clinicops.intake.screening.web;

import org.clinicops.events.ScreeningProgress;

import java.util.UUID;

/**
 * A re-screening's progress from the baseline (CLINICAL D-9); {@code pcl5Change} is null unless PCL-5 was given both
 * times.
 */
public record ProgressResponse(UUID baselineScreeningId, Integer phq9Change, Integer pcl5Change, boolean response,
                               boolean remission) {

    /** @return null for the baseline screening, which has no progress */
    static ProgressResponse of(ScreeningProgress progress) {
        return progress == null ? null : new ProgressResponse(progress.baselineScreeningId(), progress.phq9Change(),
                progress.pcl5Change(), progress.response(), progress.remission());
    }
}
