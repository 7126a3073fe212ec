package org.clinicops.intake.patient;

import org.clinicops.support.request.JsonField;
import org.clinicops.support.request.JsonFields;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** A checked {@code POST /api/patients} request (CLINICAL section 3). */
public record PatientRegistration(
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        SexAtBirth sexAtBirth,
        String email,
        String phone,
        ContactConsent contactConsent,
        Referral referral) {

    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    static final int PARTNER_CLINIC_ID_MAX = 64;
    static final int PARTNER_REFERENCE_MAX = 64;
    /** Something, an @, and a domain with at least one dot and no empty label: plausible, not RFC 5322. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    /** E.164: a +, then 8 to 15 digits, the first not 0. */
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
    /** An opaque id a partner clinic is known by (it ends up in webhooks and logs, so no spaces or markup). */
    private static final Pattern PARTNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The partner's own referral or record number, echoed to it in webhooks: no spaces or markup either. */
    private static final Pattern PARTNER_REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * Checks every field of the request body and answers the registration, or throws
     * {@link org.clinicops.support.web.InvalidRequestException} naming every bad field.
     *
     * @param today today in the clinic's time zone: a date of birth may not be later
     */
    public static PatientRegistration read(JsonNode body, LocalDate today) {
        JsonFields fields = new JsonFields(body);
        String firstName = fields.field("firstName").requiredString(NAME_MAX);
        String lastName = fields.field("lastName").requiredString(NAME_MAX);

        JsonField dateOfBirthField = fields.field("dateOfBirth");
        LocalDate dateOfBirth = dateOfBirthField.requiredDate();
        if (dateOfBirth != null && dateOfBirth.isAfter(today)) {
            dateOfBirthField.reject("must not be in the future");
        }
        SexAtBirth sexAtBirth = fields.field("sexAtBirth").optionalEnum(SexAtBirth.class);

        JsonField emailField = fields.field("email");
        String email = emailField.optionalString(EMAIL_MAX);
        if (email != null && !EMAIL.matcher(email).matches()) {
            emailField.reject("must be an e-mail address like name@example.org");
        }
        JsonField phoneField = fields.field("phone");
        String phone = phoneField.optionalString(20);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            phoneField.reject("must be an international number: + and 8 to 15 digits, e.g. +15035550142");
        }

        JsonField consentField = fields.field("contactConsent");
        Boolean consentEmail = null;
        Boolean consentSms = null;
        if (consentField.requireObject()) {
            consentEmail = consentField.field("email").requiredBoolean();
            // A consent without its contact detail is kept as given: it reaches nobody until the detail is on file
            // (notification-service skips such messages visibly, and asks staff to call a patient in crisis).
            consentSms = consentField.field("sms").requiredBoolean();
        }

        JsonField referralField = fields.field("referral");
        ReferralSource source = null;
        String partnerClinicId = null;
        String partnerReference = null;
        if (referralField.requireObject()) {
            source = referralField.field("source").requiredEnum(ReferralSource.class);
            JsonField partnerField = referralField.field("partnerClinicId");
            partnerClinicId = partnerField.optionalString(PARTNER_CLINIC_ID_MAX);
            if (partnerClinicId != null && !PARTNER_ID.matcher(partnerClinicId).matches()) {
                partnerField.reject("must be a partner clinic's id like riverside-psychiatry");
            } else if (source == ReferralSource.PARTNER_CLINIC && partnerClinicId == null && !partnerField.hasError()) {
                partnerField.reject("is required when referral.source is PARTNER_CLINIC");
            } else if (source != null && source != ReferralSource.PARTNER_CLINIC) {
                // A partner sees the status of the patients it referred: a self or clinician referral keeps none.
                partnerClinicId = null;
            }
            JsonField referenceField = referralField.field("partnerReference");
            partnerReference = referenceField.optionalString(PARTNER_REFERENCE_MAX);
            if (partnerReference != null && !PARTNER_REFERENCE.matcher(partnerReference).matches()) {
                referenceField.reject("must be 1 to 64 letters, digits or . _ : -");
            } else if (partnerReference != null && source != null && source != ReferralSource.PARTNER_CLINIC) {
                referenceField.reject("is allowed only when referral.source is PARTNER_CLINIC");
            }
        }

        fields.throwIfInvalid();
        return new PatientRegistration(firstName, lastName, dateOfBirth, sexAtBirth, email, phone,
                new ContactConsent(consentEmail, consentSms), new Referral(source, partnerClinicId, partnerReference));
    }
}
