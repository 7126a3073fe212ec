package org.clinicops.session.plan.web;

import org.clinicops.session.plan.PlanStatus;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.web.BadParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The plans someone has to act on, beside the day board: waiting for the prescriber's protocol, for capacity, for
 * staff to decide how a series goes on, for the re-screening after the series, for a clinician's review of it, or for
 * the prescriber's booster interval (CLINICAL D-9). Booked plans and plans in maintenance are not listed here: their
 * sessions are on the day board.
 */
@RestController
class WaitingPlansController {

    private static final Set<PlanStatus> WAITING =
            Set.of(PlanStatus.WAITING_FOR_PROTOCOL, PlanStatus.WAITING_FOR_CAPACITY, PlanStatus.NEEDS_STAFF,
                    PlanStatus.RESCREENING_DUE, PlanStatus.WAITING_FOR_REVIEW, PlanStatus.WAITING_FOR_BOOSTER_INTERVAL);

    private final TreatmentPlans plans;
    private final Sessions sessions;

    WaitingPlansController(TreatmentPlans plans, Sessions sessions) {
        this.plans = plans;
        this.sessions = sessions;
    }

    /** {@code ?status=WAITING_FOR_CAPACITY}: the plans in that status, the longest waiting first. */
    @GetMapping("/api/treatment-plans")
    List<TreatmentPlanResponse> waiting(@RequestParam(name = "status", required = false) String status) {
        return plans.withStatus(waitingStatus(status)).stream()
                .map(plan -> TreatmentPlanResponse.of(plan, sessions.ofPlan(plan.planId()))).toList();
    }

    private static PlanStatus waitingStatus(String value) {
        List<String> allowed = Arrays.stream(PlanStatus.values()).filter(WAITING::contains).map(Enum::name).toList();
        if (value == null) {
            throw new BadParameterException("status", "is required: one of " + allowed);
        }
        return Arrays.stream(PlanStatus.values()).filter(s -> WAITING.contains(s) && s.name().equals(value))
                .findFirst().orElseThrow(() -> new BadParameterException("status", "must be one of " + allowed));
    }
}
