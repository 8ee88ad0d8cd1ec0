"""Landing frames in DuckDB (schema raw) and publishing the built marts to readers."""


import dagster as dg
import duckdb
import polars as pl

from orchestration.resources import Warehouse
from transforms.gazetteer import GAZETTEER_DIR

RAW_TABLES = ("articles", "rejected_files", "events", "event_claims", "locations")


def run(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[tuple]:
    """Execute and drain: DuckDB 2 keeps a statement's result pending until it is fetched."""
    return con.execute(sql, params or []).fetchall()


def replace_rows(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, key: str, keys: pl.Series) -> None:
    """Idempotent load: drop the rows of the given keys, then insert the frame's rows."""
    con.register("incoming", frame.to_arrow())
    run(con, f"create table if not exists raw.{table} as select * from incoming limit 0")
    con.register("replaced_keys", pl.DataFrame({"key": keys}).to_arrow())
    run(con, f"delete from raw.{table} where {key} in (select key from replaced_keys)")
    run(con, f"insert into raw.{table} by name select * from incoming")
    con.unregister("incoming")
    con.unregister("replaced_keys")


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "articles"], deps=["raw_articles"], description="Articles as loaded: one row per landing file, text included."),
        dg.AssetSpec(["raw", "rejected_files"], deps=["rejected_files"], description="Quarantined landing files with the reason."),
        dg.AssetSpec(["raw", "events"], deps=["events"], description="Extracted events, one row per event per article."),
        dg.AssetSpec(["raw", "event_claims"], deps=["event_claims"], description="Per-source figures of each event."),
        dg.AssetSpec(["raw", "locations"], description="The gazetteer's places, from transforms/gazetteer/locations.csv."),
    ],
    ins={name: dg.AssetIn(name) for name in ("raw_articles", "rejected_files", "events", "event_claims")},
    group_name="raw",
)
def raw_tables(
    context: dg.AssetExecutionContext, warehouse: Warehouse,
    raw_articles: pl.DataFrame, rejected_files: pl.DataFrame, events: pl.DataFrame, event_claims: pl.DataFrame,
):
    files = pl.concat([raw_articles["file"], rejected_files["file"]]).unique()
    locations = pl.read_csv(GAZETTEER_DIR / "locations.csv", infer_schema_length=0).drop("spellings").with_columns(
        pl.col("lat").cast(pl.Float64), pl.col("lon").cast(pl.Float64))
    with warehouse.connect() as con:
        run(con, "create schema if not exists raw")
        run(con, "begin transaction")
        # A rerun replaces every row of the files it read: an article's events, its claims, its rejection.
        old_events = pl.Series([row[0] for row in run(
            con, "select event_id from raw.events where article in (select unnest(?))", [files.to_list()]
        )] if _exists(con, "events") else [], dtype=pl.String)
        replace_rows(con, "articles", raw_articles.drop("manifest_published_on"), "file", files)
        replace_rows(con, "rejected_files", rejected_files, "file", files)
        replace_rows(con, "events", events, "article", files)
        replace_rows(con, "event_claims", event_claims, "event_id", pl.concat([old_events, events["event_id"]]))
        con.register("gazetteer_locations", locations.to_arrow())
        run(con, "create or replace table raw.locations as select * from gazetteer_locations")
        con.unregister("gazetteer_locations")
        run(con, "commit")
        counts = {t: con.execute(f"select count(*) from raw.{t}").fetchall()[0][0] for t in RAW_TABLES}
    for table in RAW_TABLES:
        yield dg.MaterializeResult(asset_key=["raw", table], metadata={"rows": counts[table]})


def _exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(con.execute(
        "select count(*) from information_schema.tables where table_schema = 'raw' and table_name = ?", [table]
    ).fetchall()[0][0])
