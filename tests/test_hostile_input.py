"""Issue 15: no single file or manifest can stall, fail or silently thin the warehouse.

One test (or a few) per numbered case of the issue, each a real pipeline run or a real
read of a landing folder the test writes, each under its own timeout: a stall fails the
test instead of hanging the suite. Case 7 (javascript: links in the report) is the
report's own test.
"""

import datetime
import os
import shutil
from types import SimpleNamespace

import duckdb
import polars as pl
import pytest
from conftest import GOLD, SAMPLE_LANDING, execute_pipeline
from warehouse_state import snapshot

from orchestration.assets.articles import LandingFolder
from orchestration.assets.serving import PUBLISHED_MARTS
from orchestration.automation import landing_run_key
from orchestration.report import REPORT_FILE, render_report
from orchestration.resources import PUBLISH_STAGING, Warehouse
from transforms.extract import extract_frames
from transforms.ingest import read_landing, read_manifest

# The regex blow-up: a long run of digits where a count is expected.
DIGIT_RUN = "أطلقت " + "٣" * 500_000 + " صاروخا على قاعدة حرير"
# Small enough that no test waits long on a stalled article, far above what an article takes (milliseconds).
SECONDS_PER_ARTICLE = 3.0
# Five events in one article: the reference the damaged copies are compared with.
FIVE_EVENTS = "030_strike_round_three_places.txt"


def gold(name: str) -> bytes:
    return (GOLD / "articles" / name).read_bytes()


def run_pipeline(pipeline, landing, warehouse, **landing_config):
    """The pipeline job on the test's folders, with the per-article time budget the test affords."""
    result = execute_pipeline(
        pipeline,
        landing,
        warehouse,
        run_config={
            "ops": {
                "landing_files": {"config": landing_config},
                "extracted_events": {"config": {"seconds_per_article": SECONDS_PER_ARTICLE}},
            }
        },
    )
    failures = [e.step_failure_data.error.message for e in result.all_events if e.is_step_failure]
    assert result.success, failures
    return SimpleNamespace(
        landing={
            label: value.value
            for e in result.get_asset_materialization_events()
            if e.asset_key.path[-1] in ("raw_articles", "rejected_files", "landing_ledger")
            for label, value in e.materialization.metadata.items()
        },
    )


