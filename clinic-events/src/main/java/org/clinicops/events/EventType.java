package org.clinicops.events;

import java.util.List;
import java.util.Optional;

/**
 * A published event type: its CloudEvents {@code ce_type}, the record that carries it, its topic and its JSON Schema.
 * A change that would break an existing consumer is a new type with a new version suffix, never an edit of an old one.
 */
public record EventType<T extends ClinicEvent>(String type, Class<T> recordClass, String topic, String schemaResource) {

    public static final EventType<ScreeningCompleted> SCREENING_COMPLETED = new EventType<>(
            "org.clinicops.screening.completed.v1", ScreeningCompleted.class, Topics.SCREENINGS,
            "/schemas/screening-completed.v1.json");

    public static final EventType<ScreeningReviewed> SCREENING_REVIEWED = new EventType<>(
            "org.clinicops.screening.reviewed.v1", ScreeningReviewed.class, Topics.SCREENINGS,
            "/schemas/screening-reviewed.v1.json");

    public static final EventType<TreatmentPlanBooked> TREATMENT_PLAN_BOOKED = new EventType<>(
            "org.clinicops.treatment-plan.booked.v1", TreatmentPlanBooked.class, Topics.SESSIONS,
            "/schemas/treatment-plan-booked.v1.json");

    public static final EventType<TreatmentPlanWaitingForCapacity> TREATMENT_PLAN_WAITING_FOR_CAPACITY = new EventType<>(
            "org.clinicops.treatment-plan.waiting-for-capacity.v1", TreatmentPlanWaitingForCapacity.class,
            Topics.SESSIONS, "/schemas/treatment-plan-waiting-for-capacity.v1.json");

    public static final EventType<SessionScheduled> SESSION_SCHEDULED = new EventType<>(
            "org.clinicops.session.scheduled.v1", SessionScheduled.class, Topics.SESSIONS,
            "/schemas/session-scheduled.v1.json");

    public static final List<EventType<?>> ALL = List.of(
            SCREENING_COMPLETED, SCREENING_REVIEWED, TREATMENT_PLAN_BOOKED, TREATMENT_PLAN_WAITING_FOR_CAPACITY, SESSION_SCHEDULED);

    public static Optional<EventType<?>> ofType(String type) {
        return ALL.stream().filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType<?> of(ClinicEvent event) {
        return ALL.stream().filter(t -> t.recordClass == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a published event type: " + event.getClass()));
    }
}
