-- One counter that moves when the data changes, and only then: it gives dashboards a strong ETag
-- and a Last-Modified that stay the same across restarts and days. Statement triggers with
-- transition tables bump it once per statement that really changed rows (an import of a million
-- rows is one bump; an import that changes nothing is none).
create table data_version (
    id         integer primary key check (id = 1),
    version    bigint      not null,
    changed_at timestamptz not null
);

insert into data_version (id, version, changed_at) values (1, 1, now());

create function bump_data_version() returns trigger language plpgsql as $$
begin
    if exists (select 1 from changed_rows) then
        update data_version set version = version + 1, changed_at = clock_timestamp() where id = 1;
    end if;
    return null;
end;
$$;

create trigger observation_inserted after insert on observation referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger observation_updated after update on observation referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger observation_deleted after delete on observation referencing old table as changed_rows
    for each statement execute function bump_data_version();
create trigger indicator_inserted after insert on indicator referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger indicator_updated after update on indicator referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger indicator_deleted after delete on indicator referencing old table as changed_rows
    for each statement execute function bump_data_version();
create trigger norm_inserted after insert on norm referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger norm_updated after update on norm referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger norm_deleted after delete on norm referencing old table as changed_rows
    for each statement execute function bump_data_version();
create trigger source_inserted after insert on source referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger source_updated after update on source referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger source_deleted after delete on source referencing old table as changed_rows
    for each statement execute function bump_data_version();
create trigger theme_inserted after insert on theme referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger theme_updated after update on theme referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger theme_deleted after delete on theme referencing old table as changed_rows
    for each statement execute function bump_data_version();
