package org.clinicops.notification.partner;

import org.clinicops.notification.contact.PatientContact;
import org.clinicops.notification.contact.PatientContacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Which partner clinic referred a patient, from intake-service's record of the referral and never from anything a
 * partner sends. Asked once per patient (its internal contact API, through a circuit breaker of its own) and kept,
 * since a referral never changes; the contact details in the same answer are not kept.
 */
@Repository
class PartnerAttributions {

    /** @param partnerClinicId null when no partner follows the patient */
    record Attribution(String partnerClinicId, String partnerReference) {
    }

    private static final String PARTNER_CLINIC = "PARTNER_CLINIC";

    private final JdbcClient jdbc;
    private final PatientContacts intake;
    private final Clock clock;

    PartnerAttributions(JdbcClient jdbc, PatientContacts intake, Clock clock) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.clock = clock;
    }

    Optional<Attribution> known(UUID patientId) {
        return jdbc.sql("select partner_clinic_id, partner_reference from partner_attribution where patient_id = :id")
                .param("id", patientId)
                .query((rs, n) -> new Attribution(rs.getString("partner_clinic_id"), rs.getString("partner_reference")))
                .optional();
    }

    /**
     * Asks intake-service and keeps the answer; a patient intake-service does not know concerns no partner.
     *
     * @throws org.clinicops.notification.contact.ContactUnavailableException while intake-service cannot answer
     */
    void resolve(UUID patientId) {
        Optional<PatientContact.Referral> referral = intake.findForPartners(patientId).map(PatientContact::referral);
        boolean partner = referral.isPresent() && PARTNER_CLINIC.equals(referral.get().source())
                && referral.get().partnerClinicId() != null;
        jdbc.sql("""
                        insert into partner_attribution (patient_id, partner_clinic_id, partner_reference, resolved_at)
                        values (:id, :clinic, :reference, :now)
                        on conflict do nothing
                        """)
                .param("id", patientId)
                .param("clinic", partner ? referral.get().partnerClinicId() : null)
                .param("reference", partner ? referral.get().partnerReference() : null)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
