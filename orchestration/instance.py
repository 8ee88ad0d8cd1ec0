"""Dagster's home folder ($DAGSTER_HOME, default .dagster_home/): the run history that
`python -m orchestration` writes and the UI shows.

    python -m orchestration.instance    prepare it and print its path (scripts/bootstrap.sh exports it)
"""

from __future__ import annotations

import os
from pathlib import Path

from orchestration.settings import REPO_ROOT


def prepare_dagster_home() -> Path:
    """$DAGSTER_HOME, set to the default if unset, created with a dagster.yaml if it has none."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(REPO_ROOT / ".dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        # Dagster's defaults (runs kept in this folder), without usage statistics: nothing leaves
        # the machine, and no run prints the missing-file warning or the telemetry notice.
        config.write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return home


if __name__ == "__main__":
    print(prepare_dagster_home())
