package org.clinicops.intake.patient;

/** Where the patient came from; {@code partnerClinicId} is set exactly for PARTNER_CLINIC referrals. */
public record Referral(ReferralSource source, String partnerClinicId) {
}
