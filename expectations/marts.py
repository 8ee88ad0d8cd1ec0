"""The data contracts of the dbt marts, keyed by model name: to check a new mart, add an entry.

dbt tests each mart's rows (keys, nulls, values of the vocabulary) and enforces its columns'
types; these suites check what a row-level test cannot: sums compared with the incidents they
count, lags within the window the mart was built with, plausible figures. GX has no DuckDB
dialect, so a mart is read with DuckDB into Polars and validated as a frame. Each contract's
query selects the mart's rows with the derived columns its suite checks; a suite that depends
on a dbt var is built with the value the mart was built with.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import duckdb
import great_expectations as gx
import great_expectations.expectations as gxe
import polars as pl

from expectations.suites import ERROR, WARNING


@dataclass(frozen=True)
class MartContract:
    query: str
    suite: Callable[..., gx.ExpectationSuite]
    # The dbt vars the mart is built with that its suite reads, passed to it by name.
    dbt_vars: tuple[str, ...] = ()

    def build_suite(self, dbt_vars: Mapping[str, Any]) -> gx.ExpectationSuite:
        """The suite for a mart built with these vars (orchestration.settings.dbt_vars)."""
        return self.suite(**{name: dbt_vars[name] for name in self.dbt_vars})


def fct_incidents_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(
        name="fct_incidents",
        meta={"row_key": ["incident_id"]},
        expectations=[
            gxe.ExpectColumnValuesToBeBetween(column="n_reports", min_value=1, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="killed", min_value=0, max_value=1000, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="injured", min_value=0, max_value=2000, severity=ERROR),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="munition_count_high",
                column_B="munition_count_low",
                or_equal=True,
                ignore_row_if="either_value_is_missing",
                severity=ERROR,
            ),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="last_reported_on",
                column_B="first_reported_on",
                or_equal=True,
                ignore_row_if="either_value_is_missing",
                severity=ERROR,
            ),
        ],
    )


def fct_event_reports_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(
        name="fct_event_reports",
        meta={"row_key": ["event_id", "incident_id"]},
        expectations=[
            # An incident counts the reports that tell it: as many as have its key here.
            gxe.ExpectColumnPairValuesToBeEqual(
                column_A="incident_reports", column_B="n_reports", ignore_row_if="either_value_is_missing", severity=ERROR
            ),
        ],
    )


def attack_frequency_per_base_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(
        name="attack_frequency_per_base",
        meta={"row_key": ["location_id", "period_type", "period"]},
        expectations=[
            gxe.ExpectColumnValuesToBeBetween(column="attacks", min_value=1, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="days_since_previous_attack", min_value=0, severity=ERROR),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="attacks", column_B="typed_attacks", or_equal=True, severity=ERROR
            ),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="last_attack_on",
                column_B="first_attack_on",
                or_equal=True,
                ignore_row_if="either_value_is_missing",
                severity=ERROR,
            ),
            # Each period type partitions the base's incidents: its periods add up to their count.
            gxe.ExpectColumnPairValuesToBeEqual(
                column_A="period_type_attacks",
                column_B="incidents_counted",
                ignore_row_if="either_value_is_missing",
                severity=ERROR,
            ),
        ],
    )


def retaliation_lag_suite(retaliation_window_days: int) -> gx.ExpectationSuite:
    window = int(retaliation_window_days)
    return gx.ExpectationSuite(
        name="retaliation_lag",
        meta={"row_key": ["incident_id"]},
        expectations=[
            gxe.ExpectColumnValuesToBeBetween(column="lag_days", min_value=0, max_value=window, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="lag_hours", min_value=0, max_value=(window + 1) * 24, severity=ERROR),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="next_event_date",
                column_B="event_date",
                or_equal=True,
                ignore_row_if="either_value_is_missing",
                severity=ERROR,
            ),
        ],
    )


def retaliation_lag_summary_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(
        name="retaliation_lag_summary",
        meta={"row_key": ["direction", "country", "year"]},
        expectations=[
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="acts", column_B="answered_acts", or_equal=True, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="median_lag_days", min_value=0, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="p90_lag_days", min_value=0, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="median_lag_hours", min_value=0, severity=ERROR),
        ],
    )


def attack_timeline_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(
        name="attack_timeline",
        meta={"row_key": ["day", "country"]},
        expectations=[
            gxe.ExpectColumnValuesToBeBetween(column="attacks", min_value=0, severity=ERROR),
            gxe.ExpectColumnValuesToBeBetween(column="strikes", min_value=0, severity=ERROR),
            # Each country's days add up to its dated incidents.
            gxe.ExpectColumnPairValuesToBeEqual(
                column_A="country_attacks", column_B="attack_incidents", ignore_row_if="either_value_is_missing", severity=ERROR
            ),
            gxe.ExpectColumnPairValuesToBeEqual(
                column_A="country_strikes", column_B="strike_incidents", ignore_row_if="either_value_is_missing", severity=ERROR
            ),
        ],
    )


def dim_locations_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(
        name="dim_locations",
        meta={"row_key": ["location_id"]},
        expectations=[
            # Syria, Iraq and Jordan lie inside this box: a point outside it has its coordinates wrong.
            gxe.ExpectColumnValuesToBeBetween(column="latitude", min_value=29, max_value=38, severity=WARNING),
            gxe.ExpectColumnValuesToBeBetween(column="longitude", min_value=34.5, max_value=49, severity=WARNING),
        ],
    )


# The incidents each mart counts, as its SQL selects them; the derived columns compare with these.
_BASE_ATTACKS = "marts.fct_incidents where event_type = 'attack' and location_kind = 'base' and not is_background"
_DATED_ACTS = "marts.fct_incidents where not is_background and date_precision = 'day'"

MART_CONTRACTS: dict[str, MartContract] = {
    "fct_incidents": MartContract("select * from marts.fct_incidents", fct_incidents_suite),
    "fct_event_reports": MartContract(
        """
        select
            reports.*,
            count(*) over (partition by reports.incident_id) as incident_reports,
            incidents.n_reports
        from marts.fct_event_reports as reports
        left join marts.fct_incidents as incidents using (incident_id)
    """,
        fct_event_reports_suite,
    ),
    "attack_frequency_per_base": MartContract(
        f"""
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
    """,
        attack_frequency_per_base_suite,
    ),
    "retaliation_lag": MartContract("select * from marts.retaliation_lag", retaliation_lag_suite, ("retaliation_window_days",)),
    "retaliation_lag_summary": MartContract("select * from marts.retaliation_lag_summary", retaliation_lag_summary_suite),
    "attack_timeline": MartContract(
        f"""
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
    """,
        attack_timeline_suite,
    ),
    "dim_locations": MartContract("select * from marts.dim_locations", dim_locations_suite),
}


def mart_frame(con: duckdb.DuckDBPyConnection, name: str) -> pl.DataFrame:
    """The mart's rows with the derived columns its suite checks."""
    return con.sql(MART_CONTRACTS[name].query).pl()
