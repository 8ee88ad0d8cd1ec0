-- Median and 90th-percentile lag per direction, country and year of the first act. An act
-- in two countries counts in each.
with lags as (
    select
        direction,
        unnest(country) as country,
        year(event_date) as year,
        lag_days,
        lag_hours
    from {{ ref('retaliation_lag') }}
)

select
    direction,
    country,
    year,
    count(*) as acts,
    count(lag_days) as answered_acts,
    median(lag_days) as median_lag_days,
    quantile_cont(lag_days, 0.9) as p90_lag_days,
    median(lag_hours) as median_lag_hours,
    quantile_cont(lag_hours, 0.9) as p90_lag_hours
from lags
group by direction, country, year
-- A fixed row order: a rerun on the same data writes the same table, Parquet file and exports.
order by direction, country, year
