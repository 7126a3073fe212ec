-- The test service's own schema: clinic-support's tables are migrated after it, as in every service.
create table support_test_note (
    note_id uuid primary key,
    text    text not null
);
