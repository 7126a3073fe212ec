-- A consent is kept as given even before its contact detail is on file (email and phone are optional, CLINICAL
-- section 3); such a consent reaches nobody until the detail is there.
do $$
declare
    consent_check record;
begin
    for consent_check in
        select conname from pg_constraint
        where conrelid = 'patient'::regclass and contype = 'c'
          and (pg_get_constraintdef(oid) like '%consent_email%' or pg_get_constraintdef(oid) like '%consent_sms%')
    loop
        execute format('alter table patient drop constraint %I', consent_check.conname);
    end loop;
end $$;
