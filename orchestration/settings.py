"""Where things live and where extraction runs. Each is set by one environment variable with a default in the repo."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

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


def lake_root() -> str:
    """MILITIA_LAKE: articles, events and claims as Parquet partitions, a folder or an s3:// URL; empty: the warehouse's lake/."""
    return os.environ.get("MILITIA_LAKE", "")


# Where extraction runs: worker processes on this machine, or tasks on a Ray cluster (the distributed extra).
EXECUTORS = ("local", "ray")


def extraction_executor() -> str:
    """MILITIA_EXECUTOR: one of EXECUTORS."""
    return os.environ.get("MILITIA_EXECUTOR", EXECUTORS[0])


def ray_address() -> str:
    """MILITIA_RAY_ADDRESS: the Ray cluster to join ("auto", "ray://head:10001"); empty starts Ray on this machine per run."""
    return os.environ.get("MILITIA_RAY_ADDRESS", "")
