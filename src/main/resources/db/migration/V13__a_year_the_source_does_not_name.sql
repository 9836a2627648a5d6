-- A figure "per jaar" without a year ("ca. 20% externe instroom per jaar") is not placed in a year
-- the source did not name: its period is P1Y, a year the source does not name, with no first or
-- last day, so it falls in no period a query names. One series has at most one such current value.
alter table observation alter column period_start drop not null, alter column period_end drop not null;

drop index observation_current_span;
create unique index observation_current_span
    on observation (indicator_id, coalesce(period_start, date '0001-01-01'), coalesce(period_end, date '0001-01-01'),
                    coalesce(base_period_start, date '0001-01-01'), coalesce(base_period_end, date '0001-01-01'), dimension_key)
    where superseded_at is null;

-- The letter's two such figures were placed in 2026, the year of the letter. They get a version in
-- P1Y; the 2026 version was never the letter's word, so it is public on no day (superseded_on =
-- published_on), and stays retrievable in /versions.
insert into observation (observation_id, version, indicator_id, period_code, frequency, period_start, period_end, base_period_code,
                         base_period_start, base_period_end, dimensions, dimension_key, qualifier, value, value_low, value_high, value_text,
                         status, series_break, note_nl, note_en, source_id, section, question, quote, origin_source_id, stated_by,
                         stated_by_name, response_stance, response_section, response_quote, recorded_by, reason, published_on,
                         publication_basis)
select observation_id, version + 1, indicator_id, 'P1Y', 'annual', null, null, base_period_code, base_period_start, base_period_end,
       dimensions, dimension_key, qualifier, value, value_low, value_high, value_text, status, series_break, note_nl, note_en, source_id,
       section, question, quote, origin_source_id, stated_by, stated_by_name, response_stance, response_section, response_quote, 'system',
       'De brief noemt geen jaar: periode P1Y in plaats van 2026', published_on, publication_basis
from observation
where superseded_at is null and source_id = 'antwoorden-so-functioneren-rijksdienst-2026' and period_code = '2026'
  and indicator_id in ('abd-external-inflow', 'data-sharing-benefits');

update observation set superseded_at = now(), superseded_on = published_on
where superseded_at is null and source_id = 'antwoorden-so-functioneren-rijksdienst-2026' and period_code = '2026'
  and indicator_id in ('abd-external-inflow', 'data-sharing-benefits');
