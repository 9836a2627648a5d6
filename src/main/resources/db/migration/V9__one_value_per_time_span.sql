-- One time span has at most one current value per series: 2027, 2027-01/2027-12 and 2027-Q1/2027-Q4
-- are one span, so they name one observation. Where earlier writes left two current values for one
-- span under different codes, the one recorded last stays current and the others are superseded
-- (their versions stay retrievable with asOf).
update observation o set superseded_at = now()
where o.superseded_at is null
  and exists (select 1 from observation n
              where n.superseded_at is null and n.id <> o.id and n.indicator_id = o.indicator_id
                and n.period_start = o.period_start and n.period_end = o.period_end
                and n.base_period_start is not distinct from o.base_period_start
                and n.base_period_end is not distinct from o.base_period_end
                and n.dimension_key = o.dimension_key
                and (n.recorded_at, n.id) > (o.recorded_at, o.id));

drop index observation_current_key;
create unique index observation_current_span
    on observation (indicator_id, period_start, period_end, coalesce(base_period_start, date '0001-01-01'),
                    coalesce(base_period_end, date '0001-01-01'), dimension_key)
    where superseded_at is null;
