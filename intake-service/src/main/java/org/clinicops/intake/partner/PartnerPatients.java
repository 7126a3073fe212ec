package org.clinicops.intake.partner;

import org.clinicops.intake.patient.PatientRegistry;
import org.clinicops.intake.patient.Patients;
import org.clinicops.intake.screening.Screening;
import org.clinicops.intake.screening.ScreeningRecorder;
import org.clinicops.support.security.PartnerClinic;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** The patients a partner clinic referred, each visible to that clinic alone from the moment it is registered. */
@Service
public class PartnerPatients {

    private final Patients patients;
    private final ScreeningRecorder screenings;

    PartnerPatients(Patients patients, ScreeningRecorder screenings) {
        this.patients = patients;
        this.screenings = screenings;
    }

    /**
     * @throws org.clinicops.support.web.NotFoundException for an unknown patient and, with the same answer, for a
     *                                                      patient another clinic referred or nobody did
     */
    @Transactional(readOnly = true)
    public PartnerPatientStatus statusOf(UUID patientId, PartnerClinic clinic) {
        var patient = patients.find(patientId)
                .filter(p -> clinic.id().equals(p.referral().partnerClinicId()))
                .orElseThrow(() -> PatientRegistry.notFound(patientId));
        List<Screening> screened = screenings.ofPatient(patientId);
        return new PartnerPatientStatus(patientId, patient.referral().partnerReference(),
                screened.isEmpty() ? null : screened.getLast().partnerStatus());
    }
}
