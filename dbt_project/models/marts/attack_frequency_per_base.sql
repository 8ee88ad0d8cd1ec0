-- Attacks per base: one all-time row per base ever attacked, and one row per month with attacks.
with attacks as (
    select * from {{ ref('stg_raw__events') }}
    where event_type = 'attack' and location_kind = 'base' and not background
),

periods as (
    select location_id, 'all_time' as period_type, 'all' as period, * exclude (location_id) from attacks
    union all
    select location_id, 'month', strftime(event_date, '%Y-%m'), * exclude (location_id) from attacks
    where event_date is not null
)

select
    location_id,
    period_type,
    period,
    count(*) as attacks,
    count(*) filter (where weapon = 'rocket') as rocket_attacks,
    count(*) filter (where weapon = 'drone') as drone_attacks,
    count(*) filter (where claimed) as claimed_attacks,
    min(event_date) as first_attack_on,
    max(event_date) as last_attack_on
from periods
group by all
