package org.clinicops.intake.patient.web;

import org.clinicops.intake.patient.PatientRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Internal API for other services (the gateway does not route {@code /internal}): a patient's contact details. */
@RestController
class PatientContactController {

    private final PatientRegistry registry;

    PatientContactController(PatientRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/internal/patients/{patientId}/contact")
    PatientContactResponse contact(@PathVariable UUID patientId) {
        return PatientContactResponse.of(registry.get(patientId));
    }
}
