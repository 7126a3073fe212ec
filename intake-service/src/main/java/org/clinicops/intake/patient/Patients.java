package org.clinicops.intake.patient;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** The registered patients. */
@Repository
public class Patients {

    private static final String COLUMNS = """
            patient_id, first_name, last_name, date_of_birth, sex_at_birth, email, phone, consent_email, consent_sms,
            referral_source, partner_clinic_id, partner_reference, registered_at""";

    private final JdbcClient jdbc;

    Patients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Patient patient) {
        jdbc.sql("insert into patient (" + COLUMNS + """
                        ) values (:patientId, :firstName, :lastName, :dateOfBirth, :sexAtBirth, :email, :phone,
                                  :consentEmail, :consentSms, :referralSource, :partnerClinicId, :partnerReference,
                                  :registeredAt)
                        """)
                .param("patientId", patient.patientId())
                .param("firstName", patient.firstName())
                .param("lastName", patient.lastName())
                .param("dateOfBirth", Date.valueOf(patient.dateOfBirth()))
                .param("sexAtBirth", patient.sexAtBirth() == null ? null : patient.sexAtBirth().name())
                .param("email", patient.email())
                .param("phone", patient.phone())
                .param("consentEmail", patient.contactConsent().email())
                .param("consentSms", patient.contactConsent().sms())
                .param("referralSource", patient.referral().source().name())
                .param("partnerClinicId", patient.referral().partnerClinicId())
                .param("partnerReference", patient.referral().partnerReference())
                .param("registeredAt", Timestamp.from(patient.registeredAt()))
                .update();
    }

    public Optional<Patient> find(UUID patientId) {
        return jdbc.sql("select " + COLUMNS + " from patient where patient_id = :patientId")
                .param("patientId", patientId)
                .query(Patients::patient)
                .optional();
    }

    /**
     * Reads the patient and locks its row to the end of the transaction, so that two screenings of one patient
     * recorded at the same moment are ordered (only the first is the baseline).
     */
    public Optional<Patient> findForUpdate(UUID patientId) {
        return jdbc.sql("select " + COLUMNS + " from patient where patient_id = :patientId for update")
                .param("patientId", patientId)
                .query(Patients::patient)
                .optional();
    }

    private static Patient patient(ResultSet rs, int row) throws SQLException {
        String sex = rs.getString("sex_at_birth");
        return new Patient(
                rs.getObject("patient_id", UUID.class),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getDate("date_of_birth").toLocalDate(),
                sex == null ? null : SexAtBirth.valueOf(sex),
                rs.getString("email"),
                rs.getString("phone"),
                new ContactConsent(rs.getBoolean("consent_email"), rs.getBoolean("consent_sms")),
                new Referral(ReferralSource.valueOf(rs.getString("referral_source")), rs.getString("partner_clinic_id"),
                        rs.getString("partner_reference")),
                rs.getTimestamp("registered_at").toInstant());
    }
}