def served_rows(warehouse, sql):
    con = duckdb.connect(str(warehouse / "militia.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def quarantined(warehouse) -> dict[str, str]:
    return dict(served_rows(warehouse, "select file, reason from raw.rejected_files"))


def loaded(warehouse) -> set[str]:
    return {file for (file,) in served_rows(warehouse, "select file from raw.articles")}


def sample_folder(tmp_path):
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLE_LANDING, landing)
    return landing, tmp_path / "warehouse"


def sample_files() -> set[str]:
    return {p.name for p in SAMPLE_LANDING.iterdir() if p.name != "manifest.csv"}


# Cases 1 and 3 share one landing folder and its two runs: none of their files can stop the
# others from being read, recorded or quarantined, so one pair of runs shows both.

STALLING_FILES = {"digits.txt", "words.txt"}


@pytest.fixture(scope="module")
def landing_with_bad_entries(pipeline, tmp_path_factory):
    """The samples, case 1's stalling files and case 3's bad entries, run twice: what the first run left, and the second run."""
    root = tmp_path_factory.mktemp("bad-entries")
    landing, warehouse = sample_folder(root)
    (landing / "digits.txt").write_text(DIGIT_RUN, encoding="utf-8")
    words = ["قصف", "صاروخ", "القاعدة", "الأمريكية", "في", "حقل", "كونيكو", "بريف", "دير", "الزور", "أطلقت", "طائرة"]
    # 15 MB of Arabic words and no punctuation: one sentence the length of the file.
    (landing / "words.txt").write_text(" ".join(words[i % len(words)] for i in range(1_500_000)), encoding="utf-8")
    (landing / "future.txt").write_bytes(gold("026_harir_erbil_header_date.txt").replace(b"2024/01/14", b"2099/01/14", 1))
    with open(os.path.join(os.fsencode(landing), b"bad-\xff-name.txt"), "wb") as handle:
        handle.write(gold("007_ain_asad_thirteen_rockets.txt"))
    (landing / "manifest.csv").rename(root / "manifest.csv")
    (landing / "manifest.csv").mkdir()
    (landing / "good.txt").write_bytes(gold("019_rumeilan_single_rocket.txt"))
    run_pipeline(pipeline, landing, warehouse)
    first = SimpleNamespace(
        loaded=loaded(warehouse),
        quarantined=quarantined(warehouse),
        ledger=dict(served_rows(warehouse, "select file, outcome from raw.landing_ledger")),
        run_key=landing_run_key(landing, warehouse / "militia.duckdb", LandingFolder(directory=str(landing)).max_bytes),
    )
    return SimpleNamespace(first=first, again=run_pipeline(pipeline, landing, warehouse))


# 1. Regex blow-up ------------------------------------------------------------------------


@pytest.mark.timeout(120)
def test_1_article_over_the_time_budget_is_quarantined_and_the_batch_loads():
    articles, _ = read_landing(SAMPLE_LANDING)
    hostile = pl.DataFrame(
        [{"article_id": "0" * 16, "file": "digits.txt", "text": DIGIT_RUN, "manifest_published_on": None}],
        schema=articles.select("article_id", "file", "text", "manifest_published_on").schema,
    )
    batch = pl.concat([articles.select(hostile.columns).head(2), hostile, articles.select(hostile.columns).tail(3)])
    # No budget at all: every article is given up, each with a reason, and the call returns.
    nothing = extract_frames(batch, seconds_per_article=0)
    assert nothing.events.is_empty()
    assert nothing.quarantined["file"].to_list() == batch["file"].to_list()
    assert set(nothing.quarantined["reason"]) == {"extraction gave up after 0 s on this article (time budget per article)"}
    # A budget: the samples' events all come out, whatever the digit run costs.
    alone = extract_frames(articles)
    extraction = extract_frames(batch, seconds_per_article=SECONDS_PER_ARTICLE)
    assert extraction.events.filter(pl.col("article") != "digits.txt").equals(alone.events)
    assert extraction.quarantined["file"].to_list() in ([], ["digits.txt"])


@pytest.mark.timeout(300)
def test_1_stalling_files_recorded_so_later_runs_do_not_read_them_again(landing_with_bad_entries):
    first = landing_with_bad_entries.first
    assert sample_files() <= first.loaded
    for name in STALLING_FILES:
        assert name in first.loaded or first.quarantined[name].startswith("extraction gave up after 3 s"), name
    assert {first.ledger["digits.txt"], first.ledger["words.txt"]} <= {"article", "rejected"}
    assert first.run_key == (None, 0)
    assert landing_with_bad_entries.again.landing == {}  # no batch at all: nothing read, nothing built


# 2. FIFOs --------------------------------------------------------------------------------


@pytest.mark.timeout(180)
def test_2_fifos_refused_before_they_are_opened(pipeline, loaded_sample, tmp_path):
    landing, warehouse = loaded_sample
    os.mkfifo(landing / "pipe.txt")
    (landing / "manifest.csv").rename(tmp_path / "manifest.csv")
    os.mkfifo(landing / "manifest.csv")
    # The sensor's comparison opens nothing that can block.
    assert landing_run_key(landing, warehouse / "militia.duckdb", 20_000_000)[1] == 1
    run_pipeline(pipeline, landing, warehouse)
    reasons = quarantined(warehouse)
    assert reasons["pipe.txt"] == "not a regular file: a FIFO, not opened"
    assert reasons["manifest.csv"] == "manifest refused, the metadata already loaded kept: not a regular file: a FIFO, not opened"
    assert sample_files() <= loaded(warehouse)


# 3. One bad entry ------------------------------------------------------------------------


@pytest.mark.timeout(300)
def test_3_bad_entries_quarantined_by_name_and_good_files_loaded(landing_with_bad_entries):
    first = landing_with_bad_entries.first
    assert first.loaded - STALLING_FILES == sample_files() | {"good.txt"}
    reasons = first.quarantined
    assert reasons["future.txt"].startswith(
        "published_on 2099-01-14 (from the text) is outside the article contract's range 2003-01-01 to "
    )
    assert reasons["bad-\\xff-name.txt"] == "file name is not UTF-8 (shown with its bytes escaped), not read: rename the file"
    assert (
        reasons["manifest.csv"]
        == "manifest refused, the metadata already loaded kept: not a regular file: a directory, not opened"
    )


# 4. Damaged UTF-8 ------------------------------------------------------------------------


@pytest.mark.timeout(120)
def test_4_damaged_utf8_repaired_or_quarantined_never_read_as_windows_1256(tmp_path):
    clean = gold(FIVE_EVENTS)
    middle = len(clean) // 2
    while clean[middle] & 0xC0 == 0x80:  # the start of a character
        middle += 1
    arabic = clean.index("غارات".encode())
    folder = tmp_path / "landing"
    folder.mkdir()
    for name, data in {
        "clean.txt": clean,
        "cut.txt": clean.rstrip() + b"\n" + "غارات".encode()[:-1],
        "stray.txt": clean[:arabic] + b"\xff" + clean[arabic:],
        "mixed.txt": clean[:middle] + clean[middle:].decode("utf-8").encode("cp1256", errors="replace"),
    }.items():
        (folder / name).write_bytes(data)
    articles, rejected = read_landing(folder)
    by_file = {row["file"]: row for row in articles.iter_rows(named=True)}
    assert by_file["clean.txt"]["encoding"] == "utf-8"
    assert by_file["cut.txt"]["encoding"] == by_file["stray.txt"]["encoding"] == "utf-8+repaired"
    assert "\ufffd" in by_file["stray.txt"]["text"]
    reason = rejected.filter(pl.col("file") == "mixed.txt")["reason"].item()
    assert reason.startswith("mixed encodings:")
    events = extract_frames(articles).events.group_by("article").len()
    counts = dict(events.iter_rows())
    assert counts["clean.txt"] > 0
    assert counts["cut.txt"] == counts["stray.txt"] == counts["clean.txt"]


# 5. Manifests ----------------------------------------------------------------------------

GOOD_MANIFEST = "file,published_on,url,outlet,language\na.txt,2024-01-14,https://example.org/a,المرصد,ar\nb.txt,2024-02-03,https://example.org/b,الميادين,ar\n"


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("manifest", "reason"),
    [
        (GOOD_MANIFEST.encode("utf-8")[:-25], "the last line has no line end: cut while being written?"),
        (GOOD_MANIFEST.replace("file,", "filename,", 1).encode("utf-8"), "no 'file' column in the header"),
        ("قصف صاروخي يطال القاعدة\nالأمريكية في حقل كونيكو\n".encode(), "no 'file' column in the header"),
        ((GOOD_MANIFEST + "a.txt,2024-01-15,https://example.org/a,المرصد,ar\n").encode("utf-8"), "rows for 'a.txt' disagree"),
        ((GOOD_MANIFEST + "b.txt,2024-02-03\n").encode("utf-8"), "row 4 has 2 fields, the header 5"),
    ],
)
def test_5_bad_manifest_refused_as_a_whole_with_a_reason(tmp_path, manifest, reason):
    folder = tmp_path / "landing"
    folder.mkdir()
    (folder / "a.txt").write_bytes(gold("026_harir_erbil_header_date.txt"))
    (folder / "b.txt").write_bytes(gold(FIVE_EVENTS))
    (folder / "manifest.csv").write_bytes(manifest)
    rows, problems = read_manifest(folder)
    assert rows == {}
    assert [p["file"] for p in problems] == ["manifest.csv"]
    assert problems[0]["reason"].startswith("manifest refused, the metadata already loaded kept: ")
    assert reason in problems[0]["reason"]


