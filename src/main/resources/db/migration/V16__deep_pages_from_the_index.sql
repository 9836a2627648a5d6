-- A deep page (issue: real volumes) is found in the index alone: the index of the period order now
-- also holds each row's id and base period code, so the rows a page skips are counted off in the
-- index (an index-only scan) and only the page's own rows are read from the table
-- (ObservationRepository.search). base_period_code is there because the order names it inside an
-- expression, which PostgreSQL's planner does not take from the index for an index-only scan.
create index observation_current_order_ids
    on observation (indicator_id, period_start, period_end, period_code, dimension_key, coalesce(base_period_code, ''))
    include (id, base_period_code)
    where superseded_at is null;

drop index observation_current_order;
