"""Articles, events and claims as hive-partitioned Parquet by ingest day, in a folder or on object storage.

    ROOT/articles/ingest_day=2025-03-01/part-0.parquet
    ROOT/events/ingest_day=2025-03-01/part-0.parquet
    ROOT/event_claims/ingest_day=2025-03-01/part-0.parquet

ROOT is a local folder or an S3-compatible URL (``s3://bucket/prefix``); Polars writes and reads
both (credentials and endpoint from the usual ``AWS_*`` variables, or ``storage_options``). An
article's day is the UTC day it was ingested; its events and claims lie in the same day, so a
day's three files describe the same articles. A partition is always written whole, one file,
rows in a fixed order, so the same rows give the same bytes; a day that lost every article is
written empty rather than deleted (object stores offer Polars no delete).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import dataclass, field

import duckdb
import polars as pl

PARTITION = "ingest_day"
PART_FILE = "part-0.parquet"
# What the articles of a day are, for telling whether the day's partitions are current: a
# re-extraction changes the extractor version, a re-read file its content hash and ingest time.
ARTICLE_KEY = ("file", "article_id", "extractor_version", "ingested_at", "manifest_published_on")
# Rows per Parquet row group when DuckDB writes a partition: its default (122,880) holds that many
# articles' text in memory at once, more than a run gives DuckDB (orchestration.resources.WORK_DB_MEMORY).
ROW_GROUP_ROWS = 10_000
# The row order inside a partition (with the tables' other columns after, for a total order).
TABLE_ORDER = {"articles": ("file",), "events": ("article", "event_id"), "event_claims": ("event_id", "source")}


def ingest_day(ingested_at: pl.Expr) -> pl.Expr:
    """The UTC day of an ingest time, whatever time zone the frame carries it in."""
    return ingested_at.dt.convert_time_zone("UTC").dt.date().alias(PARTITION)


@dataclass(frozen=True)
class Lake:
    """The partitioned tables under ``root``; ``schemas`` gives each table's columns (the partition column aside)."""

    root: str
    schemas: dict[str, dict[str, pl.DataType]]
    storage_options: dict[str, str] | None = field(default=None, compare=False)

    @property
    def remote(self) -> bool:
        return "://" in self.root

    def partition_path(self, table: str, day: dt.date) -> str:
        return f"{self.root.rstrip('/')}/{table}/{PARTITION}={day.isoformat()}/{PART_FILE}"

    def scan(self, table: str) -> pl.LazyFrame:
        """Every partition of a table, with its ``ingest_day``; an empty frame of the table's columns when none is written."""
        return pl.scan_parquet(
            f"{self.root.rstrip('/')}/{table}/**/*.parquet",
            hive_partitioning=True,
            schema=self.schemas[table],
            hive_schema={PARTITION: pl.Date},
            storage_options=self.storage_options,
        )

    def _order(self, table: str) -> list[str]:
        schema = self.schemas[table]
        return [*TABLE_ORDER[table], *(c for c, dtype in schema.items() if c not in TABLE_ORDER[table] and not dtype.is_nested())]

    def write_partition(self, table: str, day: dt.date, rows: pl.DataFrame) -> None:
        """Replace one day's partition of a table with ``rows`` (which may be empty)."""
        schema = self.schemas[table]
        rows = rows.select(list(schema)).cast(schema).sort(self._order(table), nulls_last=True, maintain_order=True)
        path = self.partition_path(table, day)
        if self.remote:
            # An object store replaces an object in one step: a reader sees the old file or the new one.
            rows.write_parquet(path, storage_options=self.storage_options)
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        staging = f"{path}.{uuid.uuid4().hex}.tmp"
        try:
            rows.write_parquet(staging)
            os.replace(staging, path)
        finally:
            if os.path.exists(staging):
                os.remove(staging)

    def write_partition_of(self, con: duckdb.DuckDBPyConnection, table: str, day: dt.date, query: str, params: list) -> None:
        """Replace one day's partition of a table with the rows of a DuckDB ``query`` (of the table's columns).

        In a folder, DuckDB writes the file itself, sorting on disk when it must, so a day of a
        million articles never sits in this process's memory; an object store gets the rows
        through ``write_partition``.
        """
        if self.remote:
            self.write_partition(table, day, con.execute(query, params).pl())
            return
        path = self.partition_path(table, day)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        staging = f"{path}.{uuid.uuid4().hex}.tmp"
        columns = ", ".join(f'"{c}"' for c in self.schemas[table])
        order = ", ".join(f'"{c}" nulls last' for c in self._order(table))
        try:
            con.execute(
                f"copy (select {columns} from ({query}) order by {order}) to '{_quoted(staging)}' "
                f"(format parquet, row_group_size {ROW_GROUP_ROWS})",
                params,
            ).fetchall()
            os.replace(staging, path)
        finally:
            if os.path.exists(staging):
                os.remove(staging)

    def stale_days(self, articles: pl.DataFrame) -> list[dt.date]:
        """Days whose partitions do not hold exactly these articles (by ``ARTICLE_KEY``): to be written again.

        ``articles`` are every article the warehouse holds, with ``ingested_at``. A day's articles
        file is written last, so a write cut short leaves its day stale for the next call.
        """
        key = {column: self.schemas["articles"][column] for column in ARTICLE_KEY}
        held = articles.select(*ARTICLE_KEY, ingest_day(pl.col("ingested_at"))).cast(key)
        stored = self.scan("articles").select(*ARTICLE_KEY, PARTITION).collect().cast(key)
        days = []
        for day in sorted(set(held[PARTITION]) | set(stored[PARTITION])):
            want = held.filter(pl.col(PARTITION) == day).sort("file")
            have = stored.filter(pl.col(PARTITION) == day).sort("file")
            if not want.equals(have):
                days.append(day)
        return days


def _quoted(text: str) -> str:
    return text.replace("'", "''")
