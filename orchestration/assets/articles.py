"""From the landing folder to frames: articles read, files refused, events extracted."""


from pathlib import Path

import dagster as dg
import polars as pl

from transforms.extract import extract_frames
from transforms.ingest import DEFAULT_MAX_BYTES, read_landing


class LandingFolder(dg.ConfigurableResource):
    directory: str
    max_bytes: int = DEFAULT_MAX_BYTES


@dg.multi_asset(
    outs={
        "raw_articles": dg.AssetOut(io_manager_key="frames", description="Every readable landing file as an article, with its manifest metadata."),
        "rejected_files": dg.AssetOut(io_manager_key="frames", description="Landing files and manifest rows refused, with the reason."),
    },
    group_name="ingestion",
)
def landing_files(context: dg.AssetExecutionContext, landing: LandingFolder):
    articles, rejected = read_landing(Path(landing.directory), max_bytes=landing.max_bytes)
    for row in rejected.iter_rows(named=True):
        context.log.warning(f"quarantined {row['file']}: {row['reason']}")
    yield dg.Output(articles, "raw_articles", metadata={"articles": articles.height})
    yield dg.Output(rejected, "rejected_files", metadata={"rejected": rejected.height})


@dg.multi_asset(
    outs={
        "events": dg.AssetOut(io_manager_key="frames", description="Events of EVENTS.md extracted from the articles."),
        "event_claims": dg.AssetOut(io_manager_key="frames", description="Each source's own figures for an event."),
    },
    group_name="extraction",
)
def extracted_events(context: dg.AssetExecutionContext, raw_articles: pl.DataFrame):
    events, claims = extract_frames(raw_articles)
    by_type = dict(events.group_by("event_type").len().iter_rows()) if events.height else {}
    yield dg.Output(events, "events", metadata={"events": events.height, **{f"{k}s": v for k, v in by_type.items()}})
    yield dg.Output(claims, "event_claims", metadata={"claims": claims.height})
