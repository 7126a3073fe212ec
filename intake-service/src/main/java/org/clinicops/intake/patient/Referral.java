package org.clinicops.intake.patient;

/**
 * Where the patient came from; {@code partnerClinicId} is set exactly for PARTNER_CLINIC referrals, and
 * {@code partnerReference} (the partner's own number for the referral, null when not given) only for them. Neither
 * changes after registration, and neither goes on a {@code clinic.*} topic.
 */
public record Referral(ReferralSource source, String partnerClinicId, String partnerReference) {
}
