package org.clinicops.intake.patient.web;

import org.clinicops.support.apidocs.DocumentedBody;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.intake.patient.PatientRegistry;
import org.clinicops.intake.patient.Registered;
import org.clinicops.support.request.JsonBodies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** {@code /api/patients}: register a referred patient, read one back (CLINICAL section 3). */
@RestController
@RequestMapping("/api/patients")
class PatientController {

    private final PatientRegistry registry;
    private final JsonBodies bodies;

    PatientController(PatientRegistry registry, JsonBodies bodies) {
        this.registry = registry;
        this.bodies = bodies;
    }

    @PostMapping
    ResponseEntity<PatientResponse> register(@DocumentedBody("PatientRegistration")
                                             @RequestBody(required = false) byte[] body,
                                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                             String idempotencyKey) {
        Registered registered = registry.register(bodies.readObject(body), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/patients/" + registered.patient().patientId()))
                .body(PatientResponse.of(registered.patient()));
    }

    @GetMapping("/{patientId}")
    PatientResponse get(@PathVariable UUID patientId) {
        return PatientResponse.of(registry.get(patientId));
    }
}
