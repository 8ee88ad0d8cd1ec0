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


def parse_dbt_project() -> None:
    """Write target/manifest.json (`dbt parse`); `dagster dev` does this itself, other entry points call it."""
    dbt_project.preparer.prepare(dbt_project)
