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
import pyarrow.parquet

PARTITION = "ingest_day"
PART_FILE = "part-0.parquet"
# What the articles of a day are, for telling whether the day's partitions are current: a
# re-extraction changes the extractor version, a re-read file its content hash and ingest time.
ARTICLE_KEY = ("file", "article_id", "extractor_version", "ingested_at", "manifest_published_on")
# Values of a table's leading sort column per row group when a partition is written from DuckDB
# (``Lake.write_partition_of``): 10,000 articles' text is a few tens of MB.
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

        In a folder the rows go in runs of ``ROW_GROUP_ROWS`` values of the table's leading sort
        column, each run sorted by DuckDB and written as one row group before the next is read: a
        day of a million articles never sits in memory, neither this process's nor DuckDB's (which
        cannot sort that much text within a run's share). The file is the one ``write_partition``
        would write of the same rows, row for row. An object store gets the rows through ``write_partition``.
        """
        if self.remote:
            self.write_partition(table, day, con.sql(query, params=params).pl())
            return
        schema = self.schemas[table]
        lead = f'"{TABLE_ORDER[table][0]}"'
        columns = ", ".join(f'"{c}"' for c in schema)
        order = ", ".join(f'"{c}" nulls last' for c in self._order(table))
        # Every ROW_GROUP_ROWS-th value of the leading column, in order: where each run starts.
        starts = [
            row[0]
            for row in con.execute(
                f"select v from (select v, row_number() over (order by v) - 1 as n from "
                f"(select distinct {lead} as v from ({query}) where {lead} is not null)) where n % {ROW_GROUP_ROWS} = 0 order by v",
                params,
            ).fetchall()
        ]
        runs = [(f"{lead} >= ? and {lead} < ?", [lo, hi]) for lo, hi in zip(starts, starts[1:])]
        runs += [(f"{lead} >= ?", starts[-1:])] if starts else []
        runs.append((f"{lead} is null", []))
        path = self.partition_path(table, day)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        staging = f"{path}.{uuid.uuid4().hex}.tmp"
        try:
            with pyarrow.parquet.ParquetWriter(staging, pl.DataFrame(schema=schema).to_arrow().schema) as writer:
                for where, bounds in runs:
                    rows = con.sql(
                        f"select {columns} from ({query}) where {where} order by {order}", params=[*params, *bounds]
                    ).to_arrow_table()
                    if rows.num_rows:
                        writer.write_table(pl.from_arrow(rows).select(list(schema)).cast(schema).to_arrow())
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
