-- For every dated attack, the next US / coalition strike in the same theatre within the
-- window; for every dated strike, the next militia attack. Undated acts have no place in
-- a sequence and are left out; an act nothing answered keeps its row with a null lag.
with acts as (
    select
        incident_id,
        event_type,
        location_id,
        country,
        governorate,
        event_date,
        time_of_day,
        {{ time_of_day_hour('time_of_day') }} as time_of_day_hour
    from {{ ref('fct_incidents') }}
    where not is_background and date_precision = 'day'
),

candidates as (
    select
        act.*,
        answer.incident_id as next_incident_id,
        answer.event_type as next_event_type,
        answer.location_id as next_location_id,
        answer.event_date as next_event_date,
        answer.time_of_day as next_time_of_day,
        answer.time_of_day_hour as next_time_of_day_hour,
        row_number() over (
            partition by act.incident_id
            order by answer.event_date, answer.time_of_day_hour nulls last, answer.incident_id
        ) as answer_order
    from acts as act
    left join acts as answer
        on answer.event_type <> act.event_type
        -- Same theatre: a shared country, and the same governorate where both are known.
        and list_has_any(act.country, answer.country)
        and (act.governorate is null or answer.governorate is null or act.governorate = answer.governorate)
        and answer.event_date between act.event_date and act.event_date + to_days({{ var('retaliation_window_days') }})
        -- The same day, order by time of day where known. Where it is not, the strike is
        -- taken as the answer to the attack and not the other way round: outlets report a
        -- same-day strike as the response ("ردا على ذلك", "على الإثر").
        and (
            answer.event_date > act.event_date
            or (act.event_type = 'attack' and not coalesce(answer.time_of_day_hour < act.time_of_day_hour, false))
            or (act.event_type = 'strike' and coalesce(answer.time_of_day_hour > act.time_of_day_hour, false))
        )
)

select
    incident_id,
    case event_type when 'attack' then 'attack_to_strike' else 'strike_to_attack' end as direction,
    event_type,
    location_id,
    country,
    governorate,
    event_date,
    time_of_day,
    next_incident_id,
    next_event_type,
    next_location_id,
    next_event_date,
    next_time_of_day,
    date_diff('day', event_date, next_event_date) as lag_days,
    date_diff('day', event_date, next_event_date) * 24 + next_time_of_day_hour - time_of_day_hour as lag_hours
from candidates
where answer_order = 1
