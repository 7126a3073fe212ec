package org.clinicops.intake.progress;

import org.clinicops.events.ProgressMeasureRecorded;
import org.clinicops.intake.patient.PatientRegistry;
import org.clinicops.intake.patient.Patients;
import org.clinicops.intake.screening.Indication;
import org.clinicops.intake.screening.Phq9;
import org.clinicops.intake.screening.ScreeningRecorder;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.security.Caller;
import org.clinicops.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a progress measure with its {@link ProgressMeasureRecorded} event in one transaction: a crisis on it is
 * relayed exactly when it is recorded, in order with everything else about the patient.
 */
@Service
public class ProgressMeasureRecorder {

    private static final String OPERATION = "record-progress-measure";

    private final Patients patients;
    private final ScreeningRecorder screenings;
    private final ProgressMeasures measures;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final Clock clock;

    ProgressMeasureRecorder(Patients patients, ScreeningRecorder screenings, ProgressMeasures measures,
                            IdempotencyKeys idempotencyKeys, Outbox outbox, Clock clock) {
        this.patients = patients;
        this.screenings = screenings;
        this.measures = measures;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A {@link ProgressMeasureRequest}, recorded by the caller.
     *
     * @return the measure recorded, or the one a repeated {@code Idempotency-Key} recorded before
     * @throws NotFoundException for an unknown patient
     */
    @Transactional
    public ProgressMeasure record(UUID patientId, JsonNode body, String idempotencyKey, Caller recordedBy) {
        IdempotencyKeys.checkForm(idempotencyKey);
        patients.findForUpdate(patientId).orElseThrow(() -> PatientRegistry.notFound(patientId));
        ProgressMeasureRequest request = ProgressMeasureRequest.read(body);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ProgressMeasure.Baseline baseline = screenings.baselineOf(patientId)
                .map(first -> new ProgressMeasure.Baseline(first.screeningId(), first.total("phq9"),
                        first.indication() == Indication.PTSD))
                .orElse(null);
        ProgressMeasure measure = ProgressMeasure.taken(patientId, request.sessionId(), new Phq9(request.phq9()),
                baseline, recordedBy.id(), now);
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.claim(OPERATION, idempotencyKey,
                    Map.of("patientId", StringNode.valueOf(patientId.toString()), "body", body), measure.measureId(),
                    now);
            if (earlier.isPresent()) {
                return measures.find(earlier.get()).orElseThrow();
            }
        }
        measures.add(measure);
        outbox.publish(new ProgressMeasureRecorded(UUID.randomUUID(), now, patientId, measure.measureId(),
                request.sessionId(), measure.crisis(), measure.reasons()), measure.measureId().toString());
        return measure;
    }

    /** The patient's progress measures, oldest first. @throws NotFoundException for an unknown patient */
    @Transactional(readOnly = true)
    public List<ProgressMeasure> ofPatient(UUID patientId) {
        if (patients.find(patientId).isEmpty()) {
            throw PatientRegistry.notFound(patientId);
        }
        return measures.ofPatient(patientId);
    }
}
