package org.clinicops.events;

import java.util.List;
import java.util.Optional;

/**
 * A published event type: its CloudEvents {@code ce_type}, the record that carries it, its topic and its JSON Schema.
 * A change that would break an existing consumer is a new type with a new version suffix, never an edit of an old one.
 */
public record EventType<T extends PublishedEvent>(String type, Class<T> recordClass, String topic, String schemaResource) {

    public static final EventType<ScreeningCompleted> SCREENING_COMPLETED = new EventType<>(
            "org.clinicops.screening.completed.v1", ScreeningCompleted.class, Topics.SCREENINGS,
            "/schemas/screening-completed.v1.json");

    public static final EventType<ScreeningReviewed> SCREENING_REVIEWED = new EventType<>(
            "org.clinicops.screening.reviewed.v1", ScreeningReviewed.class, Topics.SCREENINGS,
            "/schemas/screening-reviewed.v1.json");

    public static final EventType<ProgressMeasureRecorded> PROGRESS_MEASURE_RECORDED = new EventType<>(
            "org.clinicops.screening.progress-measure-recorded.v1", ProgressMeasureRecorded.class, Topics.SCREENINGS,
            "/schemas/progress-measure-recorded.v1.json");

    public static final EventType<TreatmentPlanBooked> TREATMENT_PLAN_BOOKED = new EventType<>(
            "org.clinicops.treatment-plan.booked.v1", TreatmentPlanBooked.class, Topics.SESSIONS,
            "/schemas/treatment-plan-booked.v1.json");

    public static final EventType<TreatmentPlanWaitingForCapacity> TREATMENT_PLAN_WAITING_FOR_CAPACITY = new EventType<>(
            "org.clinicops.treatment-plan.waiting-for-capacity.v1", TreatmentPlanWaitingForCapacity.class,
            Topics.SESSIONS, "/schemas/treatment-plan-waiting-for-capacity.v1.json");

    public static final EventType<SessionScheduled> SESSION_SCHEDULED = new EventType<>(
            "org.clinicops.session.scheduled.v1", SessionScheduled.class, Topics.SESSIONS,
            "/schemas/session-scheduled.v1.json");

    public static final EventType<SessionCheckedIn> SESSION_CHECKED_IN = new EventType<>(
            "org.clinicops.session.checked-in.v1", SessionCheckedIn.class, Topics.SESSIONS,
            "/schemas/session-checked-in.v1.json");

    public static final EventType<DoseAdministered> DOSE_ADMINISTERED = new EventType<>(
            "org.clinicops.session.dose-administered.v1", DoseAdministered.class, Topics.SESSIONS,
            "/schemas/dose-administered.v1.json");

    public static final EventType<SafetyAlertRaised> SAFETY_ALERT_RAISED = new EventType<>(
            "org.clinicops.session.safety-alert-raised.v1", SafetyAlertRaised.class, Topics.SESSIONS,
            "/schemas/safety-alert-raised.v1.json");

    public static final EventType<SessionDeferred> SESSION_DEFERRED = new EventType<>(
            "org.clinicops.session.deferred.v1", SessionDeferred.class, Topics.SESSIONS,
            "/schemas/session-deferred.v1.json");

    public static final EventType<SessionDischarged> SESSION_DISCHARGED = new EventType<>(
            "org.clinicops.session.discharged.v1", SessionDischarged.class, Topics.SESSIONS,
            "/schemas/session-discharged.v1.json");

    public static final EventType<SessionCancelled> SESSION_CANCELLED = new EventType<>(
            "org.clinicops.session.cancelled.v1", SessionCancelled.class, Topics.SESSIONS,
            "/schemas/session-cancelled.v1.json");

    public static final EventType<SessionNoShow> SESSION_NO_SHOW = new EventType<>(
            "org.clinicops.session.no-show.v1", SessionNoShow.class, Topics.SESSIONS,
            "/schemas/session-no-show.v1.json");

    public static final EventType<SessionRescheduled> SESSION_RESCHEDULED = new EventType<>(
            "org.clinicops.session.rescheduled.v1", SessionRescheduled.class, Topics.SESSIONS,
            "/schemas/session-rescheduled.v1.json");

    public static final EventType<TreatmentPlanRescreeningDue> TREATMENT_PLAN_RESCREENING_DUE = new EventType<>(
            "org.clinicops.treatment-plan.rescreening-due.v1", TreatmentPlanRescreeningDue.class, Topics.SESSIONS,
            "/schemas/treatment-plan-rescreening-due.v1.json");

    public static final EventType<AuditRecorded> AUDIT_RECORDED = new EventType<>(
            "org.clinicops.audit.recorded.v1", AuditRecorded.class, Topics.AUDIT, "/schemas/audit-recorded.v1.json");

    public static final EventType<AuditChainHead> AUDIT_CHAIN_HEAD = new EventType<>(
            "org.clinicops.audit.chain-head.v1", AuditChainHead.class, Topics.AUDIT_HEADS,
            "/schemas/audit-chain-head.v1.json");

    public static final List<EventType<?>> ALL = List.of(
            SCREENING_COMPLETED, SCREENING_REVIEWED, PROGRESS_MEASURE_RECORDED, TREATMENT_PLAN_BOOKED,
            TREATMENT_PLAN_WAITING_FOR_CAPACITY, SESSION_SCHEDULED, SESSION_CHECKED_IN, DOSE_ADMINISTERED,
            SAFETY_ALERT_RAISED, SESSION_DEFERRED, SESSION_DISCHARGED, SESSION_CANCELLED, SESSION_NO_SHOW,
            SESSION_RESCHEDULED, TREATMENT_PLAN_RESCREENING_DUE, AUDIT_RECORDED, AUDIT_CHAIN_HEAD);

    public static Optional<EventType<?>> ofType(String type) {
        return ALL.stream().filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType<?> of(PublishedEvent event) {
        return ALL.stream().filter(t -> t.recordClass == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a published event type: " + event.getClass()));
    }
}
