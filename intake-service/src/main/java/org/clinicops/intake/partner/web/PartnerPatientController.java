package org.clinicops.intake.partner.web;

import org.clinicops.intake.partner.PartnerPatientStatus;
import org.clinicops.intake.partner.PartnerPatients;
import org.clinicops.support.security.PartnerClinic;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Only partner tokens get here (clinic-support's {@code PartnerApiSecurity}). */
@RestController
class PartnerPatientController {

    private final PartnerPatients patients;

    PartnerPatientController(PartnerPatients patients) {
        this.patients = patients;
    }

    @GetMapping("/api/partner/patients/{patientId}")
    PartnerPatientStatus get(@AuthenticationPrincipal Jwt token, @PathVariable UUID patientId) {
        return patients.statusOf(patientId, PartnerClinic.ofAdmitted(token));
    }
}
