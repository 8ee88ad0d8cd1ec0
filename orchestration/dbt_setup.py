"""The dbt project and its manifest, kept apart from the assets that read the manifest at import."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from orchestration.settings import DBT_PROJECT_DIR, export_for_dbt

export_for_dbt()
if shutil.which("dbt") is None:
    # A virtualenv's python run without activating it: dbt sits beside the interpreter.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


# What `dbt parse` reads: a change to any file here makes the manifest stale.
PARSE_INPUTS = ("dbt_project.yml", "profiles.yml", "packages.yml", "dependencies.yml", "selectors.yml",
                "models", "macros", "tests", "seeds", "snapshots", "analyses")


def parse_dbt_project() -> None:
    """Write target/manifest.json (`dbt parse`); `dagster dev` does this itself, other entry points call it."""
    dbt_project.preparer.prepare(dbt_project)


def manifest_is_stale() -> bool:
    """True unless target/manifest.json is newer than every file dbt parse reads (and than dbt itself)."""
    manifest = Path(dbt_project.manifest_path)
    if not manifest.exists():
        return True
    parsed_at = manifest.stat().st_mtime
    import dbt.version

    inputs = [Path(dbt.version.__file__)]  # a dbt upgrade changes the manifest's schema
    for name in PARSE_INPUTS:
        path = Path(DBT_PROJECT_DIR) / name
        if path.is_dir():
            inputs.append(path)  # a directory's mtime changes when a file in it is deleted or renamed
            inputs += path.rglob("*")
        elif path.exists():
            inputs.append(path)
    return any(p.stat().st_mtime >= parsed_at for p in inputs)


def parse_dbt_project_if_stale() -> bool:
    """`dbt parse` only when something it reads changed since the manifest was written; True if it parsed."""
    if not manifest_is_stale():
        return False
    parse_dbt_project()
    return True
