-- What happened, as the feed, the webhooks and the live stream tell it: a new figure, a correction
-- (with the old and the new value), an import, a verdict that changed. Written in the transaction of
-- the change itself (an outbox), so an event exists exactly when its change committed; its sentence
-- is written then, as it read at that moment. Its id orders the events; a reader asks for those
-- after the last id it saw.
create table event (
    id            bigserial primary key,
    occurred_at   timestamptz not null default now(),
    kind          text not null,
    theme_id      text,
    indicator_id  text,
    norm_id       text,
    path          text not null,
    title_nl      text not null,
    title_en      text not null,
    sentence_nl   text,
    sentence_en   text,
    data          jsonb not null default '{}'
);

create index event_by_indicator on event (indicator_id, id);
create index event_by_norm on event (norm_id, id);
create index event_by_theme on event (theme_id, id);

-- The states of commitments already announced (due soon, overdue, delivered): a state is announced
-- once, by whichever replica sees it first; the primary key keeps a second from doing it again.
create table commitment_announcement (
    commitment_id  text not null,
    state          text not null,
    announced_at   timestamptz not null default now(),
    primary key (commitment_id, state)
);

-- An event moves the data version like any change, so that kept answers of the feed are not served
-- after it and every replica's live stream hears of it. It records the indicator it is about (null,
-- "anything", for one that is about none, such as a commitment's state), so the answers kept for
-- other indicators' observations stay (V17).
create or replace function bump_data_version_for_events() returns trigger language plpgsql as $$
declare
    moved bigint;
begin
    if exists (select 1 from changed_rows) then
        update data_version set version = version + 1, changed_at = clock_timestamp() where id = 1 returning version into moved;
        insert into data_change (version, indicator_id) select distinct moved, indicator_id from changed_rows;
        delete from data_change where version <= moved - 10000;
        perform pg_notify('kpi_data_version', '');
    end if;
    return null;
end;
$$;

create trigger event_inserted after insert on event referencing new table as changed_rows
    for each statement execute function bump_data_version_for_events();
