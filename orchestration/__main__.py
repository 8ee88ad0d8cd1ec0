"""python -m orchestration: run the whole pipeline once and say what it built.

Runs are recorded in $DAGSTER_HOME (default .dagster_home/), so `dagster dev` shows them.
"""

from __future__ import annotations

import argparse
import os
import sys

from orchestration.settings import REPO_ROOT, landing_dir, warehouse_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orchestration", description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    os.environ.setdefault("DAGSTER_HOME", str(REPO_ROOT / ".dagster_home"))
    os.makedirs(os.environ["DAGSTER_HOME"], exist_ok=True)

    from orchestration.dbt_setup import parse_dbt_project

    parse_dbt_project()  # pick up model changes before the assets read the manifest
    import dagster as dg

    from orchestration.definitions import defs

    print(f"landing folder: {landing_dir()}\nwarehouse:      {warehouse_dir()}")
    result = defs.resolve_job_def("pipeline").execute_in_process(instance=dg.DagsterInstance.get(), raise_on_error=False)
    if not result.success:
        failed = [e.step_key for e in result.all_events if e.is_step_failure]
        print(f"pipeline run {result.run_id} FAILED at {', '.join(failed) or 'a check'}; the served warehouse was left as it was.", file=sys.stderr)
        return 1
    from orchestration.summary import print_summary

    print_summary(warehouse_dir())
    return 0


if __name__ == "__main__":
    sys.exit(main())
