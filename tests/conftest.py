"""Shared fixtures: the pipeline's definitions loaded once, on a temporary landing folder and warehouse.

The environment is set before anything imports ``orchestration``: its definitions read
the warehouse and landing paths when they load.
"""

import os
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
_SAMPLE_WAREHOUSE = _ROOT / "sample-warehouse"


# Fixtures that run the pipeline or dbt (marts: test_marts' reference or served warehouse, chosen
# by parameter). A test using one, directly or through another fixture, is in the slow tier.
SLOW_FIXTURES = {"pipeline", "reference", "marts"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)
    # Files with slow tests first (each file's tests kept together, in their order): with workers
    # (scripts/run-tests), the files that run the pipeline start early and the quick files fill the
    # end, rather than one worker running a long file alone at the end.
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_ROOT, ignore_errors=True)


@pytest.fixture(scope="session")
def pipeline():
    """Definitions and paths of the test deployment; loading them parses the dbt project if it is stale."""
    from orchestration.definitions import defs

    return SimpleNamespace(defs=defs(), landing=_ROOT / "landing", warehouse=_ROOT / "warehouse")


@pytest.fixture(scope="session")
def pipeline_run(pipeline):
    """One full materialisation of every asset and check on the sample corpus.

    The warehouse it leaves is copied before any test reads or reruns it (``sample_warehouse``):
    tests that start from a loaded sample copy it instead of running the pipeline again.
    """
    import dagster as dg

    result = pipeline.defs.resolve_job_def("pipeline").execute_in_process(instance=dg.DagsterInstance.ephemeral())
    assert result.success
    shutil.copytree(pipeline.warehouse, _SAMPLE_WAREHOUSE)
    return result


@pytest.fixture(scope="session")
def sample_warehouse(pipeline_run):
    """The warehouse folder as the first run over the samples left it: to be copied, never written to."""
    return _SAMPLE_WAREHOUSE


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
    holds the served file open; one run for every test about a run that finds nothing new.

    Records what the run printed, the id of its Dagster run, the served warehouse and published files
    before and after, the served file's inode before and after, and the analyst's answers before and after.
    """
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
