-- A gap-free daily series per country, from its first to its last dated act, for charts:
-- days without acts are zeros, not missing points. An act in two countries counts in each
-- country's attacks and strikes, and in the *_counted_once columns of its primary country
-- only, so that summed over countries every act counts once.
with acts as (
    select
        incident_id,
        event_type,
        unnest(country) as country,
        primary_country,
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
    count(acts.incident_id) filter (where acts.event_type = 'strike') as strikes,
    count(acts.incident_id) filter (where acts.event_type = 'attack' and acts.country = acts.primary_country) as attacks_counted_once,
    count(acts.incident_id) filter (where acts.event_type = 'strike' and acts.country = acts.primary_country) as strikes_counted_once
from days
left join acts on days.country = acts.country and days.day = acts.event_date
group by days.day, days.country
-- A fixed row order: a rerun on the same data writes the same table, Parquet file and exports.
order by days.country, days.day
