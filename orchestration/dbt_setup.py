"""The dbt project, the dbt command line and the manifest the dbt assets are made from.

Nothing here runs at import: the project and the command line are made when first asked
for, and dbt learns which warehouse it builds from the ``Warehouse`` resource
(``Warehouse.dbt_vars``), passed on each command, never from the environment.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

from orchestration.resources import Warehouse, exclusive_lock
from orchestration.settings import DBT_PROJECT_DIR

# What `dbt parse` reads: a change to any file here makes the manifest stale.
PARSE_INPUTS = (
    "dbt_project.yml",
    "profiles.yml",
    "packages.yml",
    "dependencies.yml",
    "selectors.yml",
    "models",
    "macros",
    "tests",
    "seeds",
    "snapshots",
    "analyses",
    "../transforms/vocabulary",
)


@functools.cache
def dbt_project() -> DbtProject:
    return DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


class DbtCommandLine(DbtCliResource):
    """dagster-dbt's command line without the dbt adapter it builds in the run's own process.

    dagster-dbt sets up a dbt adapter (profile, project, DuckDB plug-in) before every command,
    2.9–7 s measured on the 2-core machine, only to fetch column metadata and row counts,
    which these assets never ask for; the command itself runs as a subprocess either way.
    """

    def _initialize_dbt_core_adapter(self, args):
        return None


@functools.cache
def dbt_cli() -> DbtCliResource:
    """The dbt command line: dbt's log goes to the run log as text, so no colour codes in it."""
    # The dbt beside this interpreter is the one installed with the dbt-core it imports (a
    # virtualenv's python run without activating it has no dbt on PATH).
    beside = Path(sys.executable).parent / "dbt"
    executable = str(beside) if beside.exists() else shutil.which("dbt") or "dbt"
    return DbtCommandLine(project_dir=dbt_project(), dbt_executable=executable, global_config_flags=["--no-use-colors"])


def parse_dbt_project(warehouse: Warehouse) -> None:
    """Write target/manifest.json (`dbt parse`), with the variables the builds of this warehouse pass.

    The same variables keep dbt's partial-parse state valid for those builds, which then
    skip a full parse of their own.
    """
    with _parse_lock():
        _parse(warehouse)


def parse_dbt_project_if_stale(warehouse: Warehouse) -> bool:
    """`dbt parse` only when something it reads changed since the manifest was written; True if it parsed."""
    with _parse_lock():
        # Checked under the lock: a process that waited for another's parse finds the manifest fresh.
        if not manifest_is_stale():
            return False
        _parse(warehouse)
        return True


def manifest_is_stale() -> bool:
    """True unless target/manifest.json is newer than every file dbt parse reads (and than dbt itself)."""
    manifest = Path(dbt_project().manifest_path)
    if not manifest.exists():
        return True
    parsed_at = manifest.stat().st_mtime
    import dbt.version

    inputs = [Path(dbt.version.__file__), *_parse_inputs()]  # a dbt upgrade changes the manifest's schema
    return any(p.stat().st_mtime >= parsed_at for p in inputs)


def dbt_project_digest() -> str:
    """A digest of what dbt builds the marts from: the files `dbt parse` reads, by content, and dbt's version.

    The warehouse records it with each publish (``orchestration.batches``): a run with nothing
    new rebuilds the marts when it differs.
    """
    digest = hashlib.sha256(f"dbt-core {importlib.metadata.version('dbt-core')}\n".encode())
    for path in sorted(p for p in _parse_inputs() if p.is_file()):
        digest.update(f"{path.relative_to(DBT_PROJECT_DIR.parent)}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _parse_inputs() -> list[Path]:
    """Every file and folder of PARSE_INPUTS (a folder's mtime changes when a file in it is deleted or renamed)."""
    inputs: list[Path] = []
    for name in PARSE_INPUTS:
        path = DBT_PROJECT_DIR / name
        if path.is_dir():
            inputs.append(path)
            inputs += path.rglob("*")
        elif path.exists():
            inputs.append(path)
    return inputs


def _parse(warehouse: Warehouse) -> None:
    project = dbt_project()
    dbt_cli().cli(["parse", "--quiet", *warehouse.dbt_vars_args()], target_path=project.target_path).wait()


@contextlib.contextmanager
def _parse_lock() -> Iterator[None]:
    """One parse at a time: two processes may load the definitions at once (the UI's and a run's)."""
    with exclusive_lock(dbt_project().project_dir / dbt_project().target_path / ".parse.lock"):
        yield
