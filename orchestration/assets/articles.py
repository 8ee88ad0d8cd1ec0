"""From the landing folder to frames: the batch of files that changed, read or quarantined, and its events.

Every frame here is one run's batch, not the corpus: the landing step compares the
folder with the warehouse's ledger (raw.landing_ledger) and reads only new and
changed files; raw_tables merges the batch into the warehouse. The batch's articles,
events and claims are ``transforms.parts.Parts``: written and read a chunk of articles
at a time, so that no step holds a whole batch of text.
"""

import datetime as dt
import os
from pathlib import Path

import dagster as dg
import polars as pl

from expectations.verdicts import article_refusal
from orchestration.assets.lake import LakeStore
from orchestration.batches import stale_marts
from orchestration.dbt_setup import dbt_project_digest
from orchestration.executors import ExtractionEngine
from orchestration.io_managers import PolarsParquetIOManager
from orchestration.raw_store import stored_landing, stored_manifest_problems
from orchestration.resources import Warehouse
from transforms.extract import ARTICLE_SECONDS, CLAIM_SCHEMA, EVENT_SCHEMA, QUARANTINE_SCHEMA
from transforms.ingest import (
    ARTICLE_SCHEMA,
    DEFAULT_MAX_BYTES,
    REJECTED_SCHEMA,
    BatchRequest,
    PlannedBatch,
    RefusedRequest,
    plan_batch,
)
from transforms.parts import CHUNK_ARTICLES, Parts


class LandingFolder(dg.ConfigurableResource):
    directory: str
    # Bigger files are quarantined unread: scraped pages that size are feeds or dumps, not articles.
    max_bytes: int = int(os.environ.get("MILITIA_MAX_FILE_BYTES", DEFAULT_MAX_BYTES))
    # Articles read, stored and extracted at a time: what bounds a run's memory, whatever the batch.
    chunk_articles: int = int(os.environ.get("MILITIA_CHUNK_ARTICLES", CHUNK_ARTICLES))


class LandingRun(dg.Config):
    """What one run reads besides the files that changed since the last run: ``transforms.ingest.BatchRequest`` as run
    config, and ``reextract``: extract every stored article again (a rule change), landing files read as usual."""

    full: bool = False
    replay: list[str] = []
    replay_rejected: bool = False
    retract: list[str] = []
    reextract: bool = False


@dg.multi_asset(
    outs={
        "raw_articles": dg.AssetOut(
            io_manager_key="frames",
            is_required=False,
            description="This run's batch: articles read from new or changed landing files, and stored articles re-extracted.",
        ),
        "rejected_files": dg.AssetOut(
            io_manager_key="frames",
            is_required=False,
            description="This run's batch: landing files refused, and every refused manifest row, with the reason.",
        ),
        "landing_ledger": dg.AssetOut(
            io_manager_key="frames",
            is_required=False,
            description="This run's batch: size, mtime, content hash and outcome of each file read or retracted.",
        ),
    },
    group_name="ingestion",
)
def landing_files(
    context: dg.AssetExecutionContext,
    config: LandingRun,
    landing: LandingFolder,
    warehouse: Warehouse,
    lake: LakeStore,
    frames: dg.ResourceParam[PolarsParquetIOManager],
):
    """The batch, or nothing: a batch with nothing in it, when the served marts are those of the last
    batch (``orchestration.batches``), yields no output, and Dagster skips every step after this one."""
    if warehouse.restore_work_db(lake.at(warehouse)):
        context.log.warning(
            f"{warehouse.work_db} was missing: restored from the lake partitions and the served {warehouse.served_db}"
        )
    with warehouse.connect() as con:
        stored = stored_landing(con, all_stale=config.full or config.reextract)
        manifest_problems = stored_manifest_problems(con)
        stale = stale_marts(con, dbt_project_digest()) if warehouse.served_db.exists() else "no served warehouse yet"
    articles = frames.new_parts(context.run_id, "raw_articles", ARTICLE_SCHEMA)
    try:
        batch = plan_batch(
            Path(landing.directory),
            stored,
            BatchRequest(**config.model_dump(exclude={"reextract"})),
            dt.datetime.now(dt.UTC),
            landing.max_bytes,
            article_refusal,
            sink=articles.append,
            chunk_articles=landing.chunk_articles,
            tell_progress=context.log.info,
        )
    except RefusedRequest as why:
        articles.discard()
        raise dg.Failure(str(why)) from None

    if is_empty(batch, manifest_problems):
        if stale is None:
            articles.discard()
            context.log.info("nothing new, changed or stale: the served marts are those of the last batch; nothing to build")
            return
        context.log.info(f"nothing new, but the marts are rebuilt: {stale}")
    for row in batch.rejected.iter_rows(named=True):
        context.log.warning(f"quarantined {row['file']!r}: {row['reason']}")
    counts = dict(batch.files_read.group_by("outcome").len().iter_rows())
    yield dg.Output(
        articles,
        "raw_articles",
        metadata={
            "files read": batch.files_read.height,
            "new or changed articles": batch.articles_read,
            "re-extracted articles": batch.reextracted,
            "touched only": batch.touched,
        },
    )
    yield dg.Output(
        batch.rejected,
        "rejected_files",
        metadata={
            "rejected files": counts.get("rejected", 0),
            "duplicates": counts.get("duplicate", 0),
            "manifest problems": batch.manifest_problems,
        },
    )
    yield dg.Output(batch.ledger, "landing_ledger", metadata={"retracted": batch.retracted, "ledger rows": batch.ledger.height})


