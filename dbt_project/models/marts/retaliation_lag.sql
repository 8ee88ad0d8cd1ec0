-- For each dated attack, the next US / coalition strike in the same country within the window.
with acts as (
    select * from {{ ref('stg_raw__events') }}
    where event_date is not null and not background
),

attacks as (select * from acts where event_type = 'attack'),
strikes as (select * from acts where event_type = 'strike'),

pairs as (
    select
        a.event_id as attack_event_id,
        a.location_id as attack_location_id,
        a.event_date as attack_date,
        s.event_id as strike_event_id,
        s.location_id as strike_location_id,
        s.event_date as strike_date,
        row_number() over (partition by a.event_id order by s.event_date, s.event_id) as rank
    from attacks as a
    left join strikes as s
        on list_has_any(a.country, s.country)
        and s.event_date >= a.event_date
        and s.event_date <= a.event_date + to_days({{ var('retaliation_window_days') }})
)

select
    attack_event_id,
    attack_location_id,
    attack_date,
    strike_event_id,
    strike_location_id,
    strike_date,
    date_diff('day', attack_date, strike_date) as lag_days
from pairs
where rank = 1
