-- The partner Kafka topics' own numbering (notification.partner.kafka.clinics): the last number given per clinic, and
-- per clinic and patient, independent of any subscription's; each row is locked to give the next one. Never purged,
-- so numbers are never reused.
create table partner_topic_sequence (
    partner_clinic_id text   primary key,
    last_sequence     bigint not null
);

create table partner_topic_patient_sequence (
    partner_clinic_id text   not null,
    patient_id        uuid   not null,
    last_sequence     bigint not null,
    primary key (partner_clinic_id, patient_id)
);
