-- One row per extracted event per article, with the key of the incident it reports.
with reports as (
    select * from {{ ref('int_event_reports') }}
),

incidents as (
    select * from {{ ref('int_event_reports__incidents') }}
)

select
    reports.event_id,
    incidents.incident_id,
    reports.article_id,
    reports.article,
    reports.outlet,
    reports.url,
    reports.published_on,
    reports.event_type,
    reports.location_id,
    reports.location_kind,
    reports.country,
    reports.governorate,
    reports.actor,
    reports.claimed,
    reports.weapon,
    reports.munition_count,
    reports.munition_count_low,
    reports.munition_count_high,
    reports.killed,
    reports.injured,
    reports.killed_low,
    reports.injured_low,
    reports.event_date,
    reports.date_precision,
    reports.date_basis,
    reports.day_offset,
    reports.time_of_day,
    reports.outcome,
    reports.background,
    reports.sources,
    reports.evidence,
    reports.evidence_spans,
    reports.extractor_version
from reports
inner join incidents on reports.event_id = incidents.event_id
-- A fixed row order: a rerun on the same data writes the same table, Parquet file and exports.
order by reports.event_id
