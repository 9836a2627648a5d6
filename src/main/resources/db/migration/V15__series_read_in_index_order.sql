-- Reads of a series at volume (issue: real volumes).
--
-- A page of an indicator is read in period order: this index has that order, so a page is read
-- from it without sorting the indicator, and a deep page skips index entries rather than sorted rows.
create index observation_current_order
    on observation (indicator_id, period_start, period_end, period_code, dimension_key, coalesce(base_period_code, ''))
    where superseded_at is null;

-- A dimension filter is matched as the keys of the series it selects (dimension_key in (...)).
create index observation_current_series_key
    on observation (indicator_id, dimension_key, period_start, period_end)
    where superseded_at is null;

-- Dimension codes are no longer matched inside jsonb: the GIN index only slowed every write.
drop index observation_dimensions;
