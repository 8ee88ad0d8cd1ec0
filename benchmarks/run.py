"""How fast the pipeline is, and how its cost grows with the corpus.

    python -m benchmarks.run [--sizes 1000 10000 100000] [--seed 7] [--feeds realistic relevant]
                             [--out benchmarks/out] [--no-pipeline] [--profile]

For each size N and feed it generates (or reuses) the synthetic corpus of
``benchmarks.generate_corpus``: the realistic feed (the headline: a few reports of this
conflict among unrelated news, as a scraper sees it) and the all-relevant one. It prints:

* the floor: reading, decoding and normalising every file, the work no extractor can skip,
  in one process and in two (articles/s over the readable articles, MB/s over all bytes);
* extraction: the same reading and decoding, then ``extract_article`` as the pipeline calls
  it, in one process and in two, and its throughput as a share of the floor's;
* event precision, recall and F1 of the extractor against the planted gold;
* on the first feed only, the full pipeline (``python -m orchestration``) from a cold start, every asset: wall time,
  peak resident memory of its process tree, and the time of each step;
* at the largest N, the same command again after 10 new articles land.

A cProfile of extraction follows when extraction falls below the target share of the
floor (or with ``--profile``). Results also go to ``OUT/results-N-FEED.json``.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import io
import json
import multiprocessing
import os
import pstats
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from benchmarks.generate_corpus import FEEDS, GENERATOR_VERSION, generate, write_articles
from transforms.evaluate import Score, score_article
from transforms.extract import extract_article
from transforms.ingest import (
    MANIFEST_NAME,
    LandingFile,
    ManifestRow,
    RejectedFile,
    decoded,
    landing_article,
    list_landing,
    manifest_row,
    read_manifest,
    read_path,
)
from transforms.normalize import normalize

REPO = Path(__file__).resolve().parent.parent
WORKERS = 2
CHUNK_FILES = 200  # files per task handed to a worker process
NEW_ARTICLES = 10
EXTRACTION_SHARE_TARGET = 0.5  # of the floor's throughput
PIPELINE_SECONDS_TARGET, PIPELINE_MEMORY_TARGET_GB, PIPELINE_TARGET_SIZE = 600, 4.0, 100_000
INCREMENTAL_SECONDS_TARGET = 60
PROFILE_SAMPLE = 2000  # articles profiled when extraction misses its target


# --- the corpus -------------------------------------------------------------------------
def ensure_corpus(out: Path, n: int, seed: int, feed: str) -> tuple[Path, dict, float | None]:
    """The corpus folder for (n, seed, feed), generated unless an identical one is there; seconds spent generating."""
    folder = out / f"corpus-{n}-seed{seed}-{feed}"
    meta_path = folder / "corpus.json"
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if (meta.get("generator_version"), meta.get("seed"), meta.get("articles"), meta.get("feed")) == (
            GENERATOR_VERSION,
            seed,
            n,
            feed,
        ):
            return folder, meta, None
    started = time.perf_counter()
    generate(folder, n, seed, feed)
    return folder, json.loads(meta_path.read_text()), time.perf_counter() - started


def work_list(landing: Path) -> list[tuple[str, ManifestRow | None]]:
    """(path, manifest row) of every file of a landing folder that a run lists, by name."""
    manifest, _ = read_manifest(landing)
    return [(str(landing / name), manifest_row(manifest, name)) for name in list_landing(landing)["file"]]


# --- the two kinds of work, over a list of files ---------------------------------------
def _read(items: list[tuple[str, ManifestRow | None]]) -> Iterator[tuple[LandingFile, ManifestRow | None]]:
    """Each file read as a run reads it, with its manifest row."""
    for path, row in items:
        yield read_path(Path(path)), row


def floor_work(items: list[tuple[str, ManifestRow | None]]) -> tuple[int, int, int]:
    """(articles, bytes, 0): read, decode and normalise each file; nothing else."""
    articles = size = 0
    for landed, _ in _read(items):
        size += landed.byte_size
        try:
            text, _ = decoded(landed)
        except RejectedFile:
            continue
        normalize(text)
        articles += 1
    return articles, size, 0


def extraction_work(items: list[tuple[str, ManifestRow | None]], keep: dict | None = None) -> tuple[int, int, int]:
    """(articles, bytes, events): read and decode each file into its article as a run does, then extract it.

    With ``keep``, the records of each article are kept by file name (for scoring afterwards).
    """
    articles = size = events = 0
    now = dt.datetime.now(dt.UTC)
    for landed, row in _read(items):
        size += landed.byte_size
        try:
            article = landing_article(landed, row, now)
        except RejectedFile:
            continue
        records = extract_article(article["text"], article["file"], article["published_on"], article["article_id"])
        articles += 1
        events += len(records)
        if keep is not None:
            keep[article["file"]] = records
    return articles, size, events


def cpu_seconds() -> float:
    """CPU time of this process and of its children reaped so far."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(work, items: list, processes: int) -> dict:
    """Run ``work`` over the items in this process (1) or a pool of ``processes``; wall and CPU time, totals.

    The CPU time shows what the work cost when other programs share the cores and stretch the wall time.
    """
    load = os.getloadavg()[0]
    started, cpu_before = time.perf_counter(), cpu_seconds()
    if processes == 1:
        articles, size, events = work(items)
    else:
        chunks = [items[i : i + CHUNK_FILES] for i in range(0, len(items), CHUNK_FILES)]
        # fork: workers start in milliseconds, so small corpora measure work, not interpreter start-up.
        pool = multiprocessing.get_context("fork").Pool(processes)
        totals = list(pool.imap_unordered(work, chunks))
        pool.close()
        pool.join()  # reaped workers count in RUSAGE_CHILDREN
        articles, size, events = (sum(t[i] for t in totals) for i in range(3))
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_before
    return {
        "processes": processes,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "articles": articles,
        "bytes": size,
        "events": events,
        "articles_per_s": articles / seconds,
        "mb_per_s": size / 1e6 / seconds,
        "load_1m_before": load,
    }


