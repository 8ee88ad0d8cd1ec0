"""A batch flows in parts (issue 11): read, extracted and merged a chunk of articles at a time, with
the same result as in one piece, and a long batch tells how far it has got."""

import datetime as dt
import shutil

import dagster as dg
import duckdb
import polars as pl
from conftest import GOLD, SAMPLE_LANDING

from transforms.extract import extract_chunks, extract_frames
from transforms.ingest import ARTICLE_SCHEMA, LEDGER_SCHEMA, BatchRequest, StoredLanding, plan_batch
from transforms.parts import Parts

# The landing and extraction steps' outputs, which the raw merge reads.
FRAMES = ("raw_articles", "rejected_files", "landing_ledger", "events", "event_claims", "extraction_rejects")

NOTHING_STORED = StoredLanding(
    ledger=pl.DataFrame(schema=LEDGER_SCHEMA),
    article_files={},
    duplicates=pl.DataFrame(schema={"file": pl.String, "duplicate_of": pl.String}),
    stale_articles=pl.DataFrame(schema=ARTICLE_SCHEMA),
    manifest_rows={},
)


def landing_with_duplicates(tmp_path):
    """The gold articles, a copy of the first under a name read last, and a file that is not text."""
    landing = tmp_path / "landing"
    shutil.copytree(GOLD / "articles", landing)
    first = sorted(landing.glob("*.txt"))[0]
    (landing / "zzz_copy.txt").write_bytes(first.read_bytes())
    (landing / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return landing


def test_a_batch_read_in_chunks_equals_one_read(tmp_path):
    landing = landing_with_duplicates(tmp_path)
    now = dt.datetime.now(dt.UTC)
    whole = plan_batch(landing, NOTHING_STORED, BatchRequest(), now)
    parts = Parts.create(tmp_path / "parts", ARTICLE_SCHEMA)
    lines = []
    chunked = plan_batch(
        landing, NOTHING_STORED, BatchRequest(), now, sink=parts.append, chunk_articles=7, tell_progress=lines.append
    )

    files = len(list(landing.iterdir())) - 1  # the manifest is not a file to read
    assert len(parts) == -(-files // 7) > 1 and chunked.articles.is_empty()
    assert parts.collect().equals(whole.articles) and chunked.article_count == whole.article_count == parts.height
    assert chunked.rejected.equals(whole.rejected) and chunked.ledger.equals(whole.ledger)
    # The copy, read in the last chunk, is still told a duplicate of the first file, read in the first.
    assert "zzz_copy.txt" in chunked.rejected.filter(pl.col("duplicate_of").is_not_null())["file"].to_list()
    assert lines == [], "a short batch tells no progress"


def test_events_of_a_batch_in_parts_equal_those_of_one_part(tmp_path):
    whole = plan_batch(landing_with_duplicates(tmp_path), NOTHING_STORED, BatchRequest(), dt.datetime.now(dt.UTC))
    articles = Parts.create(tmp_path / "articles", ARTICLE_SCHEMA)
    for first in range(0, whole.articles.height, 10):
        articles.append(whole.articles.slice(first, 10))

    one = extract_frames(whole.articles, workers=1)
    lines = []
    parts = list(extract_chunks(articles, articles.height, workers=2, tell_progress=lines.append))

    assert len(parts) == len(articles) > 1 and one.events.height > 0
    for field in ("events", "claims", "quarantined"):
        assert pl.concat([getattr(p, field) for p in parts]).equals(getattr(one, field)), field
    # Part i of the events comes from part i of the articles.
    for events, part in zip(parts, articles, strict=True):
        assert set(events.events["article_id"]) <= set(part["article_id"])


def test_a_run_in_parts_loads_what_a_run_in_one_part_loads_and_tells_its_progress(
    pipeline, sample_warehouse, tmp_path, monkeypatch
):
    from orchestration.assets.articles import LandingFolder
    from orchestration.io_managers import PolarsParquetIOManager
    from orchestration.raw_store import RAW_TABLES
    from orchestration.resources import Warehouse

    monkeypatch.setenv("MILITIA_PROGRESS_SECONDS", "0")
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse"
    shutil.copytree(SAMPLE_LANDING, landing)
    instance = dg.DagsterInstance.ephemeral()
    result = (
        pipeline.defs.resolve_job_def("pipeline")
        .get_subset(asset_selection={*map(dg.AssetKey, FRAMES), *(dg.AssetKey(["raw", table]) for table in RAW_TABLES)})
        .execute_in_process(
            resources={
                "landing": LandingFolder(directory=str(landing), chunk_articles=2),
                "warehouse": Warehouse(directory=str(warehouse)),
                "frames": PolarsParquetIOManager(directory=str(warehouse / "frames")),
            },
            instance=instance,
        )
    )
    assert result.success
    assert len(Parts.open(warehouse / "frames" / "raw_articles")) == len(Parts.open(warehouse / "frames" / "events")) > 1

    def stored(path, table):
        with duckdb.connect(str(path), read_only=True) as con:
            return con.sql(f"select * from raw.{table} order by all").pl()

    for table in ("events", "event_claims"):
        assert stored(warehouse / "work.duckdb", table).equals(stored(sample_warehouse / "militia.duckdb", table)), table
    articles = stored(warehouse / "work.duckdb", "articles").drop("ingested_at")
    assert articles.equals(stored(sample_warehouse / "work.duckdb", "articles").drop("ingested_at"))

    told = [record.user_message for record in instance.all_logs(result.run_id) if record.user_message]
    files = len([f for f in landing.iterdir() if f.name != "manifest.csv"])
    assert any(line.startswith(f"read 2 of {files} files (") and "s left)" in line for line in told), told
    assert any(line.startswith(f"extracted {articles.height} of {articles.height} articles (") for line in told), told
