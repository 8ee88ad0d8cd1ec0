"""Shared fixtures: the pipeline's definitions loaded once, on a temporary landing folder and warehouse.

The environment is set before anything imports ``orchestration``: its definitions read
the warehouse and landing paths when they load.
"""

import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_LANDING = REPO / "data" / "landing"
GOLD = Path(__file__).resolve().parent / "gold"

_ROOT = Path(tempfile.mkdtemp(prefix="militia-tests-"))
os.environ["MILITIA_WAREHOUSE_DIR"] = str(_ROOT / "warehouse")
os.environ["MILITIA_LANDING_DIR"] = str(_ROOT / "landing")
os.environ["GX_ANALYTICS_ENABLED"] = "false"
shutil.copytree(SAMPLE_LANDING, _ROOT / "landing")


# Fixtures that run the pipeline or dbt (marts: test_marts' reference or served warehouse, chosen
# by parameter). A test using one, directly or through another fixture, is in the slow tier.
SLOW_FIXTURES = {"pipeline", "reference", "marts"}
# Module fixtures that run the pipeline several times, a scenario for a file's tests: the longest files.
SCENARIO_FIXTURES = {"scenario", "landing_with_bad_entries", "local_build"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)
    # Files with a scenario first, then the other slow files (each file's tests kept together, in
    # their order): with workers (scripts/run-tests), the longest files start early and the quick
    # files fill the end, rather than one worker running a long file alone at the end.
    scenario_files = {item.path for item in items if SCENARIO_FIXTURES & set(item.fixturenames)}
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: (item.path not in scenario_files, item.path not in slow_files))


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_ROOT, ignore_errors=True)


@pytest.fixture(scope="session")
def pipeline():
    """Definitions and paths of the test deployment; loading them parses the dbt project if it is stale."""
    from orchestration.definitions import defs

    return SimpleNamespace(defs=defs(), landing=_ROOT / "landing", warehouse=_ROOT / "warehouse")


def _shared_folder(tmp_path_factory) -> Path:
    """A folder every worker of this test session sees (with pytest-xdist, the parent of the workers' own)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return tmp_path_factory.getbasetemp().parent
    return _ROOT


def once_per_session(tmp_path_factory, name: str, make):
    """``make()`` in the first worker that asks, and what it returned, pickled, in every other.

    For a session scenario that runs the pipeline: with pytest-xdist each worker has its own
    session, and each worker that used the fixture would run it again. The others wait for it.
    """
    from orchestration.resources import exclusive_lock

    shared = _shared_folder(tmp_path_factory)
    made = shared / f"{name}.pickle"
    with exclusive_lock(shared / f"{name}.lock"):
        if not made.exists():
            made.write_bytes(pickle.dumps(make()))
        return pickle.loads(made.read_bytes())


@pytest.fixture(scope="session")
def pipeline_run(request, tmp_path_factory):
    """One full materialisation of every asset and check on the sample corpus, for the whole session.

    The worker that runs it (``once_per_session``) copies the warehouse it leaves into a folder every
    worker sees, before any test reads or reruns it; the other workers copy that into their own. The
    copy is never written to (``sample_warehouse``): tests that start from a loaded sample copy it
    instead of running the pipeline again.

    Returns the run's materialised asset keys and its checks as (asset, check, passed).
    """
    sample = _shared_folder(tmp_path_factory) / "sample-warehouse"
    ran_here = []

    def run():
        import dagster as dg

        pipeline = request.getfixturevalue("pipeline")
        result = pipeline.defs.resolve_job_def("pipeline").execute_in_process(instance=dg.DagsterInstance.ephemeral())
        assert result.success
        shutil.copytree(pipeline.warehouse, sample)
        ran_here.append(True)
        return SimpleNamespace(
            materialized={e.asset_key.to_user_string() for e in result.get_asset_materialization_events()},
            checks=[(c.asset_key.to_user_string(), c.check_name, c.passed) for c in result.get_asset_check_evaluations()],
        )

    ran = once_per_session(tmp_path_factory, "pipeline_run", run)
    if not ran_here:
        shutil.copytree(sample, os.environ["MILITIA_WAREHOUSE_DIR"])
    return ran


@pytest.fixture(scope="session")
def sample_warehouse(pipeline_run, tmp_path_factory):
    """The warehouse folder as the first run over the samples left it: to be copied, never written to."""
    return _shared_folder(tmp_path_factory) / "sample-warehouse"


@pytest.fixture
def loaded_sample(sample_warehouse, tmp_path):
    """A landing folder of the samples and a warehouse that has loaded them, both the test's own.

    The warehouse is a copy of the one ``pipeline_run`` left; the folder a copy of the samples
    with their modification times, so the copied ledger finds nothing new in it.
    """
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse"
    shutil.copytree(SAMPLE_LANDING, landing)
    shutil.copytree(sample_warehouse, warehouse)
    return landing, warehouse


# An analyst's session on the served file: one read-only connection, opened at the start, that
# answers the same query once at the start and again for every line read from stdin.
HOLDING_READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
query = "select count(*), max(incident_id) from marts.fct_incidents"
print(con.execute(query).fetchall(), flush=True)
for _ in sys.stdin:
    print(con.execute(query).fetchall(), flush=True)
"""


