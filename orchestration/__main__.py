"""python -m orchestration: run the pipeline once and say what it built.

    python -m orchestration                      read new and changed landing files, rebuild and serve the marts
                                                 (nothing new: nothing built, the served marts left as they are)
    python -m orchestration --full               read every landing file and extract every stored article again
    python -m orchestration replay FILE...       read quarantined files again (after a limit or decoder change)
    python -m orchestration replay --rejected    ... every file in raw.rejected_files
    python -m orchestration retract FILE...      take files' articles and events out of the warehouse
    python -m orchestration reextract [--executor ray [--address ADDR]]
                                                 extract every stored article again (a rule change), here or on Ray
    python -m orchestration --verbose ...        log Dagster's step events and dbt's output too

Runs are recorded in $DAGSTER_HOME (default .dagster_home/), so `dagster dev` shows them.
"""

from __future__ import annotations

import argparse
import sys
import time

from orchestration.instance import prepare_dagster_home
from orchestration.settings import EXECUTORS, extraction_executor, landing_dir, ray_address, warehouse_dir


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m orchestration",
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.splitlines()[2:12]),
    )
    parser.add_argument("--full", action="store_true", help="read every landing file and extract every stored article again")
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG: Dagster's step events and dbt's log lines")
    commands = parser.add_subparsers(dest="command")
    replay = commands.add_parser("replay", help="read quarantined landing files again although they did not change")
    replay.add_argument("files", nargs="*", metavar="FILE", help="file names in the landing folder")
    replay.add_argument("--rejected", action="store_true", help="every file raw.rejected_files lists")
    retract = commands.add_parser("retract", help="take files' articles, events and rejections out of the warehouse")
    retract.add_argument("files", nargs="+", metavar="FILE", help="file names as raw.articles.file lists them")
    reextract = commands.add_parser("reextract", help="extract every stored article again, after a rule change")
    reextract.add_argument(
        "--executor",
        choices=EXECUTORS,
        default=extraction_executor(),
        help="local worker processes, or tasks on a Ray cluster (default: MILITIA_EXECUTOR, else local)",
    )
    reextract.add_argument(
        "--address",
        default=ray_address(),
        metavar="ADDR",
        help="the Ray cluster to join, e.g. auto or ray://head:10001 (default: MILITIA_RAY_ADDRESS; "
        "empty starts Ray on this machine)",
    )
    args = parser.parse_args(argv)
    if args.command == "replay" and not (args.files or args.rejected):
        parser.error("replay needs FILE names or --rejected")
    return args


def landing_config(args: argparse.Namespace) -> dict:
    return {
        "full": args.full,
        "replay": args.files if args.command == "replay" else [],
        "replay_rejected": args.command == "replay" and args.rejected,
        "retract": args.files if args.command == "retract" else [],
        "reextract": args.command == "reextract",
    }


def resource_config(args: argparse.Namespace) -> dict:
    """The extraction engine a reextract asks for; other runs take the deployment's (MILITIA_EXECUTOR)."""
    if args.command != "reextract":
        return {}
    return {"extraction_engine": {"config": {"executor": args.executor, "ray_address": args.address}}}


def unknown_retractions(names: list[str]) -> list[str]:
    """Names a retraction asks for that the warehouse does not hold (every name, before any run)."""
    from orchestration.raw_store import stored_landing
    from orchestration.resources import Warehouse

    warehouse = Warehouse(directory=str(warehouse_dir()))
    if not warehouse.work_db.exists():
        return sorted(names)
    with warehouse.connect() as con:
        held = stored_landing(con, all_stale=False).held_files()
    return sorted(set(names) - held)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.command == "retract" and (unknown := unknown_retractions(args.files)):
        print(
            f"python -m orchestration: error: the warehouse holds no file named {', '.join(map(repr, unknown))}; nothing was run",
            file=sys.stderr,
        )
        return 2
    prepare_dagster_home()
    import dagster as dg

    from orchestration.console import CONSOLE_LOGGER
    from orchestration.definitions import defs

    pipeline = defs().resolve_job_def("pipeline")
    print(f"landing folder: {landing_dir()}\nwarehouse:      {warehouse_dir()}", flush=True)
    started = time.monotonic()
    result = pipeline.execute_in_process(
        run_config={
            "ops": {"landing_files": {"config": landing_config(args)}},
            "resources": resource_config(args),
            "loggers": {CONSOLE_LOGGER: {"config": {"log_level": "DEBUG" if args.verbose else "INFO"}}},
        },
        instance=dg.DagsterInstance.get(),
        raise_on_error=False,
    )
    if not result.success:
        failed = [e for e in result.all_events if e.is_step_failure]
        for event in failed:
            error = event.step_failure_data.error
            print(f"{event.step_key}: {error.message.strip() if error else 'failed'}", file=sys.stderr)
        print(
            f"pipeline run {result.run_id} FAILED at {', '.join(e.step_key for e in failed) or 'a check'}; "
            "the served warehouse was left as it was.",
            file=sys.stderr,
        )
        return 1
    from orchestration.summary import print_batch, print_summary, published

    print_batch(result)
    print_summary(warehouse_dir(), time.monotonic() - started, built=published(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
