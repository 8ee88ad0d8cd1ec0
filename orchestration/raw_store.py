"""The raw schema in DuckDB: its tables, the landing state they hold, and each run's batch merged in one transaction.

A batch replaces every row of the files it names (their article, events, claims and
rejection) and leaves every other file's rows as they are, so a run that read ten
new files touches ten files' rows, and a run killed before the commit changed nothing.
SQL only, no Dagster: the assets call it and report what it did.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import duckdb
import polars as pl

from orchestration.batches import record_merge, run
from transforms.events import EXTRACTOR_VERSION
from transforms.extract import CLAIM_SCHEMA, EVENT_SCHEMA
from transforms.gazetteer import GAZETTEER_DIR
from transforms.ingest import ARTICLE_SCHEMA, LEDGER_SCHEMA, REJECTED_SCHEMA, ManifestRow, StoredLanding
from transforms.lake import PARTITION, Lake
from transforms.parts import Parts

RAW_SCHEMAS = {
    "articles": {**ARTICLE_SCHEMA, "extractor_version": pl.String},
    "rejected_files": REJECTED_SCHEMA,
    "landing_ledger": LEDGER_SCHEMA,
    "events": EVENT_SCHEMA,
    "event_claims": CLAIM_SCHEMA,
}
RAW_TABLES = (*RAW_SCHEMAS, "locations")

# What the marts read of the files a batch replaces (batch_files): their events, the events' claims,
# and the articles that hold events, as staging selects them (the marts join articles to events
# only, so an article without events reaches no mart). A batch changed the marts' input by the
# rows in one of these before it and not after, or after it and not before.
_BATCH_FILE_EVENTS = "select event_id from raw.events where article in (select file from batch_files)"
MART_INPUTS = {
    "events": "select * from raw.events where article in (select file from batch_files)",
    "event_claims": f"select * from raw.event_claims where event_id in ({_BATCH_FILE_EVENTS})",
    "articles": "select * exclude (text, extractor_version) from raw.articles where file in (select file from batch_files) "
    "and article_id in (select article_id from raw.events where article in (select file from batch_files))",
}


def ensure_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw tables, and add the columns a warehouse built by an older version lacks."""
    run(con, "create schema if not exists raw")
    for table, schema in RAW_SCHEMAS.items():
        con.register("table_shape", pl.DataFrame(schema=schema).to_arrow())
        run(con, f"create table if not exists raw.{table} as select * from table_shape")
        have = {row[0] for row in run(con, f"describe raw.{table}")}
        for name, dtype in run(con, "select column_name, column_type from (describe table_shape)"):
            if name not in have:
                run(con, f'alter table raw.{table} add column "{name}" {dtype}')
        con.unregister("table_shape")


def stored_landing(con: duckdb.DuckDBPyConnection, all_stale: bool) -> StoredLanding:
    """The warehouse's landing state; stale articles are those of another extractor version, or all."""
    ensure_raw_tables(con)
    return StoredLanding(
        ledger=con.sql("select * from raw.landing_ledger").pl(),
        article_files=dict(run(con, "select article_id, file from raw.articles")),
        duplicates=con.sql("select file, duplicate_of from raw.rejected_files where duplicate_of is not null").pl(),
        stale_articles=con.sql(
            f"select {', '.join(ARTICLE_SCHEMA)} from raw.articles where ?::boolean or extractor_version is distinct from ?",
            params=[all_stale, EXTRACTOR_VERSION],
        )
        .pl()
        .cast(ARTICLE_SCHEMA),
        manifest_rows={
            unicodedata.normalize("NFC", file): ManifestRow(*metadata)
            for file, *metadata in run(
                con,
                "select file, manifest_published_on, url, outlet, language from raw.articles "
                "where coalesce(manifest_published_on::varchar, url, outlet, language) is not null",
            )
        },
    )


