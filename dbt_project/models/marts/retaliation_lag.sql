-- For every dated attack, the next US / coalition strike in the same theatre within the
-- window; for every dated strike, the next militia attack. Undated acts have no place in
-- a sequence and are left out; an act nothing answered keeps its row with a null lag.
with acts as (
    select
        incidents.incident_id,
        incidents.event_type,
        incidents.location_id,
        incidents.country,
        incidents.governorate,
        incidents.event_date,
        incidents.time_of_day,
        times_of_day.representative_hour as time_of_day_hour
    from {{ ref('fct_incidents') }} as incidents
    left join {{ ref('times_of_day') }} as times_of_day on incidents.time_of_day = times_of_day.time_of_day
    where not incidents.is_background and incidents.date_precision = 'day'
),

-- Each act's window, country by country and day by day: its candidates are then found by an
-- equi-join on (country, day), linear in the acts, not by testing every pair of acts.
act_days as (
    select
        act.incident_id,
        act.event_type,
        act.governorate,
        act.event_date,
        act.time_of_day_hour,
        place.country_code,
        act.event_date + window_day.day_offset::integer as answer_date
    from acts as act
    cross join unnest(act.country) as place (country_code)
    cross join range(0, {{ var('retaliation_window_days') }} + 1) as window_day (day_offset)
),

answer_places as (
    select
        answer.incident_id,
        answer.event_type,
        answer.governorate,
        answer.event_date,
        answer.time_of_day_hour,
        place.country_code
    from acts as answer
    cross join unnest(answer.country) as place (country_code)
),

-- The first answer: the earliest day, then the earliest time of day (unknown last), then id.
first_answers as (
    select
        act.incident_id,
        arg_min(answer.incident_id, (answer.event_date, coalesce(answer.time_of_day_hour, 24), answer.incident_id)) as next_incident_id
    from act_days as act
    inner join answer_places as answer
        on answer.country_code = act.country_code
            and answer.event_date = act.answer_date
            and answer.event_type <> act.event_type
            -- Same theatre: a shared country, and the same governorate where both are known.
            and (act.governorate is null or answer.governorate is null or act.governorate = answer.governorate)
            -- The same day, order by time of day where known. Where it is not, the strike is
            -- taken as the answer to the attack and not the other way round: outlets report a
            -- same-day strike as the response ("ردا على ذلك", "على الإثر").
            and (
                answer.event_date > act.event_date
                or (act.event_type = 'attack' and not coalesce(answer.time_of_day_hour < act.time_of_day_hour, false))
                or (act.event_type = 'strike' and coalesce(answer.time_of_day_hour > act.time_of_day_hour, false))
            )
    group by act.incident_id
),

candidates as (
    select
        act.*,
        answer.incident_id as next_incident_id,
        answer.event_type as next_event_type,
        answer.location_id as next_location_id,
        answer.country as next_country,
        answer.event_date as next_event_date,
        answer.time_of_day as next_time_of_day,
        answer.time_of_day_hour as next_time_of_day_hour
    from acts as act
    left join first_answers on act.incident_id = first_answers.incident_id
    left join acts as answer on first_answers.next_incident_id = answer.incident_id
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
    next_country,
    next_event_date,
    next_time_of_day,
    date_diff('day', event_date, next_event_date) as lag_days,
    date_diff('day', event_date, next_event_date) * 24 + next_time_of_day_hour - time_of_day_hour as lag_hours
from candidates
-- A fixed row order: a rerun on the same data writes the same table, Parquet file and exports.
order by incident_id
