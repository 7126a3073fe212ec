package org.clinicops.intake.patient;

import org.clinicops.intake.config.IntakeProperties;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Registers referred patients and looks them up. */
@Service
public class PatientRegistry {

    private static final String OPERATION = "register-patient";

    private final Patients patients;
    private final IdempotencyKeys idempotencyKeys;
    private final IntakeProperties properties;
    private final Clock clock;

    PatientRegistry(Patients patients, IdempotencyKeys idempotencyKeys, IntakeProperties properties, Clock clock) {
        this.patients = patients;
        this.idempotencyKeys = idempotencyKeys;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Checks and registers a patient, in one transaction with its idempotency key (null: none given).
     *
     * @throws org.clinicops.support.web.InvalidRequestException naming every bad field, or a reused key
     */
    @Transactional
    public Registered register(JsonNode body, String idempotencyKey) {
        IdempotencyKeys.checkForm(idempotencyKey);
        PatientRegistration registration = PatientRegistration.read(body, properties.today(clock));
        // PostgreSQL keeps microseconds: the instant answered is the instant stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID patientId = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.claim(OPERATION, idempotencyKey, Map.of("body", body), patientId,
                    now);
            if (earlier.isPresent()) {
                return new Registered(get(earlier.get()), true);
            }
        }
        Patient patient = new Patient(patientId, registration.firstName(), registration.lastName(),
                registration.dateOfBirth(), registration.sexAtBirth(), registration.email(), registration.phone(),
                registration.contactConsent(), registration.referral(), now);
        patients.add(patient);
        return new Registered(patient, false);
    }

    /** @throws NotFoundException for an unknown id */
    @Transactional(readOnly = true)
    public Patient get(UUID patientId) {
        return patients.find(patientId).orElseThrow(() -> notFound(patientId));
    }

    public static NotFoundException notFound(UUID patientId) {
        return new NotFoundException("No patient " + patientId);
    }
}
