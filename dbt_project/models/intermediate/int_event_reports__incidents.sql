-- Each report's incident: the reports linked by chains of matches form one incident,
-- keyed by the event_id of its first-published report (stable as later articles join it).
with recursive reports as (
    select * from {{ ref('int_event_reports') }}
),

matches as (
    select * from {{ ref('int_event_report_matches') }}
),

linked (event_id, member_event_id) as (
    select event_id, event_id from reports
    union
    select linked.event_id, matches.matching_event_id
    from linked
    inner join matches on linked.member_event_id = matches.event_id
)

select
    linked.event_id,
    arg_min(members.event_id, (coalesce(members.published_on, date '9999-12-31'), members.event_id)) as incident_id
from linked
inner join reports as members on linked.member_event_id = members.event_id
group by linked.event_id
