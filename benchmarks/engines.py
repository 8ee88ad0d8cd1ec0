"""What running extraction on an engine costs: local worker processes against Ray tasks, same articles.

    python -m benchmarks.engines CORPUS [--cpus 2] [--chunk 2000] [--out benchmarks/out]

CORPUS is a folder of ``benchmarks.generate_corpus`` (its ``landing/`` is read as the pipeline
reads it). Every article is extracted twice with the same CPUs: by ``extract_frames`` in local
worker processes, and by ``extract_on_ray`` as tasks on a local Ray started here; the two
results must be equal. It prints, for each, wall time, CPU time of the whole process tree
(Ray's own processes included) and articles/s; Ray's start-up apart; and, from the rate per
CPU measured on Ray, the cluster that re-extracts ``ARCHIVE_ARTICLES`` in under an hour.
The CPU time is the figure to trust on a shared machine, where other work stretches the wall time.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

from transforms.distributed import CHUNK_ARTICLES, extract_on_ray
from transforms.extract import extract_frames
from transforms.ingest import read_landing

REPO = Path(__file__).resolve().parent.parent
ARCHIVE_ARTICLES, ARCHIVE_SECONDS = 50_000_000, 3600
# Of an hour, what a cluster spends on other things than extraction: start-up and the
# scheduling of the first tasks, the last tasks finishing unevenly, retried tasks.
CLUSTER_EFFICIENCY = 0.75
NODE_CPUS = 16


def tree_cpu_seconds(root: int) -> float:
    """CPU time of a process, its live descendants and the children each has reaped (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15]) / tick  # utime, stime, cutime, cstime
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def measured(run) -> tuple[object, dict]:
    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), tree_cpu_seconds(os.getpid())
    result = run()
    return result, {
        "seconds": time.perf_counter() - started,
        "cpu_seconds": tree_cpu_seconds(os.getpid()) - cpu,
        "load_1m_before": load,
    }


def cluster_for_archive(articles_per_cpu_second: float) -> dict:
    """CPUs (and 16-CPU nodes) that extract ARCHIVE_ARTICLES in ARCHIVE_SECONDS at the measured rate per CPU."""
    cpus = math.ceil(ARCHIVE_ARTICLES / (ARCHIVE_SECONDS * CLUSTER_EFFICIENCY * articles_per_cpu_second))
    return {
        "articles": ARCHIVE_ARTICLES,
        "seconds": ARCHIVE_SECONDS,
        "efficiency": CLUSTER_EFFICIENCY,
        "cpus": cpus,
        "nodes": math.ceil(cpus / NODE_CPUS),
        "node_cpus": NODE_CPUS,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.engines", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder written by benchmarks.generate_corpus")
    parser.add_argument("--cpus", type=int, default=2, help="worker processes, and Ray's CPUs")
    parser.add_argument("--chunk", type=int, default=CHUNK_ARTICLES, help="articles per Ray task")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    args = parser.parse_args(argv)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

    (articles, _), reading = measured(lambda: read_landing(args.corpus / "landing"))
    n = articles.height
    print(f"{n:,} articles read in {reading['seconds']:.1f} s ({reading['cpu_seconds']:.1f} s CPU); {args.cpus} CPUs", flush=True)
    result: dict = {"articles": n, "cpus": args.cpus, "chunk_articles": args.chunk, "reading": reading}

    local, timing = measured(lambda: extract_frames(articles, workers=args.cpus))
    result["local"] = {**timing, "articles_per_s": n / timing["seconds"], "events": local.events.height}
    print(
        f"  local processes  {n / timing['seconds']:>6,.0f} articles/s  {timing['seconds']:7.1f} s wall "
        f"{timing['cpu_seconds']:7.1f} s CPU  (load {timing['load_1m_before']:.1f})",
        flush=True,
    )

    import ray

    _, start = measured(lambda: ray.init(num_cpus=args.cpus, include_dashboard=False, log_to_driver=False))
    try:
        on_ray, timing = measured(lambda: extract_on_ray(articles, chunk_articles=args.chunk))
        # Ray's processes are alive until shutdown: their CPU is in the tree now.
    finally:
        ray.shutdown()
    same = all(getattr(on_ray, part).equals(getattr(local, part)) for part in ("events", "claims", "quarantined"))
    result["ray_start"] = start
    result["ray"] = {**timing, "articles_per_s": n / timing["seconds"], "events": on_ray.events.height, "equal_to_local": same}
    print(
        f"  Ray tasks        {n / timing['seconds']:>6,.0f} articles/s  {timing['seconds']:7.1f} s wall "
        f"{timing['cpu_seconds']:7.1f} s CPU  (load {timing['load_1m_before']:.1f}); start-up {start['seconds']:.1f} s wall, "
        f"{start['cpu_seconds']:.1f} s CPU; {math.ceil(n / args.chunk)} tasks of {args.chunk:,}",
        flush=True,
    )
    overhead = timing["cpu_seconds"] / result["local"]["cpu_seconds"] - 1
    print(
        f"  Ray's overhead   {overhead:+.0%} CPU time, {timing['seconds'] / result['local']['seconds'] - 1:+.0%} wall time; "
        f"frames equal to the local ones: {same}",
        flush=True,
    )

    per_cpu = n / timing["cpu_seconds"]
    plan = cluster_for_archive(per_cpu)
    result["ray"]["articles_per_cpu_second"] = per_cpu
    result["archive_plan"] = plan
    print(
        f"  {plan['articles']:,} articles in {plan['seconds'] / 60:.0f} min at {per_cpu:,.0f} articles per CPU-second "
        f"on Ray, {plan['efficiency']:.0%} of the hour extracting: {plan['cpus']} CPUs "
        f"({plan['nodes']} nodes of {plan['node_cpus']})",
        flush=True,
    )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"engines-{n}.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
