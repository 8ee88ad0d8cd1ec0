-- Attacks per base: one all-time row per base ever attacked, one row per month and per ISO
-- week that had an attack. Only a day-precise date places an attack in a month or week;
-- an attack whose day is unknown still counts all-time.
with attacks as (
    select * from {{ ref('fct_incidents') }}
    where event_type = 'attack' and location_kind = 'base' and not is_background
),

bases as (
    select * from {{ ref('dim_locations') }}
),

dated_attacks as (
    select
        *,
        date_diff(
            'day',
            lag(event_date) over (partition by location_id order by event_date, incident_id),
            event_date
        ) as days_since_previous_attack
    from attacks
    where date_precision = 'day'
),

attacks_with_gaps as (
    select
        attacks.*,
        dated_attacks.days_since_previous_attack
    from attacks
    left join dated_attacks using (incident_id)
),

periods as (
    select
        'all_time' as period_type,
        'all' as period,
        null::date as period_start,
        *
    from attacks_with_gaps
    union all
    select
        'month' as period_type,
        strftime(event_date, '%Y-%m') as period,
        date_trunc('month', event_date)::date as period_start,
        *
    from attacks_with_gaps
    where date_precision = 'day'
    union all
    select
        'iso_week' as period_type,
        strftime(event_date, '%G-W%V') as period,
        date_trunc('week', event_date)::date as period_start,
        *
    from attacks_with_gaps
    where date_precision = 'day'
),

frequency as (
    select
        location_id,
        period_type,
        period,
        period_start,
        count(*) as attacks,
        count(*) filter (where weapon = 'rocket') as rocket_attacks,
        -- Munitions as the sources told them: the sum of each attack's lowest count, and of its
        -- highest (three sources saying 3, 3 and 5 rockets give 3 and 5, not 3 alone).
        sum(munition_count_low) filter (where weapon = 'rocket')::bigint as rockets,
        sum(munition_count_high) filter (where weapon = 'rocket')::bigint as rockets_high,
        count(*) filter (where weapon = 'drone') as drone_attacks,
        sum(munition_count_low) filter (where weapon = 'drone')::bigint as drones,
        sum(munition_count_high) filter (where weapon = 'drone')::bigint as drones_high,
        count(*) filter (where claimed) as claimed_attacks,
        count(*) filter (where not claimed) as unclaimed_attacks,
        sum(killed)::bigint as killed,
        sum(injured)::bigint as injured,
        min(event_date) filter (where date_precision = 'day') as first_attack_on,
        max(event_date) filter (where date_precision = 'day') as last_attack_on,
        -- The gap before the period's last attack, reaching back across periods.
        arg_max(days_since_previous_attack, (event_date, incident_id)) filter (where date_precision = 'day')
            as days_since_previous_attack
    from periods
    group by location_id, period_type, period, period_start
)

select
    frequency.location_id,
    bases.name_en as base_name,
    bases.country,
    bases.governorate,
    frequency.* exclude (location_id)  -- noqa: RF02
from frequency
left join bases on frequency.location_id = bases.location_id
-- A fixed row order: a rerun on the same data writes the same table, Parquet file and exports.
order by frequency.location_id, frequency.period_type, frequency.period
