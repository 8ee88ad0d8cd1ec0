"""What a run built: rows per table of the served warehouse, and how to query it."""

from __future__ import annotations

from pathlib import Path

import duckdb

from orchestration.resources import SERVED_DB


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
