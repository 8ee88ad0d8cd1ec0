"""The warehouse's articles, events and claims as hive-partitioned Parquet by ingest day (``transforms.lake``).

The raw tables stay the pipeline's record; after each merge the days whose partitions no
longer hold exactly the warehouse's articles are written again from them, so a run that
read ten files rewrites one day, a re-extraction every day, and a run that changed nothing
writes nothing. The root is MILITIA_LAKE: a folder (default ``warehouse/lake/``) or an
``s3://`` URL, where a distributed engine and dbt can read the same tables.
"""

from pathlib import Path

import dagster as dg
import polars as pl

from orchestration.raw_store import RAW_SCHEMAS, ensure_raw_tables
from orchestration.resources import Warehouse
from orchestration.settings import lake_root
from transforms.lake import ARTICLE_KEY, PARTITION, Lake, ingest_day

LAKE_TABLES = ("event_claims", "events", "articles")  # in writing order: a day's articles file last
LAKE_FOLDER = "lake"


class LakeStore(dg.ConfigurableResource):
    """Where the partitions go: MILITIA_LAKE, or ``lake/`` in the warehouse folder when that is empty."""

    root: str = lake_root()

    def at(self, warehouse: Warehouse) -> Lake:
        return Lake(self.root or str(Path(warehouse.directory) / LAKE_FOLDER), {t: RAW_SCHEMAS[t] for t in LAKE_TABLES})


@dg.asset(
    deps=[["raw", table] for table in LAKE_TABLES],
    group_name="lake",
    description="raw.articles, raw.events and raw.event_claims as Parquet partitions by ingest day "
    "(ROOT/<table>/ingest_day=YYYY-MM-DD/part-0.parquet); days that changed are rewritten whole.",
)
def lake_partitions(context: dg.AssetExecutionContext, warehouse: Warehouse, lake: LakeStore) -> dg.MaterializeResult:
    store = lake.at(warehouse)
    with warehouse.connect() as con:
        ensure_raw_tables(con)
        articles = con.sql(f"select {', '.join(ARTICLE_KEY)}, ingested_at from raw.articles").pl()
        stale = store.stale_days(articles)
        files = articles.select("file", ingest_day(pl.col("ingested_at")))
        con.register("article_days", files.to_arrow())
        try:
            for day in stale:
                # Written by DuckDB from the tables: a day's articles, text included, never pass through this process.
                queries = {
                    "event_claims": "select c.* from raw.event_claims c join raw.events e using (event_id) "
                    "join article_days d on e.article = d.file where d.ingest_day = ?",
                    "events": "select e.* from raw.events e join article_days d on e.article = d.file where d.ingest_day = ?",
                    "articles": "select a.* from raw.articles a join article_days d using (file) where d.ingest_day = ?",
                }
                for table in LAKE_TABLES:
                    store.write_partition_of(con, table, day, queries[table], [day])
        finally:
            con.unregister("article_days")
    if stale:
        context.log.info(f"lake {store.root}: rewrote {len(stale)} day partition(s) of {', '.join(LAKE_TABLES)}")
    return dg.MaterializeResult(
        metadata={
            "root": store.root,
            "days rewritten": len(stale),
            "days": len(set(files[PARTITION])),
            "articles": articles.height,
        }
    )
