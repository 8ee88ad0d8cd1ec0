"""The extractor on the sample articles, the held-out gold articles, and bad input."""

import datetime as dt
import json
import subprocess
import sys

import polars as pl
import pytest
from conftest import GOLD, REPO, SAMPLE_LANDING

from transforms.evaluate import evaluate
from transforms.extract import Progress, extract_article


def test_samples_meet_the_reference_annotation():
    score = evaluate(GOLD / "sample_events.jsonl", [str(SAMPLE_LANDING)])
    assert score.f1 == 1.0, score.misses
    assert min(score.field_accuracy().values()) >= 0.95, score.field_accuracy()


def test_held_out_gold_articles():
    # 52 articles written for the project, annotated before the rules were tuned on them.
    score = evaluate(GOLD / "events.jsonl", [str(GOLD / "articles")])
    assert score.f1 >= 0.9, score.misses
    assert score.field_accuracy()["date"] >= 0.85, score.field_accuracy()


@pytest.mark.parametrize(("folder", "floor"), [("gold_dev", 0.9), ("gold_dev3", 0.82), ("gold_heldout", 0.85)])
def test_realistic_development_sets(folder, floor):
    # Written to read like real reports and scored blind first (F1 0.752, 0.768, 0.889); see their READMEs.
    # gold_heldout was never tuned on: its floor only guards against regressions.
    score = evaluate(GOLD.parent / folder / "events.jsonl", [str(GOLD.parent / folder / "articles")])
    assert score.f1 >= floor, score.misses


def test_cli_prints_one_json_object_per_event():
    out = subprocess.run(
        [sys.executable, "-m", "transforms.extract", str(SAMPLE_LANDING / "004_db8ed1cf6bf6fdf7.txt")],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert {(e["event_type"], e["location_id"]) for e in events} >= {("attack", "ain_al_asad"), ("attack", "conoco")}
    for event in events:
        assert event["article"] == "004_db8ed1cf6bf6fdf7.txt"
        assert {"date", "day_offset", "weapon", "munition_count", "claims", "evidence"} <= set(event)


def test_evidence_offsets_point_into_the_original_text():
    text = (SAMPLE_LANDING / "003_32638afa5e7834e6.txt").read_text(encoding="utf-8")
    pieces = [
        (text[span["start"] : span["end"]], event["evidence"])
        for event in extract_article(text, "003", dt.date(2022, 1, 5))
        for span in event["evidence_spans"]
    ]
    assert pieces, "no event of sample 003 has an evidence span"
    assert all(piece and piece in evidence for piece, evidence in pieces), pieces


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "The weather in Paris was mild today and markets rose.",
        "اجتمع وزير الخارجية بنظيره لبحث العلاقات الثنائية والتعاون الاقتصادي.",
        "\x00\x01binary-ish\ufffd",
    ],
)
def test_text_without_events_gives_none(text):
    assert extract_article(text, "x.txt", dt.date(2024, 1, 1)) == []


def test_a_very_large_text_does_not_break_the_extractor():
    # A 20 MB scrape (a feed dumped into one file): mostly filler, a report now and then.
    report = "استهدفت فصائل موالية لإيران قاعدة التنف بطائرتين مسيرتين فجر اليوم. "
    filler = "وتناول الاجتماع سبل تعزيز التعاون الاقتصادي بين البلدين في مجالات عدة. " * 200
    block = report + filler
    text = block * (20_000_000 // len(block.encode("utf-8")))
    assert len(text.encode("utf-8")) > 19_000_000
    events = extract_article(text, "big.txt", dt.date(2024, 1, 1))
    assert [(e["event_type"], e["location_id"], e["munition_count"]) for e in events] == [("attack", "al_tanf", 2)]


def test_extraction_over_worker_processes_equals_one_process():
    from transforms.extract import extract_frames
    from transforms.ingest import read_landing

    articles, _ = read_landing(GOLD / "articles")
    articles = pl.concat([articles] * 8)  # past the threshold for workers
    one = extract_frames(articles, workers=1)
    two = extract_frames(articles, workers=2)
    assert one[0].height > 0
    assert one[0].equals(two[0]) and one[1].equals(two[1])


REALDEV = REPO.parent / "shared" / "realdev"


@pytest.mark.skipif(not (REALDEV / "gold.jsonl").exists(), reason="the real development set lives in ../shared/realdev")
def test_real_development_set_does_not_regress():
    # Real press excerpts with adjudicated gold, read from ../shared (never copied into the project).
    score = evaluate(REALDEV / "gold.jsonl", [str(REALDEV / "raw")], manifest=REALDEV / "manifest.csv")
    # Issue 10's targets, with the margin the rules keep over them today.
    assert score.f1 >= 0.92, score.f1
    assert score.exact_f1 >= 0.75, score.exact_f1
    assert min(score.field_accuracy().values()) >= 0.90, score.field_accuracy()
    assert sum(score.predicted_where_gold_none.values()) <= 10, dict(score.predicted_where_gold_none)


def test_extractor_version_follows_the_rules(tmp_path):
    # A copy of the package with one vocabulary word added gets another version, so stored articles are re-extracted.
    import shutil

    from transforms import events

    copy = tmp_path / "transforms"
    shutil.copytree(REPO / "transforms", copy, ignore=shutil.ignore_patterns("__pycache__"))
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); from transforms.events import EXTRACTOR_VERSION; print(EXTRACTOR_VERSION)"
    )
    same = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert same.stdout.strip() == events.EXTRACTOR_VERSION
    with (copy / "gazetteer" / "weapons.csv").open("a", encoding="utf-8") as f:
        f.write("صاروخ تجريبي,rocket,1\n")
    changed = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert changed.stdout.strip() != events.EXTRACTOR_VERSION
    # The domain vocabulary is a rule too: the countries' words place acts.
    countries = copy / "vocabulary" / "countries.csv"
    countries.write_text(countries.read_text(encoding="utf-8").replace("|دمشق", "|دمشق|الشام"), encoding="utf-8")
    again = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert again.stdout.strip() not in (events.EXTRACTOR_VERSION, changed.stdout.strip())


@pytest.mark.timeout(60)
def test_a_long_run_of_digits_or_a_page_without_punctuation_is_read_in_bounded_pieces():
    # Issue 15: such texts stalled the rule pass; now every pattern scans at most one bounded piece.
    digits = "أطلقت " + "٣" * 500_000 + " صاروخا على قاعدة حرير"
    assert [e["location_id"] for e in extract_article(digits, "digits.txt", dt.date(2024, 1, 1))] == ["harir"]
    page = "سقطت ثلاثة صواريخ على قاعدة حرير " + "كلمة عربية طويلة " * 200_000
    assert [e["location_id"] for e in extract_article(page, "page.txt", dt.date(2024, 1, 1))] == ["harir"]


def test_progress_of_a_long_batch_tells_articles_done_rate_and_time_left():
    lines = []
    progress = Progress(1000, lines.append, every=0.0)
    progress(250)
    progress(1000)
    assert lines[0].startswith("extracted 250 of 1,000 articles (") and "s left)" in lines[0]
    assert lines[1].startswith("extracted 1,000 of 1,000 articles (") and "left" not in lines[1]


def test_a_short_batch_tells_no_progress():
    lines = []
    progress = Progress(10, lines.append, every=60.0)
    for done in range(1, 11):
        progress(done)
    assert lines == []
