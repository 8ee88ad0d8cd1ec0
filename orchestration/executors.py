"""Where extraction runs: worker processes on this machine (the default), or tasks on a Ray cluster.

Both run the same ``transforms.extract.extract_frames`` over the same articles and give the
same frames, a part of the batch at a time; Dagster stays the orchestrator, the asset submits
to Ray and waits. Ray is imported only when the executor is ``ray``.
"""

from collections.abc import Callable, Iterator

import dagster as dg

from orchestration.settings import EXECUTORS, extraction_executor, ray_address
from transforms.distributed import CHUNK_ARTICLES
from transforms.extract import Extraction, extract_chunks
from transforms.parts import Parts


class ExtractionEngine(dg.ConfigurableResource):
    """The executor of the extraction step; MILITIA_EXECUTOR and MILITIA_RAY_ADDRESS give the defaults."""

    executor: str = extraction_executor()  # one of EXECUTORS
    # Ray only: the cluster to join; empty starts Ray on this machine for the run, and stops it after.
    ray_address: str = ray_address()
    # Ray only: articles per task.
    chunk_articles: int = CHUNK_ARTICLES

    def extract(self, articles: Parts, seconds_per_article: float, tell_progress: Callable[[str], None]) -> Iterator[Extraction]:
        """The extraction of each part of ``articles``, in order, as each is done."""
        if self.executor == "local":
            return extract_chunks(articles, articles.height, seconds_per_article=seconds_per_article, tell_progress=tell_progress)
        if self.executor == "ray":
            return self._on_ray(articles, seconds_per_article, tell_progress)
        raise dg.Failure(f"unknown extraction executor {self.executor!r}: MILITIA_EXECUTOR is one of {', '.join(EXECUTORS)}")

    def _on_ray(self, articles: Parts, seconds_per_article: float, tell_progress: Callable[[str], None]) -> Iterator[Extraction]:
        from transforms.distributed import extract_on_ray, ray_connection

        tell_progress(
            f"extracting {articles.height:,} articles in {len(articles)} part(s), as Ray tasks of {self.chunk_articles:,} "
            f"on {self.ray_address or 'a local Ray'}"
        )
        # One connection for every part: a local Ray starts once per run.
        with ray_connection(self.ray_address):
            for part in articles:
                yield extract_on_ray(
                    part,
                    seconds_per_article=seconds_per_article,
                    chunk_articles=self.chunk_articles,
                    tell_progress=tell_progress,
                )
