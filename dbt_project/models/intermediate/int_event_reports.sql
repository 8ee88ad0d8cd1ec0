-- One row per extracted event per article, with what the marts need beside it: the
-- article's outlet, the place's governorate, the resolved date and how precise it is, and
-- the lowest and highest figures any source gave for the event.
with events as (
    select * from {{ ref('stg_raw__events') }}
),

articles as (
    select * from {{ ref('stg_raw__articles') }}
),

locations as (
    select * from {{ ref('stg_raw__locations') }}
),

times_of_day as (
    select * from {{ ref('times_of_day') }}
),

claims as (
    select
        event_id,
        min(munition_count) as munition_count_low,
        max(munition_count) as munition_count_high,
        min(killed) as killed_low,
        min(injured) as injured_low
    from {{ ref('stg_raw__event_claims') }}
    group by event_id
)

select
    events.event_id,
    events.article_id,
    events.article,
    articles.outlet,
    articles.url,
    events.published_on,
    events.event_type,
    events.location_id,
    events.location_kind,
    -- Two reports without a named place can still be the same act if they name the same countries.
    coalesce(events.location_id, 'country:' || array_to_string(list_sort(events.country), '+')) as location_key,
    events.country,
    locations.governorate,
    events.actor,
    events.claimed,
    events.weapon,
    events.munition_count,
    -- least / greatest skip nulls: the event's own figure and every source's claim.
    least(events.munition_count, claims.munition_count_low) as munition_count_low,
    greatest(events.munition_count, claims.munition_count_high) as munition_count_high,
    events.killed,
    events.injured,
    least(events.killed, claims.killed_low) as killed_low,
    least(events.injured, claims.injured_low) as injured_low,
    -- ACLED's event_date and time_precision. A news report the article does not date
    -- happened in its news window, the last few days before publication: ACLED codes such
    -- an act to the week. An act told as "before that" is placed on the day of the act it
    -- preceded, never after it; it too is coded to the week. A background recall without a
    -- date is unknown.
    case
        when events.event_date is not null then events.event_date
        when not events.background then coalesce(events.date_not_after, events.published_on)
    end as event_date,
    case
        when events.event_date is not null then 'day'
        when not events.background and coalesce(events.date_not_after, events.published_on) is not null then 'week'
        else 'unknown'
    end as date_precision,
    events.date_basis,
    events.day_offset,
    events.time_of_day,
    times_of_day.representative_hour as time_of_day_hour,
    events.outcome,
    events.background,
    events.sources,
    events.evidence,
    events.evidence_spans,
    events.extractor_version
from events
left join articles on events.article_id = articles.article_id
left join locations on events.location_id = locations.location_id
left join claims on events.event_id = claims.event_id
left join times_of_day on events.time_of_day = times_of_day.time_of_day