def is_empty(batch: PlannedBatch, manifest_problems: pl.DataFrame) -> bool:
    """Nothing to merge: no file read, touched or retracted, no article to extract again, and the
    manifest problems (found afresh every run) those the warehouse holds."""
    found = batch.rejected.filter(pl.col("source") != "file").select("file", "reason").unique()
    return batch.article_count == 0 and batch.ledger.is_empty() and found.sort(pl.all()).equals(manifest_problems.sort(pl.all()))


class ExtractionRun(dg.Config):
    # Seconds the rule pass may spend on one article before it gives the article up and quarantines it.
    seconds_per_article: float = float(os.environ.get("MILITIA_ARTICLE_SECONDS", ARTICLE_SECONDS))


@dg.multi_asset(
    outs={
        "events": dg.AssetOut(io_manager_key="frames", description="Events of EVENTS.md extracted from this run's articles."),
        "event_claims": dg.AssetOut(io_manager_key="frames", description="Each source's own figures for an event."),
        "extraction_rejects": dg.AssetOut(
            io_manager_key="frames",
            description="This run's articles the extractor gave up on (over the time budget per article, or it failed), as rejected files.",
        ),
    },
    group_name="extraction",
)
def extracted_events(
    context: dg.AssetExecutionContext,
    config: ExtractionRun,
    raw_articles: Parts,
    extraction_engine: ExtractionEngine,
    frames: dg.ResourceParam[PolarsParquetIOManager],
):
    """Each part of the articles gives one part of the events and of the claims, written before the next is read."""
    events = frames.new_parts(context.run_id, "events", EVENT_SCHEMA)
    claims = frames.new_parts(context.run_id, "event_claims", CLAIM_SCHEMA)
    quarantined = [pl.DataFrame(schema=QUARANTINE_SCHEMA)]
    by_type: dict[str, int] = {}
    for extraction in extraction_engine.extract(
        raw_articles, seconds_per_article=config.seconds_per_article, tell_progress=context.log.info
    ):
        events.append(extraction.events)
        claims.append(extraction.claims)
        quarantined.append(extraction.quarantined)
        for event_type, count in extraction.events.group_by("event_type").len().iter_rows():
            by_type[event_type] = by_type.get(event_type, 0) + count
    now = dt.datetime.now(dt.UTC)
    # The file was text (it decoded), so its first bytes tell nothing; the reason does.
    given_up = pl.concat(quarantined)
    rejects = (
        given_up.join(raw_articles.select("article_id", "file", "byte_size"), on=["article_id", "file"])
        .select(
            "file",
            "reason",
            "byte_size",
            source=pl.lit("file"),
            first_bytes_hex=pl.lit(None),
            duplicate_of=pl.lit(None),
            rejected_at=pl.lit(now),
        )
        .select(list(REJECTED_SCHEMA))
        .cast(REJECTED_SCHEMA)
    )
    for row in rejects.iter_rows(named=True):
        context.log.warning(f"quarantined {row['file']!r}: {row['reason']}")
    yield dg.Output(
        events,
        "events",
        metadata={
            "events": sum(by_type.values()),
            **{f"{k}s": v for k, v in by_type.items()},
            "executor": extraction_engine.executor,
        },
    )
    yield dg.Output(claims, "event_claims")
    yield dg.Output(rejects, "extraction_rejects", metadata={"articles given up": rejects.height})
