"""What a run built: the batch it read, rows per table of the served warehouse, and how to query it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from orchestration.resources import SERVED_DB

if TYPE_CHECKING:
    import dagster as dg


def table_counts(served: Path) -> list[tuple[str, str, int]]:
    con = duckdb.connect(str(served), read_only=True)
    try:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('raw', 'staging', 'intermediate', 'marts') order by 1, 2"
        ).fetchall()
        return [(s, t, con.execute(f'select count(*) from "{s}"."{t}"').fetchall()[0][0]) for s, t in tables]
    finally:
        con.close()


def print_batch(result: dg.ExecuteInProcessResult) -> None:
    """The landing step's figures, and each file or manifest row this run quarantined."""
    print("\nThis run's batch:")
    for event in result.get_asset_materialization_events():
        if event.asset_key.path[-1] in ("raw_articles", "rejected_files", "landing_ledger"):
            for label, value in event.materialization.metadata.items():
                if label not in ("rows", "path"):
                    print(f"  {label:<34} {value.value:>7}")
    for row in result.output_for_node("landing_files", "rejected_files").iter_rows(named=True):
        print(f"  quarantined {row['file']!r}: {row['reason']}")


def print_summary(warehouse: Path) -> None:
    served = warehouse / SERVED_DB
    print(f"\nServed warehouse: {served}")
    for schema, table, rows in table_counts(served):
        print(f"  {schema}.{table:<34} {rows:>7} rows")
    print(
        "\nQuery it read-only (DuckDB 2.x), e.g.:\n"
        f"  python -c \"import duckdb; print(duckdb.connect('{served}', read_only=True).sql('select * from marts.attack_frequency_per_base'))\"\n"
        f"Parquet copies of the marts: {warehouse / 'parquet'}"
    )
