"""Where things live. Each path is set by one environment variable with a default in the repo."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"


def warehouse_dir() -> Path:
    """MILITIA_WAREHOUSE_DIR: the pipeline's working database, the served copy and its exports."""
    return Path(os.environ.get("MILITIA_WAREHOUSE_DIR", REPO_ROOT / "warehouse")).resolve()


def landing_dir() -> Path:
    """MILITIA_LANDING_DIR: where scrapers drop article files and manifest.csv."""
    return Path(os.environ.get("MILITIA_LANDING_DIR", REPO_ROOT / "data" / "landing")).resolve()
