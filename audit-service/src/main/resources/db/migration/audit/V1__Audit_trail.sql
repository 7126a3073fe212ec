-- The audit trail. Migrated by the schema's owner (spring.flyway.user); the application connects as ${app_user},
-- which may only insert and read records: an edit or a deletion needs the owner's credentials, which no service has.

-- One row per chain: the newest record's seq and hash, locked by every append so that the chain cannot fork.
create table audit_chain_head (
    chain text   primary key,
    seq   bigint not null,
    hash  text   not null
);
insert into audit_chain_head (chain, seq, hash) values ('clinic-ops', 0, repeat('0', 64));

-- The record exactly as it was hashed (every member but hash is part of the hash).
create table audit_record (
    chain    text   not null,
    seq      bigint not null,
    audit_id uuid   not null unique,
    record   jsonb  not null,
    primary key (chain, seq)
);
create index audit_record_by_patient on audit_record using gin ((record -> 'patientIds') jsonb_path_ops);
create index audit_record_by_actor on audit_record ((record ->> 'actor'), seq);

-- Beside the revoked rights: even the owner cannot change a record without first disabling this on purpose.
create function audit_record_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only: % on audit_record refused', tg_op;
end
$$;
create trigger audit_record_no_update_or_delete before update or delete on audit_record
    for each row execute function audit_record_refuse_change();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_refuse_change();

grant usage on schema public to ${app_user};
revoke all on audit_record from public;
grant select, insert on audit_record to ${app_user};
revoke update, delete, truncate, references, trigger on audit_record from ${app_user};
grant select, update on audit_chain_head to ${app_user};
-- clinic-support's tables (outbox, processed events, idempotency keys), migrated after this: used as in any service
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_user};
alter default privileges in schema public grant usage, select on sequences to ${app_user};
