-- Themes: the sections of the letter (A-F), usable for later reports too.
create table theme (
    id             text primary key,
    code           text not null unique,
    label_nl       text not null,
    label_en       text not null,
    description_nl text,
    description_en text
);

-- Documents that observations and norms cite.
create table source (
    id               text primary key,
    type             text not null,
    title            text not null,
    publisher        text,
    kamerstuk        text,
    publication_date date,
    date_note        text,
    url              text
);

-- One measured quantity; its dimensions and their code lists are a JSON array.
create table indicator (
    id             text primary key,
    theme_id       text not null references theme (id),
    unit           text not null,
    kind           text not null,
    label_nl       text not null,
    label_en       text not null,
    description_nl text,
    description_en text,
    dimensions     jsonb not null default '[]'
);

create index indicator_theme on indicator (theme_id);

-- One value of an indicator for one period and one combination of dimension codes, with its
-- qualifier (the source's words: exact, approximate, bound, range, qualitative) and its citation.
create table observation (
    id                bigserial primary key,
    indicator_id      text not null references indicator (id),
    period_code       text not null,
    frequency         text not null,
    period_start      date not null,
    period_end        date not null,
    base_period_code  text,
    base_period_start date,
    base_period_end   date,
    dimensions        jsonb not null default '{}',
    dimension_key     text not null default '',
    qualifier         text not null,
    value             numeric,
    value_low         numeric,
    value_high        numeric,
    value_text        text,
    status            text not null,
    series_break      boolean not null default false,
    note_nl           text,
    note_en           text,
    source_id         text not null references source (id),
    section           text,
    question          text,
    quote             text not null,
    origin_source_id  text references source (id),
    recorded_at       timestamptz not null default now(),
    constraint observation_period_order check (period_start <= period_end),
    constraint observation_value_shape check (
        (qualifier in ('exact', 'approximate', 'lower_bound', 'upper_bound')
            and value is not null and value_low is null and value_high is null)
        or (qualifier = 'range' and value is null and value_low is not null and value_high is not null and value_low <= value_high)
        or (qualifier = 'qualitative' and value is null and value_low is null and value_high is null and value_text is not null))
);

-- The natural key of a figure: an indicator, a period (against a base period) and a series.
create unique index observation_natural_key
    on observation (indicator_id, period_code, coalesce(base_period_code, ''), dimension_key);
-- Series reads and latest-value reads: by indicator, ordered by period.
create index observation_series on observation (indicator_id, period_end, period_start);
-- Dimension filters (dimensions @> '{"category":"beleid"}').
create index observation_dimensions on observation using gin (dimensions jsonb_path_ops);

-- A rule an indicator is held to: a ceiling or floor against a constant or another indicator,
-- optionally with a deadline (a target). The source's wording is kept beside the number.
create table norm (
    id                     text primary key,
    indicator_id           text not null references indicator (id),
    dimensions             jsonb not null default '{}',
    operator               text not null check (operator in ('at_most', 'at_least')),
    threshold              numeric,
    reference_indicator_id text references indicator (id),
    deadline               date,
    valid_from             date,
    label_nl               text not null,
    label_en               text not null,
    description_nl         text,
    description_en         text,
    wording                text not null,
    interpretation         text,
    source_id              text not null references source (id),
    section                text,
    question               text,
    quote                  text not null,
    constraint norm_threshold_or_reference check ((threshold is null) <> (reference_indicator_id is null))
);

create index norm_indicator on norm (indicator_id);

-- Data files loaded at start, by checksum, so that each is loaded once.
create table data_load (
    file      text primary key,
    checksum  text not null,
    loaded_at timestamptz not null default now()
);
