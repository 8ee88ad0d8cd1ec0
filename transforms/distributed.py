"""The extractor as tasks on a Ray cluster: the same ``extract_frames`` mapped over chunks of articles.

Each task extracts one chunk with ``extract_frames`` in one worker process of its own, so an
article over the time budget is quarantined exactly as on one machine; the chunks' frames come
back in article order, and the result equals the local one row for row. Ray is imported here
only, so the default (local) path never loads it; install it with the ``distributed`` extra.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator

import polars as pl

from transforms.events import EXTRACTOR_VERSION
from transforms.extract import (
    ARTICLE_SECONDS,
    CLAIM_SCHEMA,
    EVENT_SCHEMA,
    QUARANTINE_SCHEMA,
    Extraction,
    Progress,
    extract_frames,
)

# Articles per task: a task spends about a second starting its worker process and loading the
# rules, so a chunk is a few seconds of work per core (articles take 2-4 ms each).
CHUNK_ARTICLES = 2000
# Chunks submitted ahead of the results per cluster CPU: enough to keep every core busy,
# few enough that an archive's text never sits in the object store all at once.
CHUNKS_IN_FLIGHT_PER_CPU = 2


class WrongExtractor(RuntimeError):
    """The cluster's workers run other extraction rules than this checkout."""


def _extract_chunk(chunk: pl.DataFrame, seconds_per_article: float) -> tuple[str, Extraction]:
    """One task: a chunk's extraction, and the rules it ran (a cluster image may hold an older checkout)."""
    # One worker process per task: Ray gives each task a core of its own.
    return EXTRACTOR_VERSION, extract_frames(chunk, workers=1, seconds_per_article=seconds_per_article)


@contextlib.contextmanager
def ray_connection(address: str = "", num_cpus: int | None = None) -> Iterator[int]:
    """Ray, connected for the duration; yields the cluster's CPU count.

    With an ``address`` ("auto", "ray://head:10001", "head:6379") it joins that cluster; without,
    it starts a local Ray on this machine (``num_cpus`` cores, no dashboard) and stops it after.
    A connection the caller already holds (a test, a notebook) is used as it is and kept open.
    """
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
    except ImportError as error:
        raise RuntimeError("the ray executor needs Ray: pip install -e '.[distributed]'") from error

    owned = not ray.is_initialized()
    if owned:
        local = {} if address else {"num_cpus": num_cpus, "include_dashboard": False}
        ray.init(address=address or None, log_to_driver=False, **local)
    try:
        yield max(1, int(ray.cluster_resources().get("CPU", 1)))
    finally:
        if owned:
            ray.shutdown()


def extract_on_ray(
    articles: pl.DataFrame,
    address: str = "",
    seconds_per_article: float = ARTICLE_SECONDS,
    chunk_articles: int = CHUNK_ARTICLES,
    tell_progress: Callable[[str], None] | None = None,
    num_cpus: int | None = None,
) -> Extraction:
    """``extract_frames`` of the articles, computed as Ray tasks of ``chunk_articles`` articles each.

    ``articles`` needs the columns ``extract_frames`` reads. Chunks are submitted a few per
    cluster CPU ahead of the results; ``tell_progress`` hears how far the batch has got.
    Raises ``WrongExtractor`` when a task ran other rules than this process has.
    """
    articles = articles.select("article_id", "file", "text", "manifest_published_on")
    chunks = [articles.slice(start, chunk_articles) for start in range(0, articles.height, chunk_articles)]
    results: list[Extraction | None] = [None] * len(chunks)
    if chunks:
        with ray_connection(address, num_cpus) as cpus:
            import ray

            # Timed from here: starting Ray is not extraction.
            progress = Progress(articles.height, tell_progress) if tell_progress else None
            task = ray.remote(num_cpus=1)(_extract_chunk)
            pending: dict = {}
            submitted = done = 0
            while submitted < len(chunks) or pending:
                while submitted < len(chunks) and len(pending) < cpus * CHUNKS_IN_FLIGHT_PER_CPU:
                    pending[task.remote(chunks[submitted], seconds_per_article)] = submitted
                    submitted += 1
                finished, _ = ray.wait(list(pending), num_returns=1)
                for ref in finished:
                    index = pending.pop(ref)
                    version, results[index] = ray.get(ref)
                    if version != EXTRACTOR_VERSION:
                        raise WrongExtractor(
                            f"the Ray workers run extractor {version}, this checkout {EXTRACTOR_VERSION}: "
                            "install this checkout on the cluster (its image or a runtime_env) before re-extracting"
                        )
                    done += chunks[index].height
                    if progress:
                        progress(done)
    return Extraction(
        *(
            pl.concat([pl.DataFrame(schema=schema), *(getattr(r, part) for r in results)])
            for part, schema in (("events", EVENT_SCHEMA), ("claims", CLAIM_SCHEMA), ("quarantined", QUARANTINE_SCHEMA))
        )
    )
