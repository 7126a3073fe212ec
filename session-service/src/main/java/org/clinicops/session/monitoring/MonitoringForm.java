package org.clinicops.session.monitoring;

import org.clinicops.support.web.ConflictException;

import java.time.Instant;
import java.util.UUID;

/**
 * The programme's monitoring form of one discharged esketamine session: due from {@code dischargedAt} until staff mark
 * it submitted.
 *
 * @param submittedAt null while due
 * @param submittedBy the staff id of who submitted it; null while due
 */
public record MonitoringForm(UUID sessionId, UUID patientId, UUID planId, int number, Instant dischargedAt,
                             Instant submittedAt, String submittedBy) {

    public boolean due() {
        return submittedAt == null;
    }

    /** @throws ConflictException {@code NO_MONITORING_FORM_DUE} when it was submitted already */
    MonitoringForm submit(String by, Instant now) {
        if (!due()) {
            throw MonitoringForms.noFormDue(sessionId, "its form was marked submitted at " + submittedAt + " by "
                    + submittedBy);
        }
        return new MonitoringForm(sessionId, patientId, planId, number, dischargedAt, now, by);
    }
}
