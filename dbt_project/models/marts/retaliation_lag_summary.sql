-- Median and 90th-percentile lag per direction, country and year of the first act. An act
-- in two countries counts in each, and its answer only in the countries the two share: a
-- strike in Syria answers an attack reported in Iraq and Syria in Syria, and in Iraq the
-- attack stays unanswered.
with act_countries as (
    select
        direction,
        unnest(country) as country,
        event_date,
        next_country,
        lag_days,
        lag_hours
    from {{ ref('retaliation_lag') }}
),

lags as (
    select
        direction,
        country,
        year(event_date) as year,
        case when list_contains(next_country, country) then lag_days end as lag_days,
        case when list_contains(next_country, country) then lag_hours end as lag_hours
    from act_countries
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
