package org.clinicops.intake.screening;

import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningProgress;
import org.clinicops.intake.config.IntakeProperties;
import org.clinicops.intake.patient.Patient;
import org.clinicops.intake.patient.PatientRegistry;
import org.clinicops.intake.patient.Patients;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.outbox.Outbox;
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
 * Records screenings: checks the answers, scores them, applies the eligibility rules, compares a re-screening with
 * the baseline, and stores the screening with its {@link ScreeningCompleted} event in one transaction, so the outcome
 * is published exactly when it is recorded.
 */
@Service
public class ScreeningRecorder {

    private static final String OPERATION = "record-screening";

    private final Patients patients;
    private final Screenings screenings;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final IntakeProperties properties;
    private final Clock clock;

    ScreeningRecorder(Patients patients, Screenings screenings, IdempotencyKeys idempotencyKeys, Outbox outbox,
                      IntakeProperties properties, Clock clock) {
        this.patients = patients;
        this.screenings = screenings;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey null when none was given
     * @throws NotFoundException                                 for an unknown patient
     * @throws org.clinicops.support.web.InvalidRequestException naming every invalid field, or a reused key
     */
    @Transactional
    public Recorded record(UUID patientId, JsonNode body, String idempotencyKey) {
        IdempotencyKeys.checkForm(idempotencyKey);
        // the lock orders concurrent screenings of one patient, so exactly one is the baseline
        Patient patient = patients.findForUpdate(patientId).orElseThrow(() -> PatientRegistry.notFound(patientId));
        ScreeningAnswers answers = ScreeningRequest.read(body, patient.dateOfBirth(), properties.today(clock));
        // PostgreSQL keeps microseconds: the instant answered and published is the instant stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID screeningId = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.claim(OPERATION, idempotencyKey,
                    Map.of("patientId", StringNode.valueOf(patientId.toString()), "body", body), screeningId, now);
            if (earlier.isPresent()) {
                return new Recorded(get(earlier.get()), true);
            }
        }

        Assessment assessment = EligibilityRules.assess(answers, patient.dateOfBirth(), patient.sexAtBirth());
        List<String> reasons = assessment.reasons();
        Map<String, InstrumentScore> scores = answers.instruments().scores(patient.sexAtBirth());
        // CLINICAL D-9: the first screening is the baseline; a later one is a re-screening, checked by the same
        // rules above (so S-1 and S-2 escalate as they do on a first screening) and compared with the baseline
        Optional<Screening> baseline = screenings.baselineOf(patientId);
        ScreeningProgress progress = baseline
                .map(first -> MeasurementBasedCare.progress(first, answers.indication(), scores))
                .orElse(null);
        Screening screening = new Screening(screeningId, patientId, answers.indication(), answers.screenedOn(), now,
                baseline.isEmpty(), scores, assessment.outcome(), reasons, assessment.findings(), progress, null);
        screenings.add(screening, answers);
        // in this transaction, so a crisis is relayed before anything later about the patient (same key, in order)
        outbox.publish(new ScreeningCompleted(UUID.randomUUID(), now, patientId, screeningId,
                answers.indication().name(), assessment.outcome(), reasons, screening.baseline(), progress),
                screeningId.toString());
        return new Recorded(screening, false);
    }

    /** The patient's first screening (CLINICAL D-9), which later measures are compared with. */
    @Transactional(readOnly = true)
    public Optional<Screening> baselineOf(UUID patientId) {
        return screenings.baselineOf(patientId);
    }

    /** @throws NotFoundException for an unknown id */
    @Transactional(readOnly = true)
    public Screening get(UUID screeningId) {
        return screenings.find(screeningId).orElseThrow(() -> notFound(screeningId));
    }

    public static NotFoundException notFound(UUID screeningId) {
        return new NotFoundException("No screening " + screeningId);
    }

    /** The patient's screenings, oldest first. @throws NotFoundException for an unknown patient */
    @Transactional(readOnly = true)
    public List<Screening> ofPatient(UUID patientId) {
        if (patients.find(patientId).isEmpty()) {
            throw PatientRegistry.notFound(patientId);
        }
        return screenings.ofPatient(patientId);
    }
}
