package org.clinicops.intake.screening;

import org.clinicops.events.ScreeningProgress;

import java.util.Map;

/**
 * Measurement-based care (CLINICAL D-9): a re-screening is compared with the patient's baseline screening. Change =
 * total - baseline total per instrument; response and remission go by PHQ-9, or by PCL-5 for PTSD.
 */
public final class MeasurementBasedCare {

    /** CLINICAL D-9, PTSD: response is a PCL-5 total at least 10 points below the baseline's. */
    static final int PCL5_RESPONSE_DROP = 10;
    /** CLINICAL D-9: remission is a PHQ-9 total < 5. */
    static final int PHQ9_REMISSION_BELOW = 5;
    /** CLINICAL D-9, PTSD: remission is a PCL-5 total < 33. */
    static final int PCL5_REMISSION_BELOW = 33;

    private MeasurementBasedCare() {
    }

    /**
     * @param baseline   the patient's baseline screening
     * @param indication the re-screening's indication (PTSD is judged by PCL-5)
     * @param scores     the re-screening's scores
     */
    static ScreeningProgress progress(Screening baseline, Indication indication, Map<String, InstrumentScore> scores) {
        int phq9 = scores.get("phq9").total();
        Integer phq9Change = change(phq9, baseline.total("phq9"));
        InstrumentScore pcl5Score = scores.get("pcl5");
        Integer pcl5 = pcl5Score == null ? null : pcl5Score.total();
        Integer pcl5Change = change(pcl5, baseline.total("pcl5"));
        boolean response;
        boolean remission;
        if (indication == Indication.PTSD) {
            // PCL-5 is required for PTSD; without a baseline PCL-5 there is nothing to respond from
            response = pcl5Change != null && pcl5Change <= -PCL5_RESPONSE_DROP;
            remission = pcl5 < PCL5_REMISSION_BELOW;
        } else {
            response = phq9Response(phq9, baseline.total("phq9"));
            remission = phq9Remission(phq9);
        }
        return new ScreeningProgress(baseline.screeningId(), phq9Change, pcl5Change, response, remission);
    }

    /** CLINICAL D-9: "at most half the baseline total", in whole numbers: a baseline of 13 needs 6 or less. */
    public static boolean phq9Response(int total, int baselineTotal) {
        return 2 * total <= baselineTotal;
    }

    public static boolean phq9Remission(int total) {
        return total < PHQ9_REMISSION_BELOW;
    }

    /** CLINICAL D-9: total - baseline total; null unless the instrument has a total both times. */
    public static Integer change(Integer total, Integer baselineTotal) {
        return total == null || baselineTotal == null ? null : total - baselineTotal;
    }
}
