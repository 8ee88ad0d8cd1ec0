"""Marts after incremental runs are those of a cold run over the same files, and a batch that changes
nothing the marts read runs no dbt.

The first tests merge batches into an in-memory DuckDB as the raw_tables asset does and look at
the count of changed mart input rows it logs (``orchestration.raw_store.MART_INPUTS``). The
scenario runs the pipeline job batch after batch (new reports, unrelated news, a manifest
change, a rewritten report, a retraction) on a warehouse of its own, and compares its marts
with those of cold runs, each on a fresh warehouse, over the same landing folder.
"""

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest
from conftest import GOLD, SAMPLE_LANDING, execute_pipeline
from warehouse_state import snapshot

from expectations.verdicts import article_refusal
from orchestration.assets.serving import PUBLISHED_MARTS
from orchestration.batches import marts_build_reason
from orchestration.dbt_setup import dbt_project_digest
from orchestration.raw_store import merge_batch, stored_landing
from orchestration.resources import SERVED_DB, WORK_DB
from transforms.extract import extract_frames
from transforms.ingest import BatchRequest, plan_batch

# Invented news with no act of EVENTS.md in it.
UNRELATED = "افتتح وزير التربية مدرسة جديدة في مدينة البصرة صباح اليوم بحضور عدد من المسؤولين المحليين.\n"
UNRELATED_TOO = "ارتفعت أسعار الخضار في أسواق دمشق خلال الأسبوع الماضي بسبب موجة البرد.\n"


def gold(name: str) -> str:
    return (GOLD / "articles" / name).read_text(encoding="utf-8")


def merge_folder(con: duckdb.DuckDBPyConnection, landing: Path, **request) -> int:
    """Plan, extract and merge the folder's pending batch as the pipeline does; the mart input rows it changed."""
    batch = plan_batch(
        landing, stored_landing(con, all_stale=False), BatchRequest(**request), dt.datetime.now(dt.UTC), refusal=article_refusal
    )
    extraction = extract_frames(batch.articles, workers=1)
    _, changes = merge_batch(con, batch.articles, batch.rejected, batch.ledger, extraction.events, extraction.claims, "test")
    return changes


def set_manifest(landing: Path, file: str, row: str) -> None:
    """Replace ``file``'s manifest row (file,published_on,language) with ``row``."""
    manifest = landing / "manifest.csv"
    lines = [line if not line.startswith(f"{file},") else row for line in manifest.read_text(encoding="utf-8").splitlines()]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_only_batches_that_change_what_the_marts_read_count(tmp_path):
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLE_LANDING, landing)
    con = duckdb.connect()
    assert merge_folder(con, landing) > 0  # the first batch: the samples' events and the places
    assert merge_folder(con, landing) == 0  # nothing new

    (landing / "unrelated.txt").write_text(UNRELATED, encoding="utf-8")
    assert merge_folder(con, landing) == 0  # an article without events reaches no mart

    (landing / "report.txt").write_text(gold("028_taji_ten_katyusha_kh.txt"), encoding="utf-8")
    added = merge_folder(con, landing)
    events, claims = (
        con.sql(f"select count(*) from raw.{t} where {c}").fetchall()[0][0]
        for t, c in (
            ("events", "article = 'report.txt'"),
            ("event_claims", "event_id in (select event_id from raw.events where article = 'report.txt')"),
        )
    )
    assert events > 0 and added == events + claims + 1  # its events, their claims, its article

    # The same text again, with a new modification time: touched, not read again.
    (landing / "report.txt").write_text(gold("028_taji_ten_katyusha_kh.txt"), encoding="utf-8")
    assert merge_folder(con, landing) == 0

    # A publication date the manifest gives: the unrelated article's changes nothing, the report's its rows.
    with open(landing / "manifest.csv", "a", encoding="utf-8") as manifest:
        manifest.write("unrelated.txt,2024-03-01,ar\n")
    assert merge_folder(con, landing) == 0
    with open(landing / "manifest.csv", "a", encoding="utf-8") as manifest:
        manifest.write("report.txt,2024-03-01,ar\n")
    assert merge_folder(con, landing) > 0

    (landing / "report.txt").write_text(gold("027_balad_eight_katyusha.txt"), encoding="utf-8")
    assert merge_folder(con, landing) > 0  # rewritten with other acts

    assert merge_folder(con, landing, retract=["report.txt"]) > 0


