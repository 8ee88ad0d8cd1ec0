"""Where extraction runs: worker processes on this machine (the default), or tasks on a Ray cluster.

Both run the same ``transforms.extract.extract_frames`` over the same articles and give the
same frames; Dagster stays the orchestrator, the asset submits to Ray and waits. Ray is
imported only when the executor is ``ray``.
"""

from collections.abc import Callable

import dagster as dg
import polars as pl

from orchestration.settings import EXECUTORS, extraction_executor, ray_address
from transforms.distributed import CHUNK_ARTICLES
from transforms.extract import Extraction, extract_frames


class ExtractionEngine(dg.ConfigurableResource):
    """The executor of the extraction step; MILITIA_EXECUTOR and MILITIA_RAY_ADDRESS give the defaults."""

    executor: str = extraction_executor()  # one of EXECUTORS
    # Ray only: the cluster to join; empty starts Ray on this machine for the run, and stops it after.
    ray_address: str = ray_address()
    # Ray only: articles per task.
    chunk_articles: int = CHUNK_ARTICLES

    def extract(self, articles: pl.DataFrame, seconds_per_article: float, tell_progress: Callable[[str], None]) -> Extraction:
        if self.executor == "local":
            return extract_frames(articles, seconds_per_article=seconds_per_article, tell_progress=tell_progress)
        if self.executor == "ray":
            from transforms.distributed import extract_on_ray

            tell_progress(
                f"extracting {articles.height:,} articles as Ray tasks of {self.chunk_articles:,} "
                f"on {self.ray_address or 'a local Ray'}"
            )
            return extract_on_ray(
                articles,
                address=self.ray_address,
                seconds_per_article=seconds_per_article,
                chunk_articles=self.chunk_articles,
                tell_progress=tell_progress,
            )
        raise dg.Failure(f"unknown extraction executor {self.executor!r}: MILITIA_EXECUTOR is one of {', '.join(EXECUTORS)}")
