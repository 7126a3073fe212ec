package org.clinicops.intake.screening.web;

import org.clinicops.support.apidocs.DocumentedBody;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.intake.patient.PatientRegistry;
import org.clinicops.support.request.JsonBodies;
import org.clinicops.intake.screening.Recorded;
import org.clinicops.intake.screening.ScreeningRecorder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Record a patient's screening, read it back, a patient's screening history (CLINICAL sections 3, 4 and D-9). */
@RestController
class ScreeningController {

    private final ScreeningRecorder recorder;
    private final PatientRegistry patients;
    private final JsonBodies bodies;

    ScreeningController(ScreeningRecorder recorder, PatientRegistry patients, JsonBodies bodies) {
        this.recorder = recorder;
        this.patients = patients;
        this.bodies = bodies;
    }

    @PostMapping("/api/patients/{patientId}/screenings")
    ResponseEntity<ScreeningResponse> record(@PathVariable UUID patientId,
                                             @DocumentedBody("Screening") @RequestBody(required = false) byte[] body,
                                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                             String idempotencyKey) {
        // CLINICAL section 3: an unknown patient is a 404 (a malformed id a 400) before the body is looked at
        UUID patient = patients.get(patientId).patientId();
        Recorded recorded = recorder.record(patient, bodies.readObject(body), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/screenings/" + recorded.screening().screeningId()))
                .body(ScreeningResponse.of(recorded.screening()));
    }

    @GetMapping("/api/screenings/{screeningId}")
    ScreeningResponse get(@PathVariable UUID screeningId) {
        return ScreeningResponse.of(recorder.get(screeningId));
    }

    @GetMapping("/api/patients/{patientId}/screenings")
    PatientScreeningsResponse ofPatient(@PathVariable UUID patientId) {
        return PatientScreeningsResponse.of(patientId, recorder.ofPatient(patientId));
    }
}
