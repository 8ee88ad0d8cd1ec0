"""The mart contracts on the marts the pipeline built from the sample: each passes as built,
and a mart with one row broken fails its check with that expectation named."""

import shutil

import dagster as dg
import duckdb
import pytest

from expectations.marts import MART_CONTRACTS
from orchestration.assets.serving import PUBLISHED_MARTS
from orchestration.resources import WORK_DB, Warehouse

# One update per mart that breaks one expectation on one row, and the expectation it breaks.
BREAKS = {
    "fct_incidents": (
        "update marts.fct_incidents set killed = -1 where incident_id = (select min(incident_id) from marts.fct_incidents)",
        "expect_column_values_to_be_between", "killed"),
    "fct_event_reports": (
        "insert into marts.fct_event_reports select * from marts.fct_event_reports limit 1",
        "expect_column_values_to_be_unique", "event_id"),
    "attack_frequency_per_base": (
        "update marts.attack_frequency_per_base set attacks = attacks + 1 where period_type = 'all_time'"
        " and location_id = (select min(location_id) from marts.attack_frequency_per_base)",
        "expect_column_pair_values_to_be_equal", "period_type_attacks,incidents_counted"),
    "retaliation_lag": (
        "update marts.retaliation_lag set lag_days = -1"
        " where incident_id = (select min(incident_id) from marts.retaliation_lag where lag_days is not null)",
        "expect_column_values_to_be_between", "lag_days"),
    "retaliation_lag_summary": (
        "update marts.retaliation_lag_summary set answered_acts = acts + 1"
        " where (direction, country, year) = (select (direction, country, year) from marts.retaliation_lag_summary order by all limit 1)",
        "expect_column_pair_values_a_to_be_greater_than_b", "acts,answered_acts"),
    "attack_timeline": (
        "update marts.attack_timeline set attacks = attacks + 1 where day = (select min(day) from marts.attack_timeline)",
        "expect_column_pair_values_to_be_equal", "country_attacks,attack_incidents"),
    "dim_locations": (
        "update marts.dim_locations set location_kind = 'planet' where location_id = 'conoco'",
        "expect_column_values_to_be_in_set", "location_kind"),
}


@pytest.fixture(scope="module")
def checks(pipeline):
    """The deployment's asset checks by name; the mart checks are made from dbt's manifest when the definitions load."""
    return {check.check_specs_by_output_name[name].name: check
            for check in pipeline.defs.asset_checks for name in check.check_specs_by_output_name}


@pytest.fixture
def built(pipeline, pipeline_run, tmp_path):
    """A copy of the working database the pipeline built, to break at will."""
    shutil.copyfile(pipeline.warehouse / WORK_DB, tmp_path / WORK_DB)
    return Warehouse(directory=str(tmp_path))


def test_every_published_mart_has_a_contract():
    assert set(PUBLISHED_MARTS) <= set(MART_CONTRACTS)
    assert set(BREAKS) == set(MART_CONTRACTS)


def test_marts_as_built_pass(built, checks):
    for model in MART_CONTRACTS:
        result = checks[f"{model}_contract"](warehouse=built)
        assert result.passed, f"{model}: {result.description}"


@pytest.mark.parametrize("model", list(BREAKS))
def test_a_broken_mart_fails(built, checks, model):
    update, expectation, column = BREAKS[model]
    con = duckdb.connect(str(built.work_db))
    con.execute(update).fetchall()
    con.close()
    result = checks[f"{model}_contract"](warehouse=built)
    assert not result.passed
    assert result.severity == dg.AssetCheckSeverity.ERROR
    failed = [f for f in result.metadata["failures"].value if f["expectation"] == expectation and f["column"] == column]
    assert failed and failed[0]["severity"] == "error", result.metadata["failures"].value
    assert result.metadata["failing_rows"].value >= 1