def score(gold_path: Path, predicted: dict[str, list[dict]]) -> Score:
    gold: dict[str, list[dict]] = defaultdict(list)
    with open(gold_path, encoding="utf-8") as handle:
        for line in handle:
            event = json.loads(line)
            gold[event["article"]].append(event)
    result = Score()
    for name in sorted(set(gold) | set(predicted)):
        score_article(name, gold.get(name, []), predicted.get(name, []), result)
    return result


def extraction_profile(items: list, limit: int = 18) -> str:
    """Where one process spends extraction time: cProfile over a sample, by own time and cumulative."""
    profiler = cProfile.Profile()
    profiler.runcall(extraction_work, items[:PROFILE_SAMPLE])
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text).strip_dirs()
    stats.sort_stats("tottime").print_stats(limit)
    stats.sort_stats("cumulative").print_stats(limit)
    return _compact_profile(text.getvalue())


def _compact_profile(report: str) -> str:
    keep = [line for line in report.splitlines() if line.strip() and not line.startswith(("Ordered by", "   List reduced"))]
    return "\n".join("    " + line for line in keep)


# --- the full pipeline ------------------------------------------------------------------
def _tree_rss_bytes(root: int) -> int:
    """Resident memory of a process and all its descendants now (Linux /proc)."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


_STEP_DONE = re.compile(r'Finished execution of step "([^"]+)" in ([^.]+(?:\.\d+)?(?:ms|s|m\d+s|h\d+m))\.')


def _seconds(duration: str) -> float:
    """Dagster's format_duration back to seconds: 533ms, 2.1s, 4m52s, 1h4m."""
    if m := re.fullmatch(r"(\d+)h(\d+)m", duration):
        return int(m[1]) * 3600 + int(m[2]) * 60
    if m := re.fullmatch(r"(\d+)m(\d+)s", duration):
        return int(m[1]) * 60 + int(m[2])
    if duration.endswith("ms"):
        return float(duration[:-2]) / 1000
    return float(duration[:-1])


