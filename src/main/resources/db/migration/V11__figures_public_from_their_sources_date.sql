-- "What was known on day D" means what was public then, identically on every instance: each
-- version of a figure has the day it became public (published_on: the date of the document it
-- comes from, else of its source, else the source's earliest possible date, else the day it was
-- recorded here) and what that day rests on (publication_basis); superseded_on is the day the next
-- version became public. The version public on D is published_on <= D and (superseded_on is null
-- or superseded_on > D). The recording moments (recorded_at, superseded_at) stay, for audit.
alter table observation
    add column published_on      date,
    add column publication_basis text,
    add column superseded_on     date;

-- The letter has no date; it answers the report of 22 January 2026 (the catalogue says so too).
update source set earliest_publication_date = date '2026-01-22'
where id = 'antwoorden-so-functioneren-rijksdienst-2026' and publication_date is null and earliest_publication_date is null;

update observation o set published_on = p.published_on, publication_basis = p.basis
from (select x.id,
             coalesce(os.publication_date, s.publication_date, s.earliest_publication_date, (x.recorded_at at time zone 'Europe/Amsterdam')::date) as published_on,
             case when os.publication_date is not null then 'origin_source_date'
                  when s.publication_date is not null then 'source_date'
                  when s.earliest_publication_date is not null then 'earliest_possible'
                  else 'recorded' end as basis
      from observation x
      join source s on s.id = x.source_id
      left join source os on os.id = x.origin_source_id) p
where p.id = o.id;

-- A superseded version stops being public when the version after it (or, for one span recorded
-- under two codes, the version that stayed current) became public.
update observation o set superseded_on = coalesce(
        (select n.published_on from observation n where n.observation_id = o.observation_id and n.version = o.version + 1),
        (select n.published_on from observation n
         where n.superseded_at is null and n.indicator_id = o.indicator_id and n.period_start = o.period_start and n.period_end = o.period_end
           and n.base_period_start is not distinct from o.base_period_start and n.base_period_end is not distinct from o.base_period_end
           and n.dimension_key = o.dimension_key),
        o.published_on)
where o.superseded_at is not null;

alter table observation alter column published_on set not null, alter column publication_basis set not null;
create index observation_public on observation (indicator_id, published_on, superseded_on);
