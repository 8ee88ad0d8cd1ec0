-- One row per act, however many articles and outlets reported it.
with reports as (
    select
        event_reports.*,
        -- Who did it, most specific first: a group's own claim, a group or state named outright,
        -- then a generic label, then unknown (the actors seed); ties go to the first-published report.
        case
            when event_reports.claimed then 0
            when actors.specificity = 'named' then 1
            when actors.specificity = 'generic' then 2
            else 3
        end as actor_rank,
        coalesce(event_reports.published_on, date '9999-12-31') as publication_order
    from {{ ref('fct_event_reports') }} as event_reports
    left join {{ ref('actors') }} as actors on event_reports.actor = actors.actor
),

incidents as (
    select
        incident_id,
        any_value(event_type) as event_type,
        any_value(location_id) as location_id,
        any_value(location_kind) as location_kind,
        list_sort(list_distinct(flatten(list(country)))) as country,
        any_value(governorate) as governorate,
        arg_min(actor, (actor_rank, publication_order, event_id)) as actor,
        bool_or(claimed) as claimed,
        arg_min(weapon, (publication_order, event_id)) filter (where weapon is not null) as weapon,
        -- A stated day beats a date guessed from context; of two stated days (a night told on
        -- either side of midnight) the earlier is the night's first day, as the contract dates it.
        coalesce(
            min(event_date) filter (where date_precision = 'day'),
            min(event_date) filter (where date_precision = 'week')
        ) as event_date,
        case
            when bool_or(date_precision = 'day') then 'day'
            when bool_or(date_precision = 'week') then 'week'
            else 'unknown'
        end as date_precision,
        arg_min(time_of_day, (event_date, publication_order, event_id)) filter (where time_of_day is not null) as time_of_day,
        arg_min(outcome, (publication_order, event_id)) filter (where outcome is not null) as outcome,
        count(*) as n_reports,
        count(distinct article) as n_articles,
        list_sort(list(distinct article)) as articles,
        list_sort(list(distinct outlet) filter (where outlet is not null)) as outlets,
        list_sort(list_distinct(flatten(list(sources)))) as sources,
        list_sort(list(event_id)) as event_ids,
        min(munition_count_low) as munition_count_low,
        max(munition_count_high) as munition_count_high,
        -- ACLED's rule for casualties: the lowest credible figure any report gave.
        min(killed_low) as killed,
        min(injured_low) as injured,
        min(published_on) as first_reported_on,
        max(published_on) as last_reported_on,
        bool_and(background) as is_background
    from reports
    group by incident_id
)

select
    incidents.*,
    -- One country for an act reported in several (a strike "in Iraq and Syria"): its place's,
    -- else the first listed. Totals across countries, and exports with one country per row as
    -- ACLED has it, count the act there once.
    coalesce(places.country, incidents.country[1]) as primary_country
from incidents
left join {{ ref('dim_locations') }} as places on incidents.location_id = places.location_id
-- A fixed row order: a rerun on the same data writes the same table, Parquet file and exports.
order by incidents.incident_id