def run_pipeline(landing: Path, workdir: Path, log_name: str) -> dict:
    """``python -m orchestration`` on a landing folder with its own warehouse and Dagster home."""
    env = dict(
        os.environ,
        MILITIA_LANDING_DIR=str(landing),
        MILITIA_WAREHOUSE_DIR=str(workdir / "warehouse"),
        DAGSTER_HOME=str(workdir / "dagster_home"),
        GX_ANALYTICS_ENABLED="false",
    )
    (workdir / "dagster_home").mkdir(parents=True, exist_ok=True)
    log_path = workdir / f"{log_name}.log"
    peak, load = 0, os.getloadavg()[0]
    with open(log_path, "w") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "orchestration"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        finished = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not finished.is_set():
                peak = max(peak, _tree_rss_bytes(process.pid))
                finished.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # wait4, not wait: it returns the resource use of this child and the descendants it reaped.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        finished.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    output = log_path.read_text(errors="replace")
    steps: dict[str, float] = {}
    for step, duration in _STEP_DONE.findall(output):
        steps[step] = steps.get(step, 0.0) + _seconds(duration)
    return {
        "ok": process.returncode == 0,
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "load_1m_before": load,
        "peak_tree_rss_gb": peak / 1e9,
        "max_process_rss_gb": usage.ru_maxrss * 1024 / 1e9,
        "steps": steps,
        "log": str(log_path),
    }


def last_run_extracted(warehouse: Path) -> dict:
    """Rows of the frames the last run wrote and of raw.articles served: did it re-read everything?"""
    import duckdb

    counts = {}
    con = duckdb.connect()
    try:
        for name in ("raw_articles", "events"):
            path = warehouse / "frames" / f"{name}.parquet"
            if path.exists():
                counts[f"frame {name}"] = con.execute("select count(*) from read_parquet(?)", [str(path)]).fetchall()[0][0]
        served = warehouse / "militia.duckdb"
        if served.exists():
            con.execute(f"attach '{served}' as served (read_only)").fetchall()
            for table in ("articles", "events"):
                counts[f"served raw.{table}"] = con.execute(f"select count(*) from served.raw.{table}").fetchall()[0][0]
    finally:
        con.close()
    return counts


def add_articles_and_rerun(corpus: Path, workdir: Path, n: int, seed: int, feed: str) -> dict:
    """Land articles n .. n+9 of the same corpus, run the pipeline again, then take them away again."""
    landing = corpus / "landing"
    manifest = landing / MANIFEST_NAME
    original_manifest = manifest.read_bytes()
    before = {p.name for p in landing.iterdir()}
    try:
        write_articles(landing, workdir / "new-gold.jsonl", seed, range(n, n + NEW_ARTICLES), append=True, feed=feed)
        result = run_pipeline(landing, workdir, "incremental")
        result["counts"] = last_run_extracted(workdir / "warehouse")
        return result
    finally:
        for path in landing.iterdir():
            if path.name not in before:
                path.unlink()
        manifest.write_bytes(original_manifest)


# --- the report -------------------------------------------------------------------------
def _rate(run: dict) -> str:
    return (
        f"{run['articles_per_s']:>9,.0f} articles/s {run['mb_per_s']:>7.1f} MB/s "
        f"({run['seconds']:.1f} s wall, {run['cpu_seconds']:.1f} s CPU, load {run['load_1m_before']:.1f})"
    )


def _steps(run: dict) -> str:
    ordered = sorted(run["steps"].items(), key=lambda kv: -kv[1])
    outside = run["seconds"] - sum(run["steps"].values())
    return (
        ", ".join(f"{name} {seconds:.1f} s" for name, seconds in ordered)
        + f"; outside steps (start-up, dbt parse, Dagster) {outside:.1f} s"
    )


