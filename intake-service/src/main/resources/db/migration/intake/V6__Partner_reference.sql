-- The partner clinic's own number for the referral, echoed to it so it can match our patient id to its record.
-- Only a partner referral carries one; like the rest of the referral it never changes.
alter table patient add column partner_reference text;
alter table patient add constraint patient_partner_reference_only_from_a_partner
    check (partner_reference is null or referral_source = 'PARTNER_CLINIC');
