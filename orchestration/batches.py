"""Which batch the served marts were built from: a log of raw merges and of publishes (schema pipeline).

The working database records each batch merged into raw (``record_merge``, in the merge's
transaction) and each publish with the last batch its marts saw and a digest of the dbt
project that built them (``record_publish``, after the swap). A run whose batch is empty
builds and publishes nothing only while the served marts are those of the last batch
(``stale_marts``): a run that failed after its merge, a working database restored or older
than this log, or a changed dbt project make the next run rebuild even when nothing is new.
SQL only, no Dagster.
"""

from __future__ import annotations

import duckdb

LOG_SCHEMA = "pipeline"


def run(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[tuple]:
    """Execute and drain (DuckDB 2 keeps a statement's result pending until it is fetched)."""
    return con.execute(sql, params or []).fetchall()


def ensure_log(con: duckdb.DuckDBPyConnection) -> None:
    run(con, f"create schema if not exists {LOG_SCHEMA}")
    run(
        con,
        f"create table if not exists {LOG_SCHEMA}.batches "
        "(batch bigint, run_id varchar, merged_at timestamptz, articles bigint, ledger_rows bigint)",
    )
    run(
        con,
        f"create table if not exists {LOG_SCHEMA}.publishes "
        "(published_at timestamptz, run_id varchar, batch bigint, dbt_project varchar)",
    )


def record_merge(con: duckdb.DuckDBPyConnection, run_id: str, articles: int, ledger_rows: int) -> int:
    """Log one merged batch (call it inside the merge's transaction); its number."""
    ensure_log(con)
    (batch,) = run(con, f"select coalesce(max(batch), 0) + 1 from {LOG_SCHEMA}.batches")[0]
    run(
        con,
        f"insert into {LOG_SCHEMA}.batches values (?, ?, now(), ?, ?)",
        [batch, run_id, articles, ledger_rows],
    )
    return batch


def last_batch(con: duckdb.DuckDBPyConnection) -> int | None:
    if not _has_log(con):
        return None
    return run(con, f"select max(batch) from {LOG_SCHEMA}.batches")[0][0]


def _has_log(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether this database keeps the log (reading it then needs no write, so a read-only connection will do)."""
    tables = run(
        con, "select count(*) from duckdb_tables() where database_name = current_database() and schema_name = ?", [LOG_SCHEMA]
    )
    return tables[0][0] == 2


def record_publish(con: duckdb.DuckDBPyConnection, run_id: str, batch: int | None, dbt_project: str) -> None:
    ensure_log(con)
    run(con, f"insert into {LOG_SCHEMA}.publishes values (now(), ?, ?, ?)", [run_id, batch, dbt_project])


def stale_marts(con: duckdb.DuckDBPyConnection, dbt_project: str) -> str | None:
    """Why the served marts are not those of the last batch built by ``dbt_project`` (its digest); None when they are."""
    published = (
        run(con, f"select batch, dbt_project from {LOG_SCHEMA}.publishes order by published_at desc limit 1")
        if _has_log(con)
        else []
    )
    if not published:
        return "no publish recorded in this working database (a first run, or a database restored or built by an older version)"
    batch, built_by = published[0]
    last = last_batch(con)
    if last is not None and (batch is None or batch < last):
        return f"batch {last} was merged after the last publish (a run that stopped after its merge)"
    if built_by != dbt_project:
        return "the dbt project changed since the last publish"
    return None