def stored_manifest_problems(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The refused manifest rows the warehouse holds (file, reason): a run finds them afresh and records only a change."""
    ensure_raw_tables(con)
    return con.sql("select distinct file, reason from raw.rejected_files where source is distinct from 'file'").pl()


def served_landing(served: Path) -> tuple[pl.DataFrame, int]:
    """The served copy's landing ledger, and how many of its articles another extractor version read.

    Read from the served copy, never the working database a run may be writing.
    """
    if not served.exists():
        return pl.DataFrame(schema=LEDGER_SCHEMA), 0
    con = duckdb.connect(str(served), read_only=True)
    try:
        tables = {row[0] for row in run(con, "select table_name from information_schema.tables where table_schema = 'raw'")}
        if "landing_ledger" not in tables:
            return pl.DataFrame(schema=LEDGER_SCHEMA), 0
        ledger = con.sql("select * from raw.landing_ledger").pl().cast(LEDGER_SCHEMA)
        stale = run(con, "select count(*) from raw.articles where extractor_version is distinct from ?", [EXTRACTOR_VERSION])[0][
            0
        ]
        return ledger, stale
    finally:
        con.close()


def replaced_files(articles: pl.DataFrame | Parts, rejected: pl.DataFrame, ledger: pl.DataFrame) -> pl.Series:
    """Files whose rows a batch replaces: every file it loaded, refused or retracted (not those only touched)."""
    return pl.concat(
        [
            articles.select("file")["file"],
            rejected.filter(pl.col("source") == "file")["file"],
            ledger.filter(pl.col("outcome") == "retracted")["file"],
        ]
    ).unique()


def without_given_up(
    rejected: pl.DataFrame,
    ledger: pl.DataFrame,
    given_up: pl.DataFrame,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The batch with the articles the extractor gave up on quarantined: in the rejections, ledger outcome rejected
    (``load_batch`` leaves out the articles of files the batch rejects)."""
    files = given_up["file"]
    return (
        pl.concat([rejected, given_up]),
        ledger.with_columns(outcome=pl.when(pl.col("file").is_in(files)).then(pl.lit("rejected")).otherwise("outcome")),
    )


def load_batch(
    con: duckdb.DuckDBPyConnection,
    articles: pl.DataFrame | Parts,
    rejected: pl.DataFrame,
    ledger: pl.DataFrame,
    events: pl.DataFrame | Parts,
    claims: pl.DataFrame | Parts,
) -> tuple[int, int]:
    """Merge one batch into raw; the caller owns the transaction. Returns the articles loaded (those of
    files the batch rejects, the extractor gave up on them, are left out) and how many rows of what the
    marts read (``MART_INPUTS``) the batch added, changed or removed (a changed row counts twice). Parts
    are read by DuckDB's ``read_parquet``."""
    ensure_raw_tables(con)
    frames = {
        "batch_files": pl.DataFrame({"file": replaced_files(articles, rejected, ledger)}),
        "batch_ledger": ledger,
        "batch_articles": articles,
        "batch_rejected": rejected,
        "batch_events": events,
        "batch_claims": claims,
    }
    for name, frame in frames.items():
        if isinstance(frame, pl.DataFrame):
            con.register(name, frame.to_arrow())
        else:  # read by DuckDB itself, within the memory it is given
            run(con, f"create temp view {name} as select * from {frame.read_parquet_sql()}")
    for table, rows in MART_INPUTS.items():
        run(con, f"create or replace temp table before_{table} as {rows}")
    run(
        con,
        "delete from raw.event_claims where event_id in "
        "(select event_id from raw.events where article in (select file from batch_files))",
    )
    run(con, "delete from raw.events where article in (select file from batch_files)")
    run(con, "delete from raw.articles where file in (select file from batch_files)")
    run(con, "delete from raw.rejected_files where source = 'file' and file in (select file from batch_files)")
    # Manifest problems are found afresh from the whole manifest every run: those gone leave,
    # those still there keep their first rejected_at, so an unchanged rerun writes nothing.
    run(
        con,
        "delete from raw.rejected_files r where source is distinct from 'file' and not exists "
        "(select 1 from batch_rejected b where b.source = 'manifest' and b.file = r.file and b.reason = r.reason)",
    )
    run(
        con,
        "insert into raw.rejected_files by name select * from batch_rejected b where b.source = 'file' or not exists "
        "(select 1 from raw.rejected_files r where r.source = 'manifest' and r.file = b.file and r.reason = b.reason)",
    )
    run(con, "delete from raw.landing_ledger where file in (select file from batch_ledger)")
    run(
        con,
        "insert into raw.articles by name select *, ? as extractor_version from batch_articles "
        "where file not in (select file from batch_rejected where source = 'file')",
        [EXTRACTOR_VERSION],
    )
    (loaded,) = run(
        con, "select count(*) from batch_articles where file not in (select file from batch_rejected where source = 'file')"
    )[0]
    for table, frame in (
        ("landing_ledger", "batch_ledger"),
        ("events", "batch_events"),
        ("event_claims", "batch_claims"),
    ):
        run(con, f"insert into raw.{table} by name select * from {frame}")
    # A stored article the extractor gave up on when extracting it again has a ledger row from an earlier run.
    run(
        con,
        "update raw.landing_ledger set outcome = 'rejected' where outcome = 'article' "
        "and file in (select file from batch_rejected where source = 'file')",
    )
    changes = 0
    for table, rows in MART_INPUTS.items():
        changes += _rows_differing(con, f"before_{table}", rows)
        run(con, f"drop table before_{table}")
    for name, frame in frames.items():
        if isinstance(frame, pl.DataFrame):
            con.unregister(name)
        else:
            run(con, f"drop view {name}")
    return loaded, changes


def _rows_differing(con: duckdb.DuckDBPyConnection, before: str, after: str) -> int:
    """Rows of relation ``before`` not in query ``after`` and the other way round, duplicates counted."""
    return run(
        con,
        f"select count(*) from ((select * from {before} except all ({after})) "
        f"union all (({after}) except all select * from {before}))",
    )[0][0]


def merge_batch(
    con: duckdb.DuckDBPyConnection,
    articles: pl.DataFrame | Parts,
    rejected: pl.DataFrame,
    ledger: pl.DataFrame,
    events: pl.DataFrame | Parts,
    claims: pl.DataFrame | Parts,
    run_id: str,
) -> tuple[dict[str, int], int]:
    """Merge one batch, and the gazetteer's places, into raw in one transaction, logged as run ``run_id``'s
    batch (``orchestration.batches``). Returns the rows of each raw table after, and how many rows of
    what the marts read the batch changed (``MART_INPUTS``, and the places)."""
    locations = (
        pl.read_csv(GAZETTEER_DIR / "locations.csv", infer_schema_length=0)
        .drop("spellings")
        .with_columns(pl.col("lat").cast(pl.Float64), pl.col("lon").cast(pl.Float64))
    )
    run(con, "begin transaction")
    loaded, changes = load_batch(con, articles, rejected, ledger, events, claims)
    con.register("gazetteer_locations", locations.to_arrow())
    held = run(con, "select count(*) from duckdb_tables() where schema_name = 'raw' and table_name = 'locations'")[0][0]
    changes += _rows_differing(con, "raw.locations", "select * from gazetteer_locations") if held else locations.height
    run(con, "create or replace table raw.locations as select * from gazetteer_locations")
    con.unregister("gazetteer_locations")
    record_merge(con, run_id, loaded, ledger.height, changes)
    run(con, "commit")
    return {table: run(con, f"select count(*) from raw.{table}")[0][0] for table in RAW_TABLES}, changes


def restore_raw_tables(con: duckdb.DuckDBPyConnection, served: Path, lake: Lake) -> None:
    """Fill a new working database's raw tables after the old one was lost.

    The tables the lake holds (articles with their text, events, claims) come from its
    partitions, which every run writes before it builds; the ledger and the rejections from
    the served copy. The lake may be a run ahead of the served copy (a
    run that stopped after writing it), so a ledger row that names an article the lake lacks
    is dropped, and the file read again if it is still in the landing folder, and a rejection
    of a file the lake holds an article for is dropped.
    """
    ensure_raw_tables(con)
    for table in lake.schemas:
        con.register("lake_rows", lake.scan(table).drop(PARTITION).collect().to_arrow())
        run(con, f"insert into raw.{table} by name select * from lake_rows")
        con.unregister("lake_rows")
    run(con, f"attach '{str(served).replace(chr(39), chr(39) * 2)}' as served (read_only)")
    try:
        held = {
            row[0]
            for row in run(con, "select table_name from duckdb_tables() where database_name = 'served' and schema_name = 'raw'")
        }
        for table in RAW_SCHEMAS.keys() - lake.schemas.keys():
            if table in held:
                run(con, f"insert into raw.{table} by name select * from served.raw.{table}")
    finally:
        run(con, "detach served")
    run(
        con,
        "delete from raw.landing_ledger l where outcome = 'article' and not exists (select 1 from raw.articles a where a.file = l.file)",
    )
    run(
        con,
        "delete from raw.rejected_files r where source = 'file' and exists (select 1 from raw.articles a where a.file = r.file)",
    )
