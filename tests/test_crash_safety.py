"""kill -9 in the middle of a run, and an analyst reading during one: the served marts never break.

One scenario, run once for the module, on a landing folder and warehouse of the test's own; the
runs that are killed are real processes (`python -m orchestration` for the pipeline):

1. the warehouse a clean run over the samples served (the session's first run, copied);
2. new and changed files arrive; a process loading them is killed before its commit;
3. a pipeline run is killed while dbt builds the marts;
4. with an analyst's read-only connection held open, the next run completes (in this process:
   the recovery is the assets' and resources' doing, not the command line's);
5. a clean run over the same folder into an empty warehouse gives the result to compare with.
"""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import GOLD, REPO, SAMPLE_LANDING, execute_pipeline
from warehouse_state import snapshot

RUN_TIMEOUT = 600
# What the killed processes import and build from, copied once per scenario: a run killed during
# dbt leaves its dbt target folder behind, in the copy rather than in the checkout.
CODE = ("orchestration", "transforms", "expectations", "dbt_project")

# Plans and loads the landing folder's pending batch as the pipeline's assets do, and stops
# before committing, so that the kill lands inside the load's transaction.
LOAD_WITHOUT_COMMIT = """
import datetime as dt, sys, time
from pathlib import Path
import duckdb
from expectations.verdicts import article_refusal
from orchestration.raw_store import load_batch, stored_landing
from transforms.extract import extract_frames
from transforms.ingest import BatchRequest, plan_batch

landing, work = Path(sys.argv[1]), sys.argv[2]
con = duckdb.connect(work)
batch = plan_batch(landing, stored_landing(con, all_stale=False), BatchRequest(), dt.datetime.now(dt.timezone.utc),
                   refusal=article_refusal)
events, claims, _ = extract_frames(batch.articles)
con.execute("begin transaction").fetchall()
load_batch(con, batch.articles, batch.rejected, batch.ledger, events, claims)
print(f"loaded {batch.articles.height} articles, not committed", flush=True)
time.sleep(600)
"""

# An analyst: "hold" keeps one read-only connection open and queries it again and again;
# "fresh" opens a new connection for every query. Each query prints a digest of every raw
# table and mart, read through one connection.
ANALYST = """
import hashlib, sys, time
from pathlib import Path
import duckdb

served, mode, stop = sys.argv[1], sys.argv[2], Path(sys.argv[3])

def digest(con):
    tables = con.execute("select table_schema || '.' || table_name from information_schema.tables "
                         "where table_schema in ('raw', 'marts') order by 1").fetchall()
    h = hashlib.sha256()
    for (table,) in tables:
        h.update(table.encode())
        h.update(repr(sorted(con.execute(f"select * exclude (ingested_at) from {table}" if table == "raw.articles"
                                         else f"select * from {table}").fetchall(), key=repr)).encode())
    return h.hexdigest()[:16]

held = duckdb.connect(served, read_only=True) if mode == "hold" else None
print("ready", flush=True)
while True:
    if held is not None:
        print(digest(held), flush=True)
    else:
        con = duckdb.connect(served, read_only=True)
        print(digest(con), flush=True)
        con.close()
    if stop.exists() or mode == "once":
        break
    time.sleep(0.5)
"""


def environment(code, landing, warehouse, dagster_home):
    return {
        **os.environ,
        "PIPELINE_CODE": str(code),
        "MILITIA_LANDING_DIR": str(landing),
        "MILITIA_WAREHOUSE_DIR": str(warehouse),
        "DAGSTER_HOME": str(dagster_home),
        "GX_ANALYTICS_ENABLED": "false",
        "PYTHONUNBUFFERED": "1",
    }


def frozen_code(root):
    from orchestration.dbt_setup import dbt_project

    for folder in CODE:
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("target", "logs", "__pycache__", ".user.yml"))
    # The checkout's dbt manifest (the pipeline fixture parsed it if stale), with its file times: the
    # runs find it fresh unless a file dbt reads changed since, and skip a `dbt parse` of the same files.
    parsed = Path(dbt_project().manifest_path).parent
    (root / "dbt_project" / parsed.name).mkdir()
    for name in ("manifest.json", "partial_parse.msgpack"):
        shutil.copy2(parsed / name, root / "dbt_project" / parsed.name / name)
    return root


def start(args, env, **kwargs):
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=env["PIPELINE_CODE"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        **kwargs,
    )


