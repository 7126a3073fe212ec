package org.clinicops.intake.partner;

import org.clinicops.events.PartnerStatus;

import java.util.UUID;

/**
 * A referred patient as their partner clinic sees them.
 *
 * @param partnerReference the partner's own number for the referral, null when it gave none
 * @param status           of the patient's latest screening; null until the first one is recorded
 */
public record PartnerPatientStatus(UUID patientId, String partnerReference, PartnerStatus status) {
}
