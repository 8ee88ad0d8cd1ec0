"""Smoke run of the benchmarks at N = 200: the generator and one quick benchmark pass.

Benchmarks are commands, not tests; this only checks they run and say what they should.
Nothing here looks at how fast anything was.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

from gold.validate_gold import FIELDS as GOLD_FIELDS

from benchmarks.generate_corpus import REALISTIC_RELEVANT_SHARE, generate, write_articles

REPO = Path(__file__).resolve().parent.parent
SMOKE_N = 200
# The generator writes EVENTS.md records without the annotators' "note".
EVENTS_FIELDS = set(GOLD_FIELDS) - {"note"}


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generator_is_deterministic_by_seed(tmp_path):
    generate(tmp_path / "a", SMOKE_N, seed=3)
    generate(tmp_path / "b", SMOKE_N, seed=3)
    generate(tmp_path / "c", SMOKE_N, seed=4)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "a")["gold.jsonl"] != _tree(tmp_path / "c")["gold.jsonl"]


def test_generated_corpus_has_manifest_gold_and_awkward_files(tmp_path):
    summary = generate(tmp_path, 1000, seed=7)
    landing = tmp_path / "landing"
    files = [p for p in landing.iterdir() if p.name != "manifest.csv"]
    assert len(files) == summary.articles == 1000
    manifest = (landing / "manifest.csv").read_text(encoding="utf-8").splitlines()
    assert manifest[0] == "file,published_on,url,outlet,language" and len(manifest) == 1001
    gold = [json.loads(line) for line in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(gold) == summary.events and all(set(e) == EVENTS_FIELDS for e in gold)
    assert {e["event_type"] for e in gold} == {"attack", "strike"}
    assert {e["article"] for e in gold} <= {p.name for p in files}
    assert sum(n for kind, n in summary.kinds.items() if kind != "utf-8") >= 1
    sizes = sorted(p.stat().st_size for p in files if p.suffix == ".txt" and p.stat().st_size > 100)
    assert sizes[len(sizes) // 2] > 1000


def test_articles_beyond_n_are_new_articles_of_the_same_corpus(tmp_path):
    generate(tmp_path / "small", 20, seed=7)
    generate(tmp_path / "large", 30, seed=7)
    write_articles(tmp_path / "small" / "landing", tmp_path / "small" / "gold.jsonl", 7, range(20, 30), append=True)
    assert _tree(tmp_path / "small" / "landing") == _tree(tmp_path / "large" / "landing")


def test_realistic_feed_is_mostly_unrelated_news_around_the_same_reports(tmp_path):
    realistic = generate(tmp_path / "realistic", 1000, seed=7, feed="realistic")
    relevant = generate(tmp_path / "relevant", 1000, seed=7, feed="relevant")
    files = sorted(p.name for p in (tmp_path / "realistic" / "landing").iterdir() if p.name != "manifest.csv")
    gold = [json.loads(line) for line in (tmp_path / "realistic" / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    reports = {e["article"] for e in gold}
    # About REALISTIC_RELEVANT_SHARE of the articles report this conflict (8%: between 5% and 11% of 1,000).
    assert 0.05 * len(files) <= len(reports) <= 0.11 * len(files) and REALISTIC_RELEVANT_SHARE <= 0.10
    assert 0 < realistic.events < 0.2 * relevant.events
    # A report is the same article in both feeds.
    relevant_files = {p.name: p.read_bytes() for p in (tmp_path / "relevant" / "landing").iterdir()}
    assert all((tmp_path / "realistic" / "landing" / name).read_bytes() == relevant_files[name] for name in reports)


def test_smoke_benchmark_prints_its_figures(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--sizes", str(SMOKE_N), "--out", str(tmp_path), "--no-pipeline"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    for figure in (
        "floor (read, decode, normalise)",
        "extraction (read, decode, extract)",
        "articles/s",
        "MB/s",
        "2 processes",
        "extraction / floor",
        "event F1 against the planted gold",
        "Targets",
    ):
        assert figure in run.stdout
    assert "realistic feed" in run.stdout and "relevant feed" in run.stdout
    result = json.loads((tmp_path / f"results-{SMOKE_N}-realistic.json").read_text())
    assert result["floor"]["1"]["articles"] == result["extraction"]["2"]["articles"] > 0
    scored = result["f1"]
    # Scored against every planted event, and printed as saved.
    assert scored["true_positives"] + scored["false_negatives"] == result["planted_events"] > 0
    assert re.search(rf"event F1 against the planted gold +{scored['f1']:.3f} ", run.stdout)
    # The generator writes its events in the extractor's vocabulary: a low F1 means the two drifted apart.
    assert scored["f1"] >= 0.9, scored