def kill_at(process, marker: str) -> list[str]:
    """SIGKILL the process (not its children) as soon as it prints a line containing the marker."""
    watchdog = threading.Timer(RUN_TIMEOUT, process.kill)
    watchdog.start()
    seen = []
    try:
        for line in process.stdout:
            seen.append(line)
            if marker in line:
                os.kill(process.pid, signal.SIGKILL)
                break
        process.wait()
    finally:
        watchdog.cancel()
    assert process.returncode == -signal.SIGKILL, "".join(seen[-40:])
    return seen


def digest_file(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def scenario(pipeline, sample_warehouse, tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    landing, warehouse, clean = root / "landing", root / "warehouse", root / "clean-warehouse"
    code = frozen_code(root / "code")
    env = environment(code, landing, warehouse, root / "dagster_home")
    served = warehouse / "militia.duckdb"
    stop = root / "stop-analysts"
    shutil.copytree(SAMPLE_LANDING, landing)
    shutil.copytree(sample_warehouse, warehouse)
    first = SimpleNamespace(
        bytes=digest_file(served), state=snapshot(served), work=snapshot(warehouse / "work.duckdb", schemas=("raw",))
    )

    for name in ("026_harir_erbil_header_date.txt", "030_strike_round_three_places.txt", "039_omar_irgc_artillery.txt"):
        shutil.copy(GOLD / "articles" / name, landing / name)
    (landing / "004_db8ed1cf6bf6fdf7.txt").write_bytes((GOLD / "articles" / "031_jurf_sakhar_kh_killed.txt").read_bytes())

    loader = start(["-c", LOAD_WITHOUT_COMMIT, str(landing), str(warehouse / "work.duckdb")], env)
    load_output = kill_at(loader, "not committed")
    after_load_kill = SimpleNamespace(bytes=digest_file(served), work=snapshot(warehouse / "work.duckdb", schemas=("raw",)))

    # --verbose: dbt's own log, which names each model as it starts, is in the run log at DEBUG.
    dbt_output = kill_at(start(["-m", "orchestration", "--verbose"], env), "START sql table model")
    after_dbt_kill = SimpleNamespace(bytes=digest_file(served), state=snapshot(served))

    analysts = {mode: start(["-c", ANALYST, str(served), mode, str(stop)], env) for mode in ("hold", "fresh")}
    for analyst in analysts.values():
        assert analyst.stdout.readline().strip() == "ready"
    assert execute_pipeline(pipeline, landing, warehouse).success
    stop.touch()
    seen = {
        mode: [line.strip() for line in analyst.communicate(timeout=60)[0].splitlines()] for mode, analyst in analysts.items()
    }
    assert execute_pipeline(pipeline, landing, clean).success
    after_run = subprocess.run(
        [sys.executable, "-c", ANALYST, str(served), "once", str(stop)],
        cwd=code,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[1]
    before_run = seen["hold"][0]
    return SimpleNamespace(
        first=first,
        load_output=load_output,
        after_load_kill=after_load_kill,
        dbt_output=dbt_output,
        after_dbt_kill=after_dbt_kill,
        recovered=snapshot(served),
        clean=snapshot(clean / "militia.duckdb"),
        seen=seen,
        before_run=before_run,
        after_run=after_run,
    )


def test_kill_during_the_load_changes_nothing(scenario):
    assert any("not committed" in line and "loaded 4 articles" in line for line in scenario.load_output)
    assert scenario.after_load_kill.bytes == scenario.first.bytes
    assert scenario.after_load_kill.work == scenario.first.work


def test_kill_during_dbt_leaves_the_served_marts(scenario):
    assert scenario.after_dbt_kill.bytes == scenario.first.bytes
    assert scenario.after_dbt_kill.state == scenario.first.state


def test_next_run_equals_a_clean_run(scenario):
    assert scenario.recovered == scenario.clean
    assert scenario.recovered != scenario.first.state
    articles = {row[1] for row in scenario.recovered["raw.articles"]}
    assert {"026_harir_erbil_header_date.txt", "030_strike_round_three_places.txt"} <= articles


def test_reader_sees_old_or_new_marts_never_a_mix(scenario):
    assert scenario.before_run != scenario.after_run
    # The connection held through the run sees the marts it opened, every time.
    assert set(scenario.seen["hold"]) == {scenario.before_run}
    # Connections opened during the run see one build or the other.
    assert set(scenario.seen["fresh"]) <= {scenario.before_run, scenario.after_run}
    assert len(scenario.seen["hold"]) > 3 and len(scenario.seen["fresh"]) > 3
