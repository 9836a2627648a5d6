-- Replicas hold the data version in memory: the function that bumps it also notifies
-- (LISTEN kpi_data_version), delivered when the changing transaction commits.
create or replace function bump_data_version() returns trigger language plpgsql as $$
begin
    if exists (select 1 from changed_rows) then
        update data_version set version = version + 1, changed_at = clock_timestamp() where id = 1;
        perform pg_notify('kpi_data_version', '');
    end if;
    return null;
end;
$$;
