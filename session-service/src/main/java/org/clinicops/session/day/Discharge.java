package org.clinicops.session.day;

import java.time.Instant;

/** A discharge under D-8: the nurse's checklist, the escort, and no driving until the next day. */
public record Discharge(Instant dischargedAt, Checklist checklist, boolean escortPresent, Instant noDrivingUntil) {

    public record Checklist(boolean alertAndOriented, boolean steadyOnStanding, boolean noNauseaNeedingTreatment) {

        boolean complete() {
            return alertAndOriented && steadyOnStanding && noNauseaNeedingTreatment;
        }
    }
}
