-- Norms keep every version, as figures do: a change of threshold, wording or validity is a new
-- version and the old one stays. A row of norm_version is one version, its content the input it
-- was written from; norm holds the current one. A version is public from its source's date
-- (published_on) until the next version became public (superseded_on), so a norm check asOf D is
-- made with the norm as it then stood. valid_to ends a norm's validity, as valid_from begins it.
alter table norm
    add column valid_to          date,
    add column version           integer not null default 1,
    add column published_on      date,
    add column publication_basis text;

create table norm_version (
    id                bigserial primary key,
    norm_id           text        not null references norm (id),
    version           integer     not null,
    content           jsonb       not null,
    published_on      date        not null,
    publication_basis text        not null,
    recorded_at       timestamptz not null,
    recorded_by       text        not null,
    reason            text,
    superseded_at     timestamptz,
    superseded_on     date
);

create unique index norm_version_identity on norm_version (norm_id, version);
create unique index norm_version_current on norm_version (norm_id) where superseded_at is null;

create trigger norm_version_inserted after insert on norm_version referencing new table as changed_rows
    for each statement execute function bump_data_version();
create trigger norm_version_updated after update on norm_version referencing new table as changed_rows
    for each statement execute function bump_data_version();

-- Where the source gives no number ("nagenoeg alle"), the norm has no threshold: the number we read
-- into its words is interpreted_threshold, beside it. A verdict on it says so and the scorecard
-- counts it apart. A norm has exactly one of the three.
alter table norm add column interpreted_threshold numeric;
alter table norm drop constraint norm_threshold_or_reference;
alter table norm add constraint norm_one_threshold check (num_nonnulls(threshold, reference_indicator_id, interpreted_threshold) = 1);
