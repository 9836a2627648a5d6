-- Observations keep every version: a correction never overwrites. A row is one version of one
-- observation; observation_id names the observation across its versions. The current version is
-- the one not superseded; "what was known at T" is the version recorded at or before T and not
-- superseded by then.
create sequence observation_identity_seq;

alter table observation
    add column observation_id bigint,
    add column version        integer not null default 1,
    add column recorded_by    text    not null default 'system',
    add column reason         text,
    add column import_id      uuid,
    add column superseded_at  timestamptz;

update observation set observation_id = nextval('observation_identity_seq');
alter table observation alter column observation_id set not null;
alter table observation alter column observation_id set default nextval('observation_identity_seq');

drop index observation_natural_key;
create unique index observation_current_key
    on observation (indicator_id, period_code, coalesce(base_period_code, ''), dimension_key)
    where superseded_at is null;
create unique index observation_identity_version on observation (observation_id, version);
drop index observation_series;
create index observation_current_series on observation (indicator_id, period_end, period_start) where superseded_at is null;
create index observation_history on observation (indicator_id, recorded_at, superseded_at);

-- The kinds of period an indicator's observations may have; empty means any.
alter table indicator add column frequencies jsonb not null default '[]';

-- Who changed what and when.
create table audit_log (
    id          bigserial primary key,
    occurred_at timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    entity_type text        not null,
    entity_id   text        not null,
    reason      text,
    summary     text        not null,
    details     jsonb
);

create index audit_log_occurred on audit_log (occurred_at);

-- Bulk imports, with their counts; the idempotency key makes a retried request safe.
create table observation_import (
    id              uuid primary key,
    idempotency_key text unique,
    request_sha256  text        not null,
    actor           text        not null,
    reason          text,
    media_type      text        not null,
    started_at      timestamptz not null,
    finished_at     timestamptz not null,
    rows_read       bigint      not null,
    inserted        bigint      not null,
    revised         bigint      not null,
    unchanged       bigint      not null
);
