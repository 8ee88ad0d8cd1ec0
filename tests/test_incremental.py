"""Incremental runs of the whole pipeline on a landing folder of the test's own, bad files included.

One scenario, run in order once for the module: a first run over the samples and every
kind of bad file; a rerun with nothing changed; a run after files were changed, added,
touched and an extractor version moved on; a run retracting a deleted file and replaying
a quarantined one. The tests then look at what each run left.
"""

import datetime as dt
import os
import shutil
from types import SimpleNamespace

import dagster as dg
import duckdb
import pytest
from conftest import GOLD, SAMPLE_LANDING, execute_pipeline
from test_ingest import png_bytes
from warehouse_state import snapshot

from orchestration.__main__ import landing_config, parse
from orchestration.assets.articles import LandingFolder
from orchestration.automation import landing_folder_sensor, landing_run_key
from orchestration.resources import Warehouse

MAX_BYTES = 20_000


def gold(name: str) -> str:
    return (GOLD / "articles" / name).read_text(encoding="utf-8")


def bad_and_awkward_files() -> dict[str, bytes]:
    sample = (SAMPLE_LANDING / "000_d3e73161fdd243fc.txt").read_bytes()
    return {
        "empty.txt": b"",
        "image.txt": png_bytes(),
        "nul.txt": gold("019_rumeilan_single_rocket.txt").encode("utf-8").replace(b"\n", b"\x00", 1),
        "big.txt": (gold("051_first_wave_long_report.txt") + "\n" + "تحديث " * 3000).encode("utf-8"),
        "cp1256.txt": gold("007_ain_asad_thirteen_rockets.txt").encode("cp1256"),
        "utf16.txt": gold("013_baghdad_airport_two_katyusha.txt").encode("utf-16"),
        "bom.txt": b"\xef\xbb\xbf" + gold("016_embassy_seven_rockets.txt").encode("utf-8"),
        "crlf.txt": gold("021_malikiyah_drone_friday.txt").replace("\n", "\r\n", 3).replace("\n", "\r", 2).encode("utf-8"),
        "page.html": f"<html><body><h1>خبر</h1><p>{gold('029_tower22_three_killed.txt')}</p></body></html>".encode(),
        "نسخة 'مكررة' \"2\".txt": sample,
        "with space.txt": gold("003_tanf_two_drones_downed.txt").encode("utf-8"),
    }


MANIFEST_EXTRA = "with space.txt,2023-12-01,ar\ncp1256.txt,01/12/2023,ar\ngone.txt,2023-12-01,ar\n../outside.txt,2023-12-01,ar\n"


def run_pipeline(pipeline, landing, warehouse, max_bytes=MAX_BYTES, **config):
    """The pipeline job on this test's folders."""
    result = execute_pipeline(pipeline, landing, warehouse, {"ops": {"landing_files": {"config": config}}}, max_bytes)
    assert result.success
    return SimpleNamespace(
        landing={
            label: value.value
            for e in result.get_asset_materialization_events()
            if e.asset_key.path[-1] in ("raw_articles", "rejected_files", "landing_ledger")
            for label, value in e.materialization.metadata.items()
        },
        # The working database: the served file holds no article text.
        state=snapshot(warehouse / "work.duckdb", keep_times=True),
        served=(warehouse / "militia.duckdb").read_bytes(),
    )