def benchmark_size(n: int, feed: str, args) -> dict:
    """The figures of one corpus; the full pipeline runs on the first feed asked for (the headline one)."""
    corpus, meta, generated_in = ensure_corpus(args.out, n, args.seed, feed)
    items = work_list(corpus / "landing")
    made = f"generated in {generated_in:.1f} s" if generated_in is not None else "reused"
    print(
        f"\nN = {n:,} files, {feed} feed ({meta['bytes'] / 1e6:.1f} MB, {meta['events']:,} planted events, "
        f"corpus {made}: {corpus})",
        flush=True,
    )
    result: dict = {
        "n": n,
        "seed": args.seed,
        "feed": feed,
        "corpus_bytes": meta["bytes"],
        "planted_events": meta["events"],
        "kinds": meta["kinds"],
    }

    if not args.pipeline_only:
        measure_extraction(items, corpus, result, args.profile)
    if not args.no_pipeline and feed == args.feeds[0]:
        measure_pipeline(corpus, n, feed, args, result)
    (args.out / f"results-{n}-{feed}.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    return result


def measure_extraction(items: list, corpus: Path, result: dict, always_profile: bool) -> None:
    floor = {WORKERS: timed(floor_work, items, WORKERS), 1: timed(floor_work, items, 1)}
    extraction = {WORKERS: timed(extraction_work, items, WORKERS)}
    predicted: dict[str, list[dict]] = {}
    extraction[1] = timed(functools.partial(extraction_work, keep=predicted), items, 1)
    events_score = score(corpus / "gold.jsonl", predicted)
    del predicted
    for label, runs in (("floor (read, decode, normalise)", floor), ("extraction (read, decode, extract)", extraction)):
        result["floor" if runs is floor else "extraction"] = {str(p): runs[p] for p in (1, WORKERS)}
        print(f"  {label:<36} 1 process   {_rate(runs[1])}", flush=True)
        print(f"  {'':<36} {WORKERS} processes {_rate(runs[WORKERS])}", flush=True)
    shares = {p: result["extraction"][str(p)]["articles_per_s"] / result["floor"][str(p)]["articles_per_s"] for p in (1, WORKERS)}
    result["extraction_share_of_floor"] = {str(p): s for p, s in shares.items()}
    print(
        f"  {'extraction / floor':<36} {shares[1]:.1%} (1 process), {shares[WORKERS]:.1%} ({WORKERS} processes); "
        f"target >= {EXTRACTION_SHARE_TARGET:.0%}",
        flush=True,
    )
    result["f1"] = {
        "precision": events_score.precision,
        "recall": events_score.recall,
        "f1": events_score.f1,
        "true_positives": events_score.true_positives,
        "false_positives": events_score.false_positives,
        "false_negatives": events_score.false_negatives,
        "fields": events_score.field_accuracy(),
    }
    print(
        f"  {'event F1 against the planted gold':<36} {events_score.f1:.3f} (precision {events_score.precision:.3f}, "
        f"recall {events_score.recall:.3f}; tp {events_score.true_positives:,}, fp {events_score.false_positives:,}, "
        f"fn {events_score.false_negatives:,})",
        flush=True,
    )
    print(f"  {'':<36} fields: " + ", ".join(f"{k} {v:.3f}" for k, v in events_score.field_accuracy().items()), flush=True)
    if always_profile or min(shares.values()) < EXTRACTION_SHARE_TARGET:
        result["extraction_profile"] = extraction_profile(items)
        print(
            f"  extraction profile, 1 process, first {min(PROFILE_SAMPLE, len(items)):,} files:\n{result['extraction_profile']}",
            flush=True,
        )


def measure_pipeline(corpus: Path, n: int, feed: str, args, result: dict) -> None:
    """The cold run of every asset, and at the largest size the run after 10 new articles land."""
    workdir = args.out / f"pipeline-{n}-seed{args.seed}-{feed}"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    cold = run_pipeline(corpus / "landing", workdir, "cold")
    result["pipeline_cold"] = cold
    failed = "" if cold["ok"] else f"  FAILED, see {cold['log']}"
    print(
        f"  {'full pipeline, cold, every asset':<36} {cold['seconds']:.1f} s wall ({cold['cpu_seconds']:.1f} s CPU, "
        f"load {cold['load_1m_before']:.1f}), peak RSS {cold['peak_tree_rss_gb']:.2f} GB (process tree), "
        f"{cold['max_process_rss_gb']:.2f} GB largest process{failed}",
        flush=True,
    )
    print(f"  {'':<36} steps: {_steps(cold)}", flush=True)
    if n == max(args.sizes) and cold["ok"]:
        again = add_articles_and_rerun(corpus, workdir, n, args.seed, feed)
        result["pipeline_plus_10"] = again
        failed = "" if again["ok"] else f"  FAILED, see {again['log']}"
        print(
            f"  {f'+{NEW_ARTICLES} new articles, same warehouse':<36} {again['seconds']:.1f} s wall "
            f"({again['cpu_seconds']:.1f} s CPU), peak RSS {again['peak_tree_rss_gb']:.2f} GB{failed}",
            flush=True,
        )
        print(f"  {'':<36} steps: {_steps(again)}", flush=True)
        print(f"  {'':<36} rows after it: " + ", ".join(f"{k} {v:,}" for k, v in again["counts"].items()), flush=True)


def print_targets(results: list[dict]) -> None:
    print("\nTargets (2 cores):")
    for r in results:
        if "extraction_share_of_floor" not in r:
            continue
        share = r["extraction_share_of_floor"][str(WORKERS)]
        print(
            f"  N={r['n']:>7,} {r['feed']:<9}  extraction at >= {EXTRACTION_SHARE_TARGET:.0%} of the floor ({WORKERS} processes): "
            f"{share:.1%}  {'met' if share >= EXTRACTION_SHARE_TARGET else 'MISSED'}"
        )
    for r in results:
        cold = r.get("pipeline_cold")
        if cold and r["n"] == PIPELINE_TARGET_SIZE:
            ok = cold["ok"] and cold["seconds"] < PIPELINE_SECONDS_TARGET and cold["peak_tree_rss_gb"] < PIPELINE_MEMORY_TARGET_GB
            print(
                f"  N={r['n']:>7,}  end to end < {PIPELINE_SECONDS_TARGET / 60:.0f} min and < {PIPELINE_MEMORY_TARGET_GB:.0f} GB: "
                f"{cold['seconds']:.0f} s, {cold['peak_tree_rss_gb']:.2f} GB  {'met' if ok else 'MISSED'}"
            )
        again = r.get("pipeline_plus_10")
        if again:
            ok = again["ok"] and again["seconds"] < INCREMENTAL_SECONDS_TARGET
            print(
                f"  N={r['n']:>7,}  +{NEW_ARTICLES} articles < {INCREMENTAL_SECONDS_TARGET} s: {again['seconds']:.1f} s  "
                f"{'met' if ok else 'MISSED'}"
            )


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown CPU",
    )
    memory = next(
        (
            int(line.split()[1]) / 1024**2
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return f"{cpu}, {os.cpu_count()} cores visible, {memory:.0f} GB RAM, Python {sys.version.split()[0]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--feeds",
        nargs="+",
        choices=FEEDS,
        default=list(FEEDS),
        help="corpora to measure (benchmarks.generate_corpus --feed); the full pipeline runs on the first",
    )
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    parser.add_argument("--no-pipeline", action="store_true", help="skip the full-pipeline runs")
    parser.add_argument("--pipeline-only", action="store_true", help="skip the floor, extraction and F1 measurements")
    parser.add_argument("--profile", action="store_true", help="print the extraction profile even when it meets its target")
    args = parser.parse_args(argv)
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}")
    results = [benchmark_size(n, feed, args) for n in args.sizes for feed in args.feeds]
    print_targets(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
