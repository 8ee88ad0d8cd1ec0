-- Pairs of reports (both directions) that tell the same act: same event type, same place,
-- same or adjacent day (a night act straddles midnight, and outlets date it either side),
-- compatible actors. Only reports that state the day pair: nothing says which act an
-- undated report tells. Reports of one article never pair: the extractor has already
-- merged an article's mentions of one act, so two events there are two acts.
with reports as (
    select * from {{ ref('int_event_reports') }}
)

select
    report.event_id,
    other.event_id as matching_event_id
from reports as report
inner join reports as other
    on report.event_type = other.event_type
    and report.location_key = other.location_key
    and report.article <> other.article
    and report.date_precision = 'day'
    and other.date_precision = 'day'
    and abs(date_diff('day', report.event_date, other.event_date)) <= 1
    and {{ actors_compatible('report.actor', 'other.actor') }}
