"""The warehouse: one working DuckDB file the pipeline writes, one served copy readers open.

DuckDB allows one writer per file and no reader beside it, so the pipeline never
writes the file analysts read. Every writing step holds an exclusive lock on the
warehouse folder; a successful run publishes by copying the working file beside
the served one and renaming it over (atomic on POSIX): a reader that holds the old
file open keeps reading the old marts, and the next reader sees the new ones.
"""


import contextlib
import fcntl
import os
import shutil
import time
from pathlib import Path
from typing import Iterator

import dagster as dg
import duckdb

WORK_DB = "work.duckdb"
SERVED_DB = "militia.duckdb"


class Warehouse(dg.ConfigurableResource):
    directory: str
    # A pipeline killed during `dbt build` leaves dbt running on its own until it ends;
    # the next run waits this long for it to let go of the working database.
    lock_wait_seconds: float = 600

    @property
    def path(self) -> Path:
        return Path(self.directory)

    @property
    def work_db(self) -> Path:
        return self.path / WORK_DB

    @property
    def served_db(self) -> Path:
        return self.path / SERVED_DB

    @property
    def parquet_dir(self) -> Path:
        return self.path / "parquet"

    @contextlib.contextmanager
    def write_lock(self) -> Iterator[None]:
        """Serialise every step that writes the working database, across processes."""
        self.path.mkdir(parents=True, exist_ok=True)
        with open(self.path / ".write.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the working database, under the write lock."""
        with self.write_lock():
            con = self._open_work_db()
            try:
                yield con
            finally:
                con.close()

    def _open_work_db(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_wait_seconds
        while True:
            try:
                return duckdb.connect(str(self.work_db))
            except duckdb.IOException as error:
                if "lock" not in str(error).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(1)

    def publish(self, tables: list[str]) -> dict[str, int]:
        """Copy the working database over the served one atomically; export each table to Parquet.

        Returns the row count of each published table.
        """
        counts: dict[str, int] = {}
        with self.connect() as con:
            con.execute("CHECKPOINT").fetchall()
            self.parquet_dir.mkdir(parents=True, exist_ok=True)
            for table in tables:
                counts[table] = con.execute(f"select count(*) from {table}").fetchall()[0][0]
                target = self.parquet_dir / f"{table.split('.')[-1]}.parquet"
                staging = target.with_suffix(".parquet.tmp")
                con.execute(f"copy {table} to '{staging}' (format parquet)").fetchall()
                os.replace(staging, target)
            staging_db = self.path / f".{SERVED_DB}.tmp"
            shutil.copyfile(self.work_db, staging_db)
        with open(staging_db, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(staging_db, self.served_db)
        # The rename itself survives a power cut only once the folder's entry is on disk.
        folder = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
        return counts
