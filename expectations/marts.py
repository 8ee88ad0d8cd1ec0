"""The data contracts of the dbt marts, keyed by model name: to check a new mart, add an entry.

GX has no DuckDB dialect, so a mart is read with DuckDB into Polars and validated as a
frame. Each contract's query selects the mart's rows with the derived columns its
suite checks: sums compared with the incidents they count, and the like.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import duckdb
import great_expectations as gx
import great_expectations.expectations as gxe
import polars as pl
import yaml

from expectations.suites import ACTORS, ERROR, EVENT_TYPES, LOCATION_KINDS, WARNING
from transforms.gazetteer import load

DBT_PROJECT_FILE = Path(__file__).resolve().parent.parent / "dbt_project" / "dbt_project.yml"
PERIOD_TYPES = ["all_time", "month", "iso_week"]
DIRECTIONS = ["attack_to_strike", "strike_to_attack"]
DATE_PRECISIONS = ["day", "week", "unknown"]


@dataclass(frozen=True)
class MartContract:
    query: str
    suite: Callable[[], gx.ExpectationSuite]


def retaliation_window_days() -> int:
    """The window retaliation_lag was built with (a dbt var)."""
    return int(yaml.safe_load(DBT_PROJECT_FILE.read_text())["vars"]["retaliation_window_days"])


def fct_incidents_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="fct_incidents", meta={"row_key": ["incident_id"]}, expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="incident_id", severity=ERROR),
        gxe.ExpectColumnValuesToBeUnique(column="incident_id", severity=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="event_type", value_set=EVENT_TYPES, severity=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="location_kind", value_set=LOCATION_KINDS, severity=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="location_id", value_set=sorted(load().locations), severity=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="actor", value_set=ACTORS, severity=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="date_precision", value_set=DATE_PRECISIONS, severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="n_reports", min_value=1, severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="killed", min_value=0, max_value=1000, severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="injured", min_value=0, max_value=2000, severity=ERROR),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="munition_count_high", column_B="munition_count_low", or_equal=True, ignore_row_if="either_value_is_missing", severity=ERROR),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="last_reported_on", column_B="first_reported_on", or_equal=True, ignore_row_if="either_value_is_missing", severity=ERROR),
    ])


def fct_event_reports_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="fct_event_reports", meta={"row_key": ["event_id"]}, expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="event_id", severity=ERROR),
        gxe.ExpectColumnValuesToBeUnique(column="event_id", severity=ERROR),
        gxe.ExpectColumnValuesToNotBeNull(column="incident_id", severity=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="event_type", value_set=EVENT_TYPES, severity=ERROR),
    ])


def attack_frequency_per_base_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="attack_frequency_per_base", meta={"row_key": ["location_id", "period_type", "period"]}, expectations=[
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["location_id", "period_type", "period"], severity=ERROR),
        gxe.ExpectColumnValuesToNotBeNull(column="location_id", severity=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="period_type", value_set=PERIOD_TYPES, severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="attacks", min_value=1, severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="days_since_previous_attack", min_value=0, severity=ERROR),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="attacks", column_B="typed_attacks", or_equal=True, severity=ERROR),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="last_attack_on", column_B="first_attack_on", or_equal=True, ignore_row_if="either_value_is_missing", severity=ERROR),
        # Each period type partitions the base's incidents: its periods add up to their count.
        gxe.ExpectColumnPairValuesToBeEqual(
            column_A="period_type_attacks", column_B="incidents_counted", ignore_row_if="either_value_is_missing", severity=ERROR),
    ])


def retaliation_lag_suite() -> gx.ExpectationSuite:
    window = retaliation_window_days()
    return gx.ExpectationSuite(name="retaliation_lag", meta={"row_key": ["incident_id"]}, expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="incident_id", severity=ERROR),
        gxe.ExpectColumnValuesToBeUnique(column="incident_id", severity=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="direction", value_set=DIRECTIONS, severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="lag_days", min_value=0, max_value=window, severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="lag_hours", min_value=0, max_value=(window + 1) * 24, severity=ERROR),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="next_event_date", column_B="event_date", or_equal=True, ignore_row_if="either_value_is_missing", severity=ERROR),
    ])


def retaliation_lag_summary_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="retaliation_lag_summary", meta={"row_key": ["direction", "country", "year"]}, expectations=[
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["direction", "country", "year"], severity=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="direction", value_set=DIRECTIONS, severity=ERROR),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="acts", column_B="answered_acts", or_equal=True, severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="median_lag_days", min_value=0, severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="p90_lag_days", min_value=0, severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="median_lag_hours", min_value=0, severity=ERROR),
    ])


def attack_timeline_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="attack_timeline", meta={"row_key": ["day", "country"]}, expectations=[
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["day", "country"], severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="attacks", min_value=0, severity=ERROR),
        gxe.ExpectColumnValuesToBeBetween(column="strikes", min_value=0, severity=ERROR),
        # Each country's days add up to its dated incidents.
        gxe.ExpectColumnPairValuesToBeEqual(
            column_A="country_attacks", column_B="attack_incidents", ignore_row_if="either_value_is_missing", severity=ERROR),
        gxe.ExpectColumnPairValuesToBeEqual(
            column_A="country_strikes", column_B="strike_incidents", ignore_row_if="either_value_is_missing", severity=ERROR),
    ])


def dim_locations_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="dim_locations", meta={"row_key": ["location_id"]}, expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="location_id", severity=ERROR),
        gxe.ExpectColumnValuesToBeUnique(column="location_id", severity=ERROR),
        gxe.ExpectColumnValuesToBeInSet(column="location_kind", value_set=LOCATION_KINDS, severity=ERROR),
        # Syria, Iraq and Jordan lie inside this box: a point outside it has its coordinates wrong.
        gxe.ExpectColumnValuesToBeBetween(column="latitude", min_value=29, max_value=38, severity=WARNING),
        gxe.ExpectColumnValuesToBeBetween(column="longitude", min_value=34.5, max_value=49, severity=WARNING),
    ])


# The incidents each mart counts, as its SQL selects them; the derived columns compare with these.
_BASE_ATTACKS = "marts.fct_incidents where event_type = 'attack' and location_kind = 'base' and not is_background"
_DATED_ACTS = "marts.fct_incidents where not is_background and date_precision = 'day'"

MART_CONTRACTS: dict[str, MartContract] = {
    "fct_incidents": MartContract("select * from marts.fct_incidents", fct_incidents_suite),
    "fct_event_reports": MartContract("select * from marts.fct_event_reports", fct_event_reports_suite),
    "attack_frequency_per_base": MartContract(f"""
        with incidents as (
            select location_id, count(*) as all_time, count(*) filter (where date_precision = 'day') as dated
            from {_BASE_ATTACKS}
            group by location_id
        )
        select
            frequency.*,
            coalesce(frequency.rocket_attacks, 0) + coalesce(frequency.drone_attacks, 0) as typed_attacks,
            -- On the first row of each base and period type only, so a wrong total fails one row, not all.
            case when row_number() over per_type = 1 then sum(frequency.attacks) over (partition by frequency.location_id, frequency.period_type) end as period_type_attacks,
            case when row_number() over per_type = 1 then
                coalesce(case frequency.period_type when 'all_time' then incidents.all_time else incidents.dated end, 0)
            end as incidents_counted
        from marts.attack_frequency_per_base as frequency
        left join incidents using (location_id)
        window per_type as (partition by frequency.location_id, frequency.period_type order by frequency.period)
    """, attack_frequency_per_base_suite),
    "retaliation_lag": MartContract("select * from marts.retaliation_lag", retaliation_lag_suite),
    "retaliation_lag_summary": MartContract("select * from marts.retaliation_lag_summary", retaliation_lag_summary_suite),
    "attack_timeline": MartContract(f"""
        with acts as (
            select unnest(country) as country, event_type from {_DATED_ACTS}
        ),

        incidents as (
            select country,
                count(*) filter (where event_type = 'attack') as attack_incidents,
                count(*) filter (where event_type = 'strike') as strike_incidents
            from acts
            group by country
        )
        select
            timeline.*,
            -- On each country's first day only, so a wrong total fails one row, not the whole series.
            case when row_number() over per_country = 1 then sum(timeline.attacks) over (partition by timeline.country) end as country_attacks,
            case when row_number() over per_country = 1 then sum(timeline.strikes) over (partition by timeline.country) end as country_strikes,
            case when row_number() over per_country = 1 then coalesce(incidents.attack_incidents, 0) end as attack_incidents,
            case when row_number() over per_country = 1 then coalesce(incidents.strike_incidents, 0) end as strike_incidents
        from marts.attack_timeline as timeline
        left join incidents using (country)
        window per_country as (partition by timeline.country order by timeline.day)
    """, attack_timeline_suite),
    "dim_locations": MartContract("select * from marts.dim_locations", dim_locations_suite),
}


def mart_frame(con: duckdb.DuckDBPyConnection, name: str) -> pl.DataFrame:
    """The mart's rows with the derived columns its suite checks."""
    return con.sql(MART_CONTRACTS[name].query).pl()
