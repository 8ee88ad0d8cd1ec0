{{ config(materialized="table") }}

-- Each report's incident: the reports that tell ONE act. Same event type, same place, same
-- stated day, compatible actors; a night act straddles midnight, so a night dated day D also
-- takes the reports of day D + 1 that could be that night (dawn, night or no time of day).
-- Reports of one article stay apart: the extractor has already merged an article's mentions of
-- one act, so two events there are two acts. Reports without a stated day are never merged:
-- nothing says which act an undated report tells.
--
-- Linear, without a join of reports with reports: reports are bucketed by (event type, place,
-- day, actor); buckets, not reports, are joined across midnight, one to one, one hop. An
-- incident is one bucket or two (a night and the next day's bucket), never a chain: daily acts
-- at one base stay daily incidents. It is keyed by its first-published report (ties by
-- event_id), stable as later articles join it. What an actor fits is the actors seed's
-- (macros/actors_compatible.sql).
{% set cell = ['event_type', 'location_key', 'event_date'] %}

with reports as (
    select
        event_id,
        article,
        event_type,
        location_key,
        event_date,
        date_precision,
        time_of_day,
        time_of_day_hour,
        coalesce(published_on, date '9999-12-31') as publication_order,
        coalesce(actor, 'unknown') as actor
    from {{ ref('int_event_reports') }}
),

dated as (
    select * from reports
    where date_precision = 'day'
),

-- Each actor's part in bucketing: a group or state named outright, an umbrella other groups claim
-- under, a generic label or unknown.
actor_roles as (
    select
        actor,
        case
            when specificity <> 'named' then specificity
            when actor in (
                    select members.member_of from {{ ref('actors') }} as members
                    where members.member_of is not null
                ) then 'umbrella'
            else 'named'
        end as role
    from {{ ref('actors') }}
),

-- Each actor named for a place and day, with its role and its first-published report.
cell_actors as (
    select
        {{ cell | join(', ') }},
        actor,
        actor_roles.role,
        min(dated.publication_order) as first_published,
        arg_min(dated.event_id, (dated.publication_order, dated.event_id)) as first_event_id
    from dated
    inner join actor_roles using (actor)
    group by all
),

-- A group or state named outright makes a bucket of its own: two named groups at one place on
-- one day are two acts.
named as (
    select
        *,
        actor as bucket_actor
    from cell_actors
    where role = 'named'
),

-- An umbrella (the Islamic Resistance in Iraq) joins the bucket of a group that claims under it,
-- the first-published one if several, else makes its own.
umbrella as (
    {{ join_first_bucket('umbrella', 'named', cell) }}
),

buckets_named as (
    {{ merge_buckets(['named', 'umbrella'], cell) }}
),

-- A generic label fits the first-published bucket of its side ("Iran-aligned" any militia's, the
-- coalition the US's); else makes its own.
generic as (
    {{ join_first_bucket('generic', 'buckets_named', cell) }}
),

buckets_known as (
    {{ merge_buckets(['buckets_named', 'generic'], cell) }}
),

-- "Unknown" fits anyone: the first-published bucket of its place and day, else its own.
unattributed as (
    {{ join_first_bucket('unknown', 'buckets_known', cell) }}
),

assignment as (
    select {{ cell | join(', ') }}, actor, bucket_actor from named
    union all
    select {{ cell | join(', ') }}, actor, bucket_actor from umbrella
    union all
    select {{ cell | join(', ') }}, actor, bucket_actor from generic
    union all
    select {{ cell | join(', ') }}, actor, bucket_actor from unattributed
),

-- The n-th report of each article in a bucket goes with the n-th of the others (in time of day),
-- so that one article's two acts stay two.
ranked as (
    select
        dated.*,
        assignment.bucket_actor,
        row_number() over (
            partition by {{ cell | join(', ') }}, assignment.bucket_actor, dated.article
            order by dated.time_of_day_hour nulls last, dated.event_id
        ) as nth
    from dated
    inner join assignment using ({{ cell | join(', ') }}, actor)
),

members as (
    select
        *,
        -- A bucket is named by its first-published report.
        arg_min(event_id, (publication_order, event_id)) over (
            partition by {{ cell | join(', ') }}, bucket_actor, nth
        ) as bucket_id
    from ranked
),

buckets as (
    select
        bucket_id,
        any_value(event_type) as event_type,
        any_value(location_key) as location_key,
        any_value(event_date) as event_date,
        any_value(bucket_actor) as bucket_actor,
        min(publication_order) as first_published,
        -- Some report dates the act to the night of its day.
        bool_or(time_of_day = 'night') as has_night,
        -- No report puts it in daytime: it may be the previous day's night told after midnight.
        bool_and(coalesce(time_of_day in ('dawn', 'night'), true)) as may_follow_night
    from members
    group by bucket_id
),

-- Each bucket that may follow a night takes the first-published compatible night the day before ...
followed as (
    select
        later.bucket_id as later_id,
        any_value(later.first_published) as later_published,
        arg_min(earlier.bucket_id, (earlier.first_published, earlier.bucket_id)) as earlier_id
    from buckets as later
    inner join buckets as earlier
        on later.event_type = earlier.event_type
            and later.location_key = earlier.location_key
            and earlier.event_date = later.event_date - 1
            and earlier.has_night
            and {{ actors_compatible('earlier.bucket_actor', 'later.bucket_actor') }}
    where later.may_follow_night
    group by later.bucket_id
),

-- ... each night keeps the first-published of the buckets that took it ...
paired as (
    select
        earlier_id,
        arg_min(later_id, (later_published, later_id)) as later_id
    from followed
    group by earlier_id
),

-- ... and a bucket that joins the night before takes no bucket of the day after: no chains.
joined as (
    select
        paired.earlier_id,
        paired.later_id,
        case
            when earlier.first_published < later.first_published
                or (earlier.first_published = later.first_published and earlier.bucket_id < later.bucket_id)
                then earlier.bucket_id
            else later.bucket_id
        end as incident_id
    from paired
    inner join buckets as earlier on paired.earlier_id = earlier.bucket_id
    inner join buckets as later on paired.later_id = later.bucket_id
    where paired.earlier_id not in (select chained.later_id from paired as chained)
),

bucket_incidents as (
    select
        buckets.bucket_id,
        coalesce(as_earlier.incident_id, as_later.incident_id, buckets.bucket_id) as incident_id
    from buckets
    left join joined as as_earlier on buckets.bucket_id = as_earlier.earlier_id
    left join joined as as_later on buckets.bucket_id = as_later.later_id
)

select
    reports.event_id,
    coalesce(bucket_incidents.incident_id, reports.event_id) as incident_id
from reports
left join members on reports.event_id = members.event_id
left join bucket_incidents on members.bucket_id = bucket_incidents.bucket_id
