package org.clinicops.session.plan.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.clinicops.events.Protocol;
import org.clinicops.session.plan.PlanStatus;
import org.clinicops.session.plan.TreatmentPlan;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient's treatment plan as CLINICAL section 6 specifies the response: {@code start} and {@code end} of each
 * session are UTC instants bounding its chair time; {@code sessions} is empty while the plan waits for capacity or for
 * its protocol ({@code protocol} and {@code offLabel} are then null). {@code protocolChoice} and
 * {@code esketamineEnrollment} appear once recorded, as do the course's parts after the induction series (CLINICAL
 * D-9): {@code rescreeningDueBy}, {@code rescreening}, {@code review}, {@code boosterIntervalWeeks} and
 * {@code closure}.
 */
record TreatmentPlanResponse(UUID planId, UUID patientId, UUID screeningId, Protocol protocol, Boolean offLabel,
                             PlanStatus status, Instant createdAt, List<Session> sessions,
                             @JsonInclude(JsonInclude.Include.NON_NULL) TreatmentPlan.ProtocolChoice protocolChoice,
                             @JsonInclude(JsonInclude.Include.NON_NULL)
                             TreatmentPlan.EsketamineEnrollment esketamineEnrollment,
                             @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate rescreeningDueBy,
                             @JsonInclude(JsonInclude.Include.NON_NULL) TreatmentPlan.Rescreening rescreening,
                             @JsonInclude(JsonInclude.Include.NON_NULL) TreatmentPlan.Review review,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer boosterIntervalWeeks,
                             @JsonInclude(JsonInclude.Include.NON_NULL) TreatmentPlan.Closure closure) {

    static TreatmentPlanResponse of(TreatmentPlan plan, List<ScheduledSession> sessions) {
        return new TreatmentPlanResponse(plan.planId(), plan.patientId(), plan.screeningId(), plan.protocol(),
                plan.offLabel(), plan.status(), plan.createdAt(), sessions.stream().map(Session::of).toList(),
                plan.protocolChoice(), plan.esketamineEnrollment(), plan.course().rescreeningDueBy(),
                plan.course().rescreening(), plan.course().review(),
                plan.course().booster() == null ? null : plan.course().booster().weeks(), plan.course().closure());
    }

    record Session(UUID sessionId, int number, Instant start, Instant end, int chairId, SessionStatus status) {

        static Session of(ScheduledSession session) {
            return new Session(session.sessionId(), session.number(), session.start(), session.end(),
                    session.chairId(), session.status());
        }
    }
}
