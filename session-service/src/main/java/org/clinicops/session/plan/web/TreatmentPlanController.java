package org.clinicops.session.plan.web;

import org.clinicops.session.choice.ProtocolChoices;
import org.clinicops.session.course.CourseChanges;
import org.clinicops.session.plan.EsketamineEnrollments;
import org.clinicops.session.plan.TreatmentPlan;
import org.clinicops.session.plan.TreatmentPlans;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.apidocs.DocumentedBody;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.security.Caller;
import org.clinicops.support.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * A patient's treatment plan (404 until a cleared screening has made one), the prescriber's choice of its protocol,
 * the patient's enrollment in esketamine's programme, and the course after the induction series (CLINICAL D-9): the
 * review, the booster interval and closing; each change answers the plan as it now stands. Who decided is the
 * token's staff id: a body member naming them ({@code prescriberId}, {@code clinicianId}, {@code closedBy}) is ignored.
 */
@RestController
@RequestMapping("/api/patients/{patientId}/treatment-plan")
class TreatmentPlanController {

    private final TreatmentPlans plans;
    private final Sessions sessions;
    private final ProtocolChoices choices;
    private final EsketamineEnrollments enrollments;
    private final CourseChanges courseChanges;

    TreatmentPlanController(TreatmentPlans plans, Sessions sessions, ProtocolChoices choices,
                            EsketamineEnrollments enrollments, CourseChanges courseChanges) {
        this.plans = plans;
        this.sessions = sessions;
        this.choices = choices;
        this.enrollments = enrollments;
        this.courseChanges = courseChanges;
    }

    @GetMapping
    TreatmentPlanResponse treatmentPlan(@PathVariable("patientId") UUID patientId) {
        return plans.findByPatient(patientId).map(this::response)
                .orElseThrow(() -> new NotFoundException("Patient " + patientId + " has no treatment plan"));
    }

    /** {@code {"protocol": "ESKETAMINE_NASAL"}} (CLINICAL section 6). */
    @PostMapping("/protocol")
    TreatmentPlanResponse chooseProtocol(@PathVariable("patientId") UUID patientId,
                                         @DocumentedBody("ProtocolChoice")
                                         @RequestBody(required = false) byte[] body,
                                         @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                         Authentication caller) {
        return response(choices.choose(patientId, body, key, Caller.of(caller).id()));
    }

    /** {@code {"enrolledOn": "2026-11-25"}}, the date optional. */
    @PostMapping("/esketamine-enrollment")
    TreatmentPlanResponse enrollInEsketamine(@PathVariable("patientId") UUID patientId,
                                             @DocumentedBody("EsketamineEnrollment")
                                             @RequestBody(required = false) byte[] body,
                                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                             Authentication caller) {
        return response(enrollments.enroll(patientId, body, key, Caller.of(caller).id()));
    }

    /** {@code {"decision": "CONTINUE" | "STOP"}} after a re-screening without response. */
    @PostMapping("/review")
    TreatmentPlanResponse review(@PathVariable("patientId") UUID patientId,
                                 @DocumentedBody("CourseReview")
                                 @RequestBody(required = false) byte[] body,
                                 @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                 Authentication caller) {
        return response(courseChanges.review(patientId, body, key, Caller.of(caller).id()));
    }

    /** {@code {"boosterIntervalWeeks": 4}} (CLINICAL D-9, maintenance). */
    @PostMapping("/maintenance")
    TreatmentPlanResponse setBoosterInterval(@PathVariable("patientId") UUID patientId,
                                             @DocumentedBody("BoosterInterval")
                                             @RequestBody(required = false) byte[] body,
                                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                             String key,
                                             Authentication caller) {
        return response(courseChanges.setBoosterInterval(patientId, body, key, Caller.of(caller).id()));
    }

    /** {@code {"reason": "PATIENT_REQUEST"}}. */
    @PostMapping("/close")
    TreatmentPlanResponse close(@PathVariable("patientId") UUID patientId,
                                @DocumentedBody("PlanClosure")
                                @RequestBody(required = false) byte[] body,
                                @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                Authentication caller) {
        return response(courseChanges.close(patientId, body, key, Caller.of(caller).id()));
    }

    private TreatmentPlanResponse response(TreatmentPlan plan) {
        return TreatmentPlanResponse.of(plan, sessions.ofPlan(plan.planId()));
    }
}
