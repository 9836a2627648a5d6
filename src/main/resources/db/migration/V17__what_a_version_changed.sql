-- Exact invalidation of the answers kept in memory (RenderedAnswers): each move of the data
-- version also records what it changed, so a replica can keep the answers a change did not touch.
-- A statement on the observations records the indicators whose observations it changed; one on any
-- other table (an indicator's definition, a norm, a source, a theme, a commitment) records null:
-- anything may have changed. Rows of versions long past are pruned as new ones are written; a
-- replica that finds a version missing (pruned, or never recorded) treats it as "anything".
create table data_change (
    version      bigint not null,
    indicator_id text
);

create index data_change_version on data_change (version);

create or replace function bump_data_version() returns trigger language plpgsql as $$
declare
    moved bigint;
begin
    if exists (select 1 from changed_rows) then
        update data_version set version = version + 1, changed_at = clock_timestamp() where id = 1 returning version into moved;
        if TG_TABLE_NAME = 'observation' then
            insert into data_change (version, indicator_id) select distinct moved, indicator_id from changed_rows;
        else
            insert into data_change (version, indicator_id) values (moved, null);
        end if;
        delete from data_change where version <= moved - 10000;
        perform pg_notify('kpi_data_version', '');
    end if;
    return null;
end;
$$;
