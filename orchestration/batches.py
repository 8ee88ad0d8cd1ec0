"""Which batch the served marts were built from: a log of raw merges and of publishes (schema pipeline).

The working database records each batch merged into raw (``record_merge``, in the merge's
transaction) and each publish with the last batch its marts saw and a digest of the dbt
project that built them (``record_publish``, after the swap). A run whose batch is empty
builds and publishes nothing only while the served marts are those of the last batch
(``stale_marts``): a run that failed after its merge, a working database restored or older
than this log, or a changed dbt project make the next run rebuild even when nothing is new.

Each batch also records how many rows of what the marts read it changed (``mart_input_changes``):
the events, their claims, the outlet and address of the articles that hold events, and the
gazetteer's places. The marts are built again only when a batch since the last publish changed
any (``marts_build_reason``); a batch of unrelated news is published without dbt.
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
    # Null in the rows of a log written by an older version: such a batch counts as one that changed the marts' input.
    run(con, f"alter table {LOG_SCHEMA}.batches add column if not exists mart_input_changes bigint")
    run(
        con,
        f"create table if not exists {LOG_SCHEMA}.publishes "
        "(published_at timestamptz, run_id varchar, batch bigint, dbt_project varchar)",
    )


def record_merge(con: duckdb.DuckDBPyConnection, run_id: str, articles: int, ledger_rows: int, mart_input_changes: int) -> int:
    """Log one merged batch (call it inside the merge's transaction); its number.

    ``mart_input_changes``: rows of what the marts read that the batch added, changed or removed.
    """
    ensure_log(con)
    (batch,) = run(con, f"select coalesce(max(batch), 0) + 1 from {LOG_SCHEMA}.batches")[0]
    run(
        con,
        f"insert into {LOG_SCHEMA}.batches by name select ? as batch, ? as run_id, now() as merged_at, "
        "? as articles, ? as ledger_rows, ? as mart_input_changes",
        [batch, run_id, articles, ledger_rows, mart_input_changes],
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


def _last_publish(con: duckdb.DuckDBPyConnection) -> tuple[int | None, str] | None:
    """(batch, dbt project digest) of the last publish, None when none is recorded."""
    if not _has_log(con):
        return None
    published = run(con, f"select batch, dbt_project from {LOG_SCHEMA}.publishes order by published_at desc limit 1")
    return published[0] if published else None


def marts_build_reason(con: duckdb.DuckDBPyConnection, dbt_project: str) -> str | None:
    """Why the marts must be built now (``dbt_project``: the digest of the project that would build them);
    None when the served marts are those a build would give: no batch since the last publish changed what
    they read, and the same project built them."""
    published = _last_publish(con)
    if (why := _not_published_by(published, dbt_project)) is not None:
        return why
    batch = published[0]
    changing = run(
        con,
        f"select list(batch order by batch), sum(mart_input_changes) from {LOG_SCHEMA}.batches "
        "where batch > coalesce(?, 0) and (mart_input_changes is null or mart_input_changes > 0)",
        [batch],
    )[0]
    if changing[0]:
        changes = "rows" if changing[1] is None else f"{changing[1]} rows"
        return f"batch {', '.join(map(str, changing[0]))} changed {changes} of what the marts read since the last publish"
    return None


def stale_marts(con: duckdb.DuckDBPyConnection, dbt_project: str) -> str | None:
    """Why the served marts are not those of the last batch built by ``dbt_project`` (its digest); None when they are."""
    published = _last_publish(con)
    if published is not None:
        batch, last = published[0], last_batch(con)
        if last is not None and (batch is None or batch < last):
            return f"batch {last} was merged after the last publish (a run that stopped after its merge)"
    return _not_published_by(published, dbt_project)


def project_not_served(con: duckdb.DuckDBPyConnection, dbt_project: str) -> str | None:
    """Why the served marts are not of ``dbt_project``'s building (none published, or by another project); None when they are."""
    return _not_published_by(_last_publish(con), dbt_project)


def _not_published_by(published: tuple[int | None, str] | None, dbt_project: str) -> str | None:
    """Why the last publish (``_last_publish``) is not one of marts built by ``dbt_project``; None when it is."""
    if published is None:
        return "no publish recorded in this working database (a first run, or a database restored or built by an older version)"
    if published[1] != dbt_project:
        return "the dbt project changed since the last publish"
    return None
