"""`python -m orchestration` as a person runs it, and what the Dagster UI starts with."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import dagster as dg

REPO = Path(__file__).resolve().parent.parent


def test_run_with_nothing_new_is_short_and_plain(rerun):
    done = rerun.done
    assert done.returncode == 0, done.stderr
    lines = (done.stdout + done.stderr).splitlines()
    assert "\x1b[" not in done.stdout + done.stderr  # no colour codes, in a terminal or a log file
    assert not [line for line in lines if " DEBUG " in line]
    # Nothing built, and said so: one line from the landing step, none from a skipped step.
    assert not [line for line in lines if "dbt" in line or "Skipping" in line or "gating" in line]
    assert "batch      nothing new or changed in the landing folder" in done.stdout
    assert ", as before: nothing to build (run took" in done.stdout
    assert len(lines) < 20, "\n".join(lines)
    assert len(rerun.run_ids) == 1  # still a run Dagster records
    summary = done.stdout[done.stdout.index("batch ") :].splitlines()
    # Aligned: every summary line has its label, or its value, from column 11 on.
    assert all(len(line) > 11 and line[10] == " " and line[11] != " " for line in summary), summary


def test_retract_of_an_unknown_name_refused_before_a_run(pipeline, pipeline_run, capsys):
    from orchestration.__main__ import main

    assert main(["retract", "no such file.txt"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "'no such file.txt'" in captured.err and "nothing was run" in captured.err


def test_schedule_and_sensor_run_by_default(pipeline):
    assert pipeline.defs.get_schedule_def("daily_pipeline").default_status == dg.DefaultScheduleStatus.RUNNING
    assert pipeline.defs.get_sensor_def("landing_folder_sensor").default_status == dg.DefaultSensorStatus.RUNNING


def test_importing_the_definitions_changes_no_environment():
    # Neither the warehouse folder nor a PATH to dbt: dbt is told its warehouse on each command.
    env = {k: v for k, v in os.environ.items() if k not in ("MILITIA_WAREHOUSE_DIR", "PATH")} | {"PATH": "/usr/bin:/bin"}
    code = (
        "import os, polars; before = dict(os.environ); import orchestration.definitions, orchestration.__main__; "
        "print(sorted(k for k in os.environ.keys() | before.keys() if os.environ.get(k) != before.get(k)))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_code_location_named_after_the_project():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["dagster"]["code_location_name"] == project["project"]["name"].replace("-", "_")


def test_every_dbt_check_says_what_it_checks(pipeline):
    from orchestration.assets.dbt import dbt_models_asset

    specs = list(dbt_models_asset().check_specs)
    assert len(specs) > 50
    assert not [spec.name for spec in specs if not spec.description]
    described = {spec.name: spec.description for spec in specs}
    assert described["not_null_fct_incidents_event_type"] == "dbt test not_null: column event_type has no nulls"