@pytest.mark.timeout(300)
def test_5_bad_or_partial_manifest_never_strips_loaded_metadata(pipeline, loaded_sample):
    landing, warehouse = loaded_sample
    good = (landing / "manifest.csv").read_bytes()
    before = snapshot(warehouse / "militia.duckdb")
    metadata = "select file, published_on, published_on_source, manifest_published_on, url, outlet, language from raw.articles"
    kept = served_rows(warehouse, metadata)
    assert any(row[3] is not None for row in kept)

    (landing / "manifest.csv").write_bytes(good[: len(good) * 2 // 3])  # cut while being written
    run_pipeline(pipeline, landing, warehouse)
    assert quarantined(warehouse)["manifest.csv"].startswith("manifest refused")
    after = snapshot(warehouse / "militia.duckdb")
    assert {k: v for k, v in after.items() if k != "raw.rejected_files"} == {
        k: v for k, v in before.items() if k != "raw.rejected_files"
    }

    # A good manifest that lists only new files erases nothing either, even when every file is
    # read again; written in windows-1256, it is decoded.
    (landing / "new.txt").write_bytes(gold("019_rumeilan_single_rocket.txt"))
    (landing / "manifest.csv").write_bytes("file,published_on,outlet,language\nnew.txt,2024-01-20,الميادين,ar\n".encode("cp1256"))
    run_pipeline(pipeline, landing, warehouse, full=True)
    assert set(served_rows(warehouse, metadata)) >= set(kept)
    assert "manifest.csv" not in quarantined(warehouse)
    assert served_rows(warehouse, "select manifest_published_on, outlet from raw.articles where file = 'new.txt'") == [
        (datetime.date(2024, 1, 20), "الميادين")
    ]


# 6. Losing work.duckdb -------------------------------------------------------------------


@pytest.mark.timeout(300)
def test_6_lost_working_database_restored_from_the_served_copy_and_the_lake(pipeline, loaded_sample):
    landing, warehouse = loaded_sample
    before = snapshot(warehouse / "militia.duckdb")
    raw_before = snapshot(warehouse / "work.duckdb", schemas=("raw",), keep_times=True)
    for path in landing.iterdir():  # scrapers cleaned up, as the README allows
        path.unlink()
    (warehouse / "work.duckdb").unlink()
    run_pipeline(pipeline, landing, warehouse)
    assert snapshot(warehouse / "militia.duckdb") == before
    assert loaded(warehouse) == sample_files()
    # Article text, events and claims from the lake, the ledger and rejections from the served file.
    assert snapshot(warehouse / "work.duckdb", schemas=("raw",), keep_times=True) == raw_before


# 8. Hard links ---------------------------------------------------------------------------


@pytest.mark.timeout(60)
def test_8_hard_link_refused_like_a_symbolic_link(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(gold("007_ain_asad_thirteen_rockets.txt"))
    folder = tmp_path / "landing"
    folder.mkdir()
    os.link(secret, folder / "passwd.txt")
    (folder / "good.txt").write_bytes(gold("019_rumeilan_single_rocket.txt"))
    articles, rejected = read_landing(folder)
    assert articles["file"].to_list() == ["good.txt"]
    assert rejected.select("file", "reason").rows() == [("passwd.txt", "a hard link (2 names for one file), not followed")]


# 9. Publishing ---------------------------------------------------------------------------


@pytest.mark.timeout(300)
def test_9_failed_publish_changes_no_served_file_and_leaves_no_temporary_file(loaded_sample):
    _, warehouse = loaded_sample
    served = {
        path: path.read_bytes()
        for path in warehouse.glob("**/*")
        if path.is_file() and path.parts[len(warehouse.parts)] in ("militia.duckdb", "parquet", "report")
    }
    assert any(p.suffix == ".parquet" for p in served) and warehouse / "report" / REPORT_FILE in served
    # Left by a publish killed while it staged: a full-size copy of the database.
    (warehouse / PUBLISH_STAGING).mkdir()
    shutil.copyfile(warehouse / "militia.duckdb", warehouse / PUBLISH_STAGING / "militia.duckdb")

    resource = Warehouse(directory=str(warehouse))
    with pytest.raises(duckdb.CatalogException):
        # The first mart is exported before the missing one fails the publish.
        resource.publish(["marts.fct_incidents", "marts.no_such_mart"], render_report)
    assert {path: path.read_bytes() for path in served} == served
    assert not (warehouse / PUBLISH_STAGING).exists()
    assert not list(warehouse.glob("*.tmp")) and not list(warehouse.glob("**/*.tmp"))

    counts = resource.publish([f"marts.{name}" for name in PUBLISHED_MARTS], render_report)
    assert counts["marts.fct_incidents"] > 0
    assert not (warehouse / PUBLISH_STAGING).exists() and not list(warehouse.glob("**/*.tmp"))
