-- Commitments (toezeggingen): dated promises and announced publications in a source. Every
-- version is kept: a row is one version of one commitment, its content the editor's input as
-- JSON; the current version is the one not superseded. A version is public from the date of the
-- source that states it (published_on) and stops being the public one when a version published
-- later replaces it (superseded_on), so "what was public on day D" is
-- published_on <= D and (superseded_on is null or superseded_on > D).
create table commitment_version (
    id                bigserial primary key,
    commitment_id     text        not null,
    version           integer     not null,
    theme_id          text        not null references theme (id),
    content           jsonb       not null,
    published_on      date        not null,
    publication_basis text        not null,
    recorded_at       timestamptz not null,
    recorded_by       text        not null,
    reason            text,
    superseded_at     timestamptz,
    superseded_on     date
);

create unique index commitment_version_identity on commitment_version (commitment_id, version);
create unique index commitment_current on commitment_version (commitment_id) where superseded_at is null;

create trigger commitment_inserted after insert on commitment_version referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger commitment_updated after update on commitment_version referencing new table as changed_rows
    for each statement execute function bump_data_version();

-- A source without a date still has an earliest day it can have been public (the letter answers
-- a report of 22 January 2026): the day its figures, norms and commitments count as public from,
-- marked as such.
alter table source add column earliest_publication_date date;
