"""Where things live. Each path is set by one environment variable with a default in the repo."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"


def warehouse_dir() -> Path:
    """MILITIA_WAREHOUSE_DIR: the pipeline's working database, the served copy and its exports."""
    return Path(os.environ.get("MILITIA_WAREHOUSE_DIR", REPO_ROOT / "warehouse")).resolve()


def landing_dir() -> Path:
    """MILITIA_LANDING_DIR: where scrapers drop article files and manifest.csv."""
    return Path(os.environ.get("MILITIA_LANDING_DIR", REPO_ROOT / "data" / "landing")).resolve()


def dbt_vars(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The vars a dbt build sees: the defaults in dbt_project.yml, under the build's ``--vars`` overrides.

    Whatever checks a built model against a var (the GX mart suites) reads it here, with the
    overrides the build was given, so both see one value.
    """
    defaults = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8")).get("vars") or {}
    return {**defaults, **(overrides or {})}
