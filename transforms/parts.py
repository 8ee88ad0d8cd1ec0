"""A frame too large to hold at once, stored as numbered Parquet files in a folder and read a part at a time.

A run's batch flows through the pipeline this way: the landing step writes its articles a
chunk at a time, extraction reads one part and writes that part's events, and the raw merge
reads the parts with DuckDB. Memory then depends on the size of a part, not of the batch.
Part *i* of the events is extracted from part *i* of the articles, so the two line up.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

PART_GLOB = "part-*.parquet"
# An empty Parquet file of the parts' columns, so that a batch of no parts still has its schema.
SCHEMA_FILE = "_schema.parquet"
# Articles per part: about 35 MB of text, so the landing and extraction steps hold a few of them at most.
CHUNK_ARTICLES = 10_000


@dataclass(frozen=True)
class Parts:
    """The parts under ``folder``, each a frame of ``schema``, in the order they were written."""

    folder: Path
    schema: dict[str, pl.DataType]

    @classmethod
    def create(cls, folder: Path, schema: dict[str, pl.DataType]) -> Parts:
        """An empty set of parts in ``folder``, made afresh."""
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        pl.DataFrame(schema=schema).write_parquet(folder / SCHEMA_FILE)
        return cls(folder, schema)

    @classmethod
    def open(cls, folder: Path) -> Parts:
        return cls(folder, dict(pl.read_parquet_schema(folder / SCHEMA_FILE)))

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def paths(self) -> list[Path]:
        return sorted(self.folder.glob(PART_GLOB))

    def append(self, frame: pl.DataFrame) -> None:
        """Write ``frame`` as the next part (an empty frame too: parts line up with those they were made from)."""
        frame.select(list(self.schema)).cast(self.schema).write_parquet(self.folder / f"part-{len(self.paths()):06d}.parquet")

    def __iter__(self) -> Iterator[pl.DataFrame]:
        for path in self.paths():
            yield pl.read_parquet(path).cast(self.schema)

    def __len__(self) -> int:
        return len(self.paths())

    @property
    def height(self) -> int:
        """Rows in every part, from the Parquet footers."""
        return sum(pl.scan_parquet(path).select(pl.len()).collect().item() for path in self.paths())

    def select(self, *names: str) -> pl.DataFrame:
        """Some columns of every part, read alone."""
        frames = [pl.scan_parquet(path).select(names).collect() for path in self.paths()]
        return pl.concat([pl.DataFrame(schema={n: self.schema[n] for n in names}), *frames]).cast(
            {n: self.schema[n] for n in names}
        )

    def collect(self) -> pl.DataFrame:
        """Every part in one frame: for batches known to be small, and for tests."""
        return pl.concat([pl.DataFrame(schema=self.schema), *self], how="vertical")

    def read_parquet_sql(self) -> str:
        """DuckDB's ``read_parquet`` of the parts (and of the schema file, so that no parts is an empty table)."""
        files = ", ".join("'" + str(path).replace("'", "''") + "'" for path in [self.folder / SCHEMA_FILE, *self.paths()])
        return f"read_parquet([{files}])"


class Progress:
    """How far a long batch has got, told at most every ``every`` seconds: items done, rate, time left.

    A batch that ends before the first report says nothing, so short runs stay quiet. The line
    reads "<done> <n> of <total> <items> (<rate> <items>/s, about <s> s left)". ``every``
    defaults to MILITIA_PROGRESS_SECONDS (10).
    """

    def __init__(
        self,
        total: int,
        tell: Callable[[str], None],
        every: float | None = None,
        done: str = "extracted",
        items: str = "articles",
    ):
        every = float(os.environ.get("MILITIA_PROGRESS_SECONDS", 10.0)) if every is None else every
        self.total, self.tell, self.every, self.done, self.items = total, tell, every, done, items
        self.started = self.last = time.monotonic()
        self.told = False

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if now - self.last < self.every and not (done == self.total and self.told):
            return
        self.last, self.told = now, True
        rate = done / max(now - self.started, 1e-9)
        left = f", about {(self.total - done) / rate:,.0f} s left" if done < self.total and rate > 0 else ""
        self.tell(f"{self.done} {done:,} of {self.total:,} {self.items} ({rate:,.0f} {self.items}/s{left})")
