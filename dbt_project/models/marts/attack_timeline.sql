-- A gap-free daily series per country, from its first to its last dated act, for charts:
-- days without acts are zeros, not missing points. An act in two countries counts in each.
with acts as (
    select
        incident_id,
        event_type,
        unnest(country) as country,
        event_date
    from {{ ref('fct_incidents') }}
    where not is_background and date_precision = 'day'
),

days as (
    select
        country,
        unnest(generate_series(min(event_date), max(event_date), interval 1 day))::date as day
    from acts
    group by country
)

select
    days.day,
    days.country,
    count(acts.incident_id) filter (where acts.event_type = 'attack') as attacks,
    count(acts.incident_id) filter (where acts.event_type = 'strike') as strikes
from days
left join acts on days.country = acts.country and days.day = acts.event_date
group by days.day, days.country
-- A fixed row order: a rerun on the same data writes the same table, Parquet file and exports.
order by days.country, days.day
