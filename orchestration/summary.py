"""What a run built, in a few aligned lines: the batch it read, the marts it served, and where to look."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from orchestration.resources import SERVED_DB

if TYPE_CHECKING:
    import dagster as dg

# The landing step's figures, in the order a reader wants them (metadata labels of its outputs).
BATCH_FIGURES = (
    "files read",
    "new or changed articles",
    "re-extracted articles",
    "touched only",
    "rejected files",
    "duplicates",
    "manifest problems",
    "retracted",
)


def mart_counts(served: Path) -> list[tuple[str, int]]:
    con = duckdb.connect(str(served), read_only=True)
    try:
        tables = [
            row[0]
            for row in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
            ).fetchall()
        ]
        return [(t, con.execute(f'select count(*) from marts."{t}"').fetchall()[0][0]) for t in tables]
    finally:
        con.close()


def batch_figures(result: dg.ExecuteInProcessResult) -> dict[str, int]:
    figures: dict[str, int] = {}
    for event in result.get_asset_materialization_events():
        for label, value in event.materialization.metadata.items():
            if label in BATCH_FIGURES:
                figures[label] = value.value
    return figures


def published(result: dg.ExecuteInProcessResult) -> bool:
    """Whether the run built and served the marts; a run that found nothing to build stopped after landing."""
    return any(e.asset_key.path[-1] == "served_warehouse" for e in result.get_asset_materialization_events())


def print_batch(result: dg.ExecuteInProcessResult) -> None:
    """One line for the batch (figures that are not zero), and one per file or manifest row quarantined."""
    figures = batch_figures(result)
    read = [f"{figures[label]} {label}" for label in BATCH_FIGURES if figures.get(label)]
    print(f"\n{'batch':<10} {', '.join(read) if read else 'nothing new or changed in the landing folder'}")
    if not published(result):
        return
    for row in result.output_for_node("landing_files", "rejected_files").iter_rows(named=True):
        print(f"{'':<10} quarantined {row['file']!r}: {row['reason']}")


def print_summary(warehouse: Path, seconds: float, built: bool) -> None:
    """Where the marts are and their rows; ``built``: the run built and served them, else they are the last run's."""
    served = warehouse / SERVED_DB
    counts = mart_counts(served)
    width = max(len(name) for name, _ in counts)
    if built:
        print(f"{'marts':<10} {served} (run took {seconds:.0f} s)")
    else:
        print(f"{'marts':<10} {served}, as before: nothing to build (run took {seconds:.0f} s)")
    for name, rows in counts:
        print(f"{'':<10} {name:<{width}} {rows:>8} rows")
    print(f"{'report':<10} {warehouse / 'report' / 'index.html'}")
    print(f"{'exports':<10} {warehouse / 'exports'}/")
    print(f"{'query':<10} ./scripts/sql-shell   (SQL cookbook: docs/COOKBOOK.md)")