@pytest.fixture(scope="module")
def scenario(pipeline, tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    landing, warehouse = root / "landing", root / "warehouse"
    shutil.copytree(SAMPLE_LANDING, landing)
    for name, data in bad_and_awkward_files().items():
        (landing / name).write_bytes(data)
    with open(landing / "manifest.csv", "a", encoding="utf-8") as manifest:
        manifest.write(MANIFEST_EXTRA)
    keys = {}
    served = warehouse / "militia.duckdb"

    first = run_pipeline(pipeline, landing, warehouse)
    keys["after first"] = landing_run_key(landing, served, MAX_BYTES)
    unchanged = run_pipeline(pipeline, landing, warehouse)

    # Changed, new, touched and stale: a scraper re-delivered one article with new text, added
    # one, rewrote another with the same bytes, and the extractor moved on for a third.
    (landing / "001_54fb371e9b8ce2e8.txt").write_text(gold("020_qasrak_twice_in_two_days.txt"), encoding="utf-8")
    (landing / "new report.txt").write_text(gold("028_taji_ten_katyusha_kh.txt"), encoding="utf-8")
    os.utime(landing / "002_abd49c5c24e88f9e.txt")
    con = duckdb.connect(str(warehouse / "work.duckdb"))
    con.execute("update raw.articles set extractor_version = '0.0.1-old' where file = '003_32638afa5e7834e6.txt'").fetchall()
    con.close()
    keys["pending"] = landing_run_key(landing, served, MAX_BYTES)
    keys["pending again"] = landing_run_key(landing, served, MAX_BYTES)
    sensor_request = landing_folder_sensor(
        dg.build_sensor_context(
            resources={
                "landing": LandingFolder(directory=str(landing), max_bytes=MAX_BYTES),
                "warehouse": Warehouse(directory=str(warehouse)),
            }
        )
    )
    (landing / "001_54fb371e9b8ce2e8.txt").write_text(gold("024_victoria_iraqi_dialect.txt"), encoding="utf-8")
    keys["replaced again"] = landing_run_key(landing, served, MAX_BYTES)
    changed = run_pipeline(pipeline, landing, warehouse)
    keys["after changes"] = landing_run_key(landing, served, MAX_BYTES)

    (landing / "new report.txt").unlink()
    retracted = run_pipeline(
        pipeline, landing, warehouse, max_bytes=10 * MAX_BYTES, retract=["new report.txt"], replay=["big.txt"]
    )
    return SimpleNamespace(
        first=first,
        unchanged=unchanged,
        changed=changed,
        retracted=retracted,
        keys=keys,
        sensor_request=sensor_request,
        landing=landing,
    )


def rejected(run):
    return {row[0]: row for row in run.state["raw.rejected_files"]}


def articles(run):
    """file -> (article_id, encoding, published_on, extractor_version, ingested_at)."""
    columns = [
        "article_id",
        "file",
        "text",
        "byte_size",
        "encoding",
        "published_on",
        "published_on_source",
        "manifest_published_on",
        "url",
        "outlet",
        "language",
        "ingested_at",
        "extractor_version",
    ]
    return {row[1]: dict(zip(columns, row)) for row in run.state["raw.articles"]}


def events_by_article(run):
    counts = {}
    for row in run.state["raw.events"]:
        counts[row[2]] = counts.get(row[2], 0) + 1
    return counts


def test_bad_files_quarantined_and_the_rest_loaded(scenario):
    quarantined = {name: row[2] for name, row in rejected(scenario.first).items()}
    assert quarantined["empty.txt"] == "empty file"
    assert quarantined["image.txt"].startswith("binary content: an image")
    assert quarantined["nul.txt"] == "binary content: contains NUL bytes"
    assert quarantined["big.txt"].startswith("file too large")
    assert quarantined["نسخة 'مكررة' \"2\".txt"] == "duplicate of 000_d3e73161fdd243fc.txt"
    assert quarantined["gone.txt"] == "manifest row names a missing file"
    assert quarantined["../outside.txt"] == "manifest row refused: path leaves the landing folder"
    assert quarantined["cp1256.txt"] == "manifest row: bad published_on '01/12/2023' ignored"
    image = rejected(scenario.first)["image.txt"]
    assert image[3] == len(png_bytes()) and image[4] == "89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52"

    loaded = articles(scenario.first)
    assert {name: loaded[name]["encoding"] for name in ("cp1256.txt", "utf16.txt", "bom.txt", "crlf.txt", "page.html")} == {
        "cp1256.txt": "windows-1256",
        "utf16.txt": "utf-16",
        "bom.txt": "utf-8",
        "crlf.txt": "utf-8",
        "page.html": "utf-8+html",
    }
    assert "\r" not in loaded["crlf.txt"]["text"] and "<p>" not in loaded["page.html"]["text"]
    assert loaded["with space.txt"]["manifest_published_on"] == dt.date(2023, 12, 1)  # MANIFEST_EXTRA's row
    events = events_by_article(scenario.first)
    assert all(events.get(name) for name in ("cp1256.txt", "utf16.txt", "bom.txt", "crlf.txt", "page.html", "with space.txt"))
    assert len(loaded) == 5 + 6


def test_rerun_of_unchanged_files_does_nothing(scenario):
    assert scenario.unchanged.landing == {}  # no batch: nothing read, merged or built
    assert scenario.unchanged.served == scenario.first.served
    assert scenario.unchanged.state == scenario.first.state  # ingested_at and read_at included


def test_only_changed_files_read_and_their_events_replaced(scenario):
    landing = scenario.changed.landing
    assert (
        landing["files read"],
        landing["new or changed articles"],
        landing["touched only"],
        landing["re-extracted articles"],
    ) == (2, 2, 1, 1)
    before, after = articles(scenario.unchanged), articles(scenario.changed)
    changed = "001_54fb371e9b8ce2e8.txt"
    assert after[changed]["article_id"] != before[changed]["article_id"]
    assert after[changed]["text"] == gold("024_victoria_iraqi_dialect.txt")
    old_ids = {row[0] for row in scenario.unchanged.state["raw.events"] if row[2] == changed}
    new_rows = [row for row in scenario.changed.state["raw.events"] if row[2] == changed]
    assert new_rows and not old_ids & {row[0] for row in new_rows}
    assert all(row[1] == after[changed]["article_id"] for row in new_rows)
    assert events_by_article(scenario.changed)["new report.txt"] >= 1
    # Touched only: same row, same ingestion time.
    assert after["002_abd49c5c24e88f9e.txt"] == before["002_abd49c5c24e88f9e.txt"]
    # Stale: extracted again under the current extractor.
    from transforms.events import EXTRACTOR_VERSION

    assert after["003_32638afa5e7834e6.txt"]["extractor_version"] == EXTRACTOR_VERSION
    assert after["004_db8ed1cf6bf6fdf7.txt"] == before["004_db8ed1cf6bf6fdf7.txt"]


def test_sensor_run_key_follows_content(scenario):
    keys = scenario.keys
    assert keys["after first"] == (None, 0) and keys["after changes"] == (None, 0)
    assert keys["pending"] == keys["pending again"]
    assert keys["pending"][1] == 2  # the changed file and the new one; the touched file is not a change
    assert keys["replaced again"][0] != keys["pending"][0]
    assert isinstance(scenario.sensor_request, dg.RunRequest)
    assert scenario.sensor_request.run_key == keys["pending"][0]


def test_retracted_file_leaves_and_replayed_file_loads(scenario):
    state = scenario.retracted.state
    assert "new report.txt" not in articles(scenario.retracted)
    assert "new report.txt" not in events_by_article(scenario.retracted)
    ledger = {row[0]: row for row in state["raw.landing_ledger"]}
    assert ledger["new report.txt"][5] == "retracted"
    assert "big.txt" in articles(scenario.retracted) and "big.txt" not in rejected(scenario.retracted)
    assert events_by_article(scenario.retracted).get("big.txt")
    claims_events = {row[0] for row in state["raw.event_claims"]}
    assert claims_events <= {row[0] for row in state["raw.events"]}


def test_command_line_names_the_batch():
    assert landing_config(parse(["retract", "a b.txt", "تقرير.txt"])) == {
        "full": False,
        "replay": [],
        "replay_rejected": False,
        "retract": ["a b.txt", "تقرير.txt"],
        "reextract": False,
    }
    assert landing_config(parse(["replay", "--rejected"]))["replay_rejected"] is True
    assert landing_config(parse(["--full"]))["full"] is True
    assert landing_config(parse(["reextract"]))["reextract"] is True
    with pytest.raises(SystemExit):
        parse(["replay"])
