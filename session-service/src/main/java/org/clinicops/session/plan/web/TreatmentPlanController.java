package org.clinicops.session.plan.web;

import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** A patient's treatment plan; 404 until an ELIGIBLE outcome has made one. */
@RestController
class TreatmentPlanController {

    private final TreatmentPlans plans;
    private final Sessions sessions;

    TreatmentPlanController(TreatmentPlans plans, Sessions sessions) {
        this.plans = plans;
        this.sessions = sessions;
    }

    @GetMapping("/api/patients/{patientId}/treatment-plan")
    TreatmentPlanResponse treatmentPlan(@PathVariable("patientId") UUID patientId) {
        return plans.findByPatient(patientId)
                .map(plan -> TreatmentPlanResponse.of(plan, sessions.ofPlan(plan.planId())))
                .orElseThrow(() -> new NotFoundException("Patient " + patientId + " has no treatment plan"));
    }
}