def run(pipeline, landing: Path, warehouse: Path, **config) -> SimpleNamespace:
    """The pipeline job on these folders: which models dbt rebuilt, and the marts of the working and served files."""
    result = execute_pipeline(pipeline, landing, warehouse, {"ops": {"landing_files": {"config": config}}})
    assert result.success
    rebuilt = {
        e.asset_key.path[-1]: e.materialization.metadata.get("rebuilt") is None
        for e in result.get_asset_materialization_events()
        if e.step_key == "dbt_models"
    }
    return SimpleNamespace(
        rebuilt=rebuilt,
        work=snapshot(warehouse / WORK_DB, schemas=("marts",)),
        served=snapshot(warehouse / SERVED_DB, schemas=("marts",)),
        served_articles=served_articles(warehouse),
        parquet={p.name: (p.stat().st_ino, p.read_bytes()) for p in (warehouse / "parquet").iterdir()},
    )


def served_articles(warehouse: Path) -> set[str]:
    with duckdb.connect(str(warehouse / SERVED_DB), read_only=True) as con:
        return {row[0] for row in con.sql("select file from raw.articles").fetchall()}


def cold(pipeline, landing: Path, root: Path) -> SimpleNamespace:
    """A first run over a copy of ``landing`` on a fresh warehouse."""
    root.mkdir()
    shutil.copytree(landing, root / "landing")
    return run(pipeline, root / "landing", root / "warehouse")


@pytest.fixture(scope="module")
def scenario(pipeline, sample_warehouse, tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental_marts")
    landing, warehouse = root / "landing", root / "warehouse"
    # The samples and the warehouse their first run left (copies, modification times kept).
    shutil.copytree(SAMPLE_LANDING, landing)
    shutil.copytree(sample_warehouse, warehouse)
    first = SimpleNamespace(
        work=snapshot(warehouse / WORK_DB, schemas=("marts",)), served=snapshot(warehouse / SERVED_DB, schemas=("marts",))
    )

    # New reports (one at a base and day a sample reports too), unrelated news, and a sample's
    # publication date moved by its manifest row.
    (landing / "qasrak.txt").write_text(gold("020_qasrak_twice_in_two_days.txt"), encoding="utf-8")
    (landing / "taji.txt").write_text(gold("028_taji_ten_katyusha_kh.txt"), encoding="utf-8")
    (landing / "unrelated.txt").write_text(UNRELATED, encoding="utf-8")
    set_manifest(landing, "002_abd49c5c24e88f9e.txt", "002_abd49c5c24e88f9e.txt,2023-10-29,ar")
    added = run(pipeline, landing, warehouse)
    cold_added = cold(pipeline, landing, root / "cold_added")

    # A report rewritten with other acts, and one retracted (gone from the folder).
    (landing / "qasrak.txt").write_text(gold("024_victoria_iraqi_dialect.txt"), encoding="utf-8")
    (landing / "taji.txt").unlink()
    changed = run(pipeline, landing, warehouse, retract=["taji.txt"])

    # Unrelated news only.
    (landing / "unrelated too.txt").write_text(UNRELATED_TOO, encoding="utf-8")
    unrelated = run(pipeline, landing, warehouse)
    with duckdb.connect(str(warehouse / WORK_DB), read_only=True) as con:
        reason_after = marts_build_reason(con, dbt_project_digest())
    return SimpleNamespace(
        first=first,
        added=added,
        cold_added=cold_added,
        changed=changed,
        unrelated=unrelated,
        cold_final=cold(pipeline, landing, root / "cold_final"),
        reason_after=reason_after,
    )


def test_marts_after_incremental_runs_are_those_of_a_cold_run(scenario):
    assert scenario.added.work == scenario.cold_added.work
    assert scenario.added.served == scenario.cold_added.served == scenario.added.work
    assert scenario.unrelated.work == scenario.cold_final.work
    assert scenario.unrelated.served == scenario.cold_final.served == scenario.unrelated.work
    # And each batch's reports did change the marts: the comparisons are not of unchanged marts.
    assert scenario.first.work != scenario.added.work != scenario.changed.work


def test_batches_that_change_the_marts_rebuild_them(scenario):
    for batch in (scenario.added, scenario.changed):
        assert all(batch.rebuilt[name] for name in PUBLISHED_MARTS)
        # The project did not change: its seeds and views stay as the last build made them.
        assert "stg_raw__events" not in batch.rebuilt and "actors" not in batch.rebuilt


def test_unrelated_news_runs_no_dbt_and_serves_the_new_raw_record(scenario):
    assert scenario.unrelated.rebuilt.keys() >= set(PUBLISHED_MARTS)
    assert not any(scenario.unrelated.rebuilt.values())
    assert scenario.unrelated.work == scenario.changed.work
    # The mart Parquet files stay as they were (same inodes, same bytes); the served raw record has the new article.
    assert scenario.unrelated.parquet == scenario.changed.parquet
    assert scenario.unrelated.served_articles - scenario.changed.served_articles == {"unrelated too.txt"}
    assert scenario.reason_after is None
