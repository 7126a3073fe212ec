package org.clinicops.intake.progress.web;

import org.clinicops.intake.patient.PatientRegistry;
import org.clinicops.intake.progress.ProgressMeasure;
import org.clinicops.intake.progress.ProgressMeasureRecorder;
import org.clinicops.support.apidocs.DocumentedBody;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.request.JsonBodies;
import org.clinicops.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A PHQ-9 recorded before a session as a progress measure (CLINICAL D-9), and a patient's measures, oldest first. */
@RestController
@RequestMapping("/api/patients/{patientId}/progress-measures")
class ProgressMeasureController {

    private final ProgressMeasureRecorder recorder;
    private final PatientRegistry patients;
    private final JsonBodies bodies;

    ProgressMeasureController(ProgressMeasureRecorder recorder, PatientRegistry patients, JsonBodies bodies) {
        this.recorder = recorder;
        this.patients = patients;
        this.bodies = bodies;
    }

    @PostMapping
    ResponseEntity<ProgressMeasureResponse> record(@PathVariable UUID patientId,
                                                   @DocumentedBody("ProgressMeasure")
                                                   @RequestBody(required = false) byte[] body,
                                                   @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                   String idempotencyKey,
                                                   Authentication recordedBy) {
        // an unknown patient is a 404 before the body is looked at, as for a screening
        UUID patient = patients.get(patientId).patientId();
        ProgressMeasure measure = recorder.record(patient, bodies.readObject(body), idempotencyKey,
                Caller.of(recordedBy));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/patients/" + patient + "/progress-measures"))
                .body(ProgressMeasureResponse.of(measure));
    }

    @GetMapping
    List<ProgressMeasureResponse> ofPatient(@PathVariable UUID patientId) {
        return recorder.ofPatient(patientId).stream().map(ProgressMeasureResponse::of).toList();
    }
}
