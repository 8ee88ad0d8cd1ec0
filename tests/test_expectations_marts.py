"""The mart contracts on the marts the pipeline built from the sample: each passes as built,
a mart with one row broken fails its check with that expectation named, and no suite checks
again what a dbt test on the mart checks already."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from conftest import REPO

from expectations.marts import MART_CONTRACTS, mart_frame
from expectations.validate import validate
from orchestration.assets.serving import PUBLISHED_MARTS
from orchestration.resources import WORK_DB, Warehouse
from orchestration.settings import dbt_vars

# One update per mart that breaks one expectation on one row: the expectation, its column(s) and its severity.
BREAKS = {
    "fct_incidents": (
        "update marts.fct_incidents set killed = -1 where incident_id = (select min(incident_id) from marts.fct_incidents)",
        "expect_column_values_to_be_between",
        "killed",
        "error",
    ),
    "fct_event_reports": (
        "update marts.fct_event_reports set incident_id = (select max(incident_id) from marts.fct_incidents) where event_id ="
        " (select min(event_id) from marts.fct_event_reports where incident_id <> (select max(incident_id) from marts.fct_incidents))",
        "expect_column_pair_values_to_be_equal",
        "incident_reports,n_reports",
        "error",
    ),
    "attack_frequency_per_base": (
        "update marts.attack_frequency_per_base set attacks = attacks + 1 where period_type = 'all_time'"
        " and location_id = (select min(location_id) from marts.attack_frequency_per_base)",
        "expect_column_pair_values_to_be_equal",
        "period_type_attacks,incidents_counted",
        "error",
    ),
    "retaliation_lag": (
        "update marts.retaliation_lag set lag_days = -1"
        " where incident_id = (select min(incident_id) from marts.retaliation_lag where lag_days is not null)",
        "expect_column_values_to_be_between",
        "lag_days",
        "error",
    ),
    "retaliation_lag_summary": (
        "update marts.retaliation_lag_summary set answered_acts = acts + 1"
        " where (direction, country, year) = (select (direction, country, year) from marts.retaliation_lag_summary order by all limit 1)",
        "expect_column_pair_values_a_to_be_greater_than_b",
        "acts,answered_acts",
        "error",
    ),
    "attack_timeline": (
        "update marts.attack_timeline set attacks = attacks + 1 where day = (select min(day) from marts.attack_timeline)",
        "expect_column_pair_values_to_be_equal",
        "country_attacks,attack_incidents",
        "error",
    ),
    "dim_locations": (
        "update marts.dim_locations set latitude = 51.5 where location_id = 'conoco'",
        "expect_column_values_to_be_between",
        "latitude",
        "warning",
    ),
}
# GX expectations that check one row's value, as dbt's generic tests do.
ROW_EXPECTATIONS = {
    "expect_column_values_to_not_be_null": "not_null",
    "expect_column_values_to_be_unique": "unique",
    "expect_column_values_to_be_in_set": "accepted_values",
    "expect_compound_columns_to_be_unique": "unique_combination",
}


@pytest.fixture(scope="module")
def checks(pipeline):
    """The deployment's asset checks by name; the mart checks are made from dbt's manifest when the definitions load."""
    return {
        check.check_specs_by_output_name[name].name: check
        for check in pipeline.defs.asset_checks
        for name in check.check_specs_by_output_name
    }


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
    update, expectation, column, severity = BREAKS[model]
    con = duckdb.connect(str(built.work_db))
    con.execute(update).fetchall()
    con.close()
    result = checks[f"{model}_contract"](warehouse=built)
    assert not result.passed
    assert result.severity == (dg.AssetCheckSeverity.ERROR if severity == "error" else dg.AssetCheckSeverity.WARN)
    failed = [f for f in result.metadata["failures"].value if f["expectation"] == expectation and f["column"] == column]
    assert failed and failed[0]["severity"] == severity, result.metadata["failures"].value
    assert result.metadata["failing_rows"].value >= 1


def _dbt_row_tests(manifest: dict, model: str) -> set[tuple[str, str]]:
    """(kind, column) of every not_null, unique, accepted_values, relationships and unique_combination test on the model."""
    tests = set()
    for node in manifest["nodes"].values():
        metadata = node.get("test_metadata") or {}
        if node["resource_type"] != "test" or node.get("attached_node") != f"model.militia_events.{model}":
            continue
        kwargs = metadata.get("kwargs") or {}
        columns = kwargs.get("columns") or [node.get("column_name")]
        # A relationships test to a vocabulary seed is the dbt form of a value set.
        kind = "accepted_values" if metadata.get("name") == "relationships" else metadata.get("name")
        tests.add((kind, ",".join(columns)))
    return tests


def test_no_mart_suite_repeats_a_dbt_test(pipeline):
    manifest = json.loads((REPO / "dbt_project" / "target" / "manifest.json").read_text(encoding="utf-8"))
    for model, contract in MART_CONTRACTS.items():
        dbt_tests = _dbt_row_tests(manifest, model)
        assert dbt_tests, f"{model}: no dbt tests found in the manifest"
        for expectation in contract.build_suite(dbt_vars()).expectations:
            kind = ROW_EXPECTATIONS.get(expectation.expectation_type)
            column = getattr(expectation, "column", None) or ",".join(getattr(expectation, "column_list", None) or [])
            assert (kind, column) not in dbt_tests, f"{model}: GX {expectation.expectation_type}({column}) repeats a dbt test"


def test_the_lag_suite_reads_the_window_the_mart_was_built_with(built):
    """retaliation_lag built with a window of --vars: the suite built from the same vars passes, the default's fails."""
    overrides = {"retaliation_window_days": 400}
    built_with = subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),
            "run",
            "--select",
            "retaliation_lag",
            "--vars",
            json.dumps({**built.dbt_vars(), **overrides}),
            "--project-dir",
            str(REPO / "dbt_project"),
            "--profiles-dir",
            str(REPO / "dbt_project"),
            "--target-path",
            str(built.path / "target"),
            "--log-path",
            str(built.path / "logs"),
        ],
        env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
        capture_output=True,
        text=True,
        cwd=REPO / "dbt_project",
    )
    assert built_with.returncode == 0, built_with.stdout[-4000:]
    con = duckdb.connect(str(built.work_db), read_only=True)
    frame = mart_frame(con, "retaliation_lag")
    con.close()
    default_window = dbt_vars()["retaliation_window_days"]
    assert frame["lag_days"].max() > default_window, "the sample needs an answer later than the default window"
    contract = MART_CONTRACTS["retaliation_lag"]
    assert validate(frame, contract.build_suite(dbt_vars(overrides))).success
    assert not validate(frame, contract.build_suite(dbt_vars())).success
