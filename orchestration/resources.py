"""The warehouse: one working DuckDB file the pipeline writes, one served file readers open.

DuckDB allows one writer per file and no reader beside it, so the pipeline never
writes the file analysts read. Every writing step holds an exclusive lock on the
warehouse folder; a successful run publishes by writing a new served file from the
working one's marts, the Parquet exports and the report beside the served ones and
renaming them over (each rename atomic on POSIX): a reader that holds the old file
open keeps reading the old marts, and the next reader sees the new ones.
"""

import contextlib
import fcntl
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.raw_store import restore_raw_tables, run
from transforms.lake import Lake

WORK_DB = "work.duckdb"
SERVED_DB = "militia.duckdb"
# What the served file holds: the marts, the vocabulary seeds, and the raw record (the ledger,
# rejections, events, claims and each article's metadata) without the article text, which
# readers find in the lake partitions (orchestration/assets/lake.py). Staging and intermediate
# views stay in the working file.
SERVED_SCHEMAS = ("marts", "vocabulary", "raw")
SERVED_WITHOUT = {("raw", "articles"): ("text",)}
# DuckDB's own memory in a run (it spills to disk past it): by default it takes 80% of the machine's,
# and a merge or publish of a large batch would hold that much before writing it out.
WORK_DB_MEMORY = "512MB"
# Where a publish writes everything it will serve before swapping it in.
PUBLISH_STAGING = ".publish.tmp"


@contextlib.contextmanager
def exclusive_lock(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` (made with its folder if missing) across processes."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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

    @property
    def report_dir(self) -> Path:
        return self.path / "report"

    def dbt_vars(self) -> dict[str, str]:
        """The variables every dbt command on this warehouse gets: profiles.yml reads the folder from ``warehouse_dir``."""
        return {"warehouse_dir": str(self.path.resolve())}

    def dbt_vars_args(self) -> list[str]:
        """``dbt_vars`` as dbt's command-line option."""
        return ["--vars", json.dumps(self.dbt_vars(), sort_keys=True)]

    @contextlib.contextmanager
    def write_lock(self) -> Iterator[None]:
        """Serialise every step that writes the working database, across processes."""
        with exclusive_lock(self.path / ".write.lock"):
            yield

    @contextlib.contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the working database, under the write lock.

        Refused while the working database is lost beside a served file: opening it would make
        an empty one, and the next run would not restore it (``restore_work_db``).
        """
        with self.write_lock():
            if self.work_db_lost:
                raise dg.Failure(f"{self.work_db} is missing beside {self.served_db}: a pipeline run restores it first")
            con = self._open_work_db()
            try:
                yield con
            finally:
                con.close()

    @property
    def work_db_lost(self) -> bool:
        """The working database is gone while a served file exists: ``restore_work_db`` makes it again."""
        return not self.work_db.exists() and self.served_db.exists()

    def restore_work_db(self, lake: Lake) -> bool:
        """Rebuild a lost working database (``raw_store.restore_raw_tables``); True if it was lost.

        Scrapers may clean the landing folder once files are read, so the lake partitions and
        the served file can hold the only record of those articles: an empty working database
        would drop them from the next publish. The restored database has no publish logged
        (``orchestration.batches``), so the run that restores it rebuilds and publishes the marts.
        """
        with self.write_lock():
            if not self.work_db_lost:
                return False
            # The log of a database that is gone must not be replayed onto the new one.
            self.work_db.with_name(WORK_DB + ".wal").unlink(missing_ok=True)
            staging = self.path / f".{WORK_DB}.tmp"
            for leftover in (staging, staging.with_name(staging.name + ".wal")):
                leftover.unlink(missing_ok=True)
            try:
                con = duckdb.connect(str(staging))
                try:
                    restore_raw_tables(con, self.served_db, lake)
                finally:
                    con.close()
                os.replace(staging, self.work_db)
            finally:
                staging.unlink(missing_ok=True)
        return True

    def _open_work_db(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_wait_seconds
        while True:
            try:
                return duckdb.connect(str(self.work_db), config={"memory_limit": WORK_DB_MEMORY})
            except duckdb.IOException as error:
                if "lock" not in str(error).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(1)

    def publish(self, tables: list[str], render: Callable[[Path, Path], Path] | None) -> dict[str, int]:
        """Serve the built warehouse: the database, one Parquet file per table and the report, swapped in together.

        Everything is written to a staging folder first: a new database of what the served
        file holds (``SERVED_SCHEMAS``), written from the working one, the Parquet files, and
        the report ``render(parquet_dir, out_dir)`` makes of them. A publish that
        fails or is killed there leaves every served file as it was, and its staging folder
        is removed (at once, or by the next publish). Only a complete, fsynced stage is
        renamed into place, file by file, the database last. Returns each table's row count.

        ``render`` None: the tables are those served already, so only the database is written
        again (for the raw record beside them); the Parquet files and the report stay.
        """
        staging = self.path / PUBLISH_STAGING
        shutil.rmtree(staging, ignore_errors=True)  # left by a publish that was killed
        try:
            (staging / "parquet").mkdir(parents=True)
            counts: dict[str, int] = {}
            with self.connect() as con:
                for table in tables:
                    counts[table] = con.execute(f"select count(*) from {table}").fetchall()[0][0]
                    if render:
                        target = str(staging / "parquet" / f"{table.split('.')[-1]}.parquet").replace("'", "''")
                        con.execute(f"copy {table} to '{target}' (format parquet)").fetchall()
                _write_served_file(con, staging / SERVED_DB)
            if render:
                render(staging / "parquet", staging / "report")
            for path in staging.rglob("*"):
                if path.is_file():
                    _fsync(path)
            for folder, served in (("parquet", self.parquet_dir), ("report", self.report_dir)) if render else ():
                served.mkdir(exist_ok=True)
                for path in sorted((staging / folder).iterdir()):
                    os.replace(path, served / path.name)
            os.replace(staging / SERVED_DB, self.served_db)
            # A rename survives a power cut only once the folder's entry is on disk.
            for folder in (self.parquet_dir, self.report_dir, self.path):
                _fsync(folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return counts


def _write_served_file(con: duckdb.DuckDBPyConnection, target: Path) -> None:
    """A new DuckDB file at ``target`` with the tables of ``SERVED_SCHEMAS`` read through ``con``, less ``SERVED_WITHOUT``."""
    tables = run(
        con,
        "select schema_name, table_name from duckdb_tables() where database_name = current_database() "
        "and schema_name in (select unnest(?)) order by all",
        [list(SERVED_SCHEMAS)],
    )
    quoted = str(target).replace("'", "''")
    run(con, f"attach '{quoted}' as served_file")
    try:
        for schema, table in tables:
            run(con, f'create schema if not exists served_file."{schema}"')
            left_out = SERVED_WITHOUT.get((schema, table))
            columns = f"* exclude ({', '.join(left_out)})" if left_out else "*"
            run(con, f'create table served_file."{schema}"."{table}" as select {columns} from "{schema}"."{table}"')
    finally:
        run(con, "detach served_file")


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