@pytest.fixture(scope="session")
def rerun(pipeline, pipeline_run, tmp_path_factory):
    """`python -m orchestration` again over the unchanged samples, as a person runs it, while an analyst
    holds the served file open; one run for every test about a run that finds nothing new, in whichever
    worker asks first (``once_per_session``).

    Records what the run printed, the id of its Dagster run, the served warehouse and published files
    before and after, the served file's inode before and after, and the analyst's answers before and after.
    """
    return once_per_session(tmp_path_factory, "rerun", lambda: _rerun(pipeline, tmp_path_factory))


def _rerun(pipeline, tmp_path_factory):
    import dagster as dg
    from warehouse_state import snapshot

    served = pipeline.warehouse / "militia.duckdb"
    home = tmp_path_factory.mktemp("dagster_home")
    before = SimpleNamespace(state=snapshot(served), files=published_files(pipeline.warehouse), inode=served.stat().st_ino)
    reader = subprocess.Popen(
        [sys.executable, "-c", HOLDING_READER, str(served)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        answers = [reader.stdout.readline()]
        done = subprocess.run(
            [sys.executable, "-m", "orchestration"],
            cwd=REPO,
            capture_output=True,
            text=True,
            env={**os.environ, "DAGSTER_HOME": str(home)},
            check=False,
        )
        reader.stdin.write("\n")
        reader.stdin.flush()
        answers.append(reader.stdout.readline())
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)
    after = SimpleNamespace(state=snapshot(served), files=published_files(pipeline.warehouse), inode=served.stat().st_ino)
    with dg.DagsterInstance.local_temp(tempdir=str(home)) as instance:  # the runs $DAGSTER_HOME recorded
        run_ids = [run.run_id for run in instance.get_runs()]
    return SimpleNamespace(done=done, run_ids=run_ids, before=before, after=after, answers=answers)


def published_files(warehouse: Path) -> dict[str, bytes]:
    """The Parquet marts and the exports a run publishes, by name."""
    files = sorted((warehouse / "parquet").glob("*.parquet")) + sorted((warehouse / "exports").iterdir())
    return {f.name: f.read_bytes() for f in files}


@pytest.fixture
def served(pipeline, pipeline_run):
    """A read-only connection to the served warehouse, as an analyst opens it."""
    import duckdb

    con = duckdb.connect(str(pipeline.warehouse / "militia.duckdb"), read_only=True)
    yield con
    con.close()


def execute_pipeline(pipeline, landing, warehouse, run_config=None, max_bytes=None):
    """The pipeline job in-process on a test's own landing folder and warehouse; its result, failed or not."""
    import dagster as dg

    from orchestration.assets.articles import LandingFolder
    from orchestration.io_managers import PolarsParquetIOManager
    from orchestration.resources import Warehouse

    folder = (
        LandingFolder(directory=str(landing)) if max_bytes is None else LandingFolder(directory=str(landing), max_bytes=max_bytes)
    )
    return pipeline.defs.resolve_job_def("pipeline").execute_in_process(
        run_config=run_config or {},
        resources={
            "landing": folder,
            "warehouse": Warehouse(directory=str(warehouse)),
            "frames": PolarsParquetIOManager(directory=str(warehouse / "frames")),
        },
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )
