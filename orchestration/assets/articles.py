"""From the landing folder to frames: the batch of files that changed, read or quarantined, and its events.

Every frame here is one run's batch, not the corpus: the landing step compares the
folder with the warehouse's ledger (raw.landing_ledger) and reads only new and
changed files; raw_tables merges the batch into the warehouse.
"""


import datetime as dt
import os
from pathlib import Path

import dagster as dg
import polars as pl

from expectations.verdicts import article_refusal
from orchestration.assets.warehouse import StoredLanding, stored_landing
from orchestration.executors import ExtractionEngine
from orchestration.resources import Warehouse
from transforms.extract import ARTICLE_SECONDS
from transforms.ingest import (
    DEFAULT_MAX_BYTES, LEDGER_SCHEMA, REJECTED_SCHEMA, inside_folder, list_landing, manifest_rejections, read_batch,
    read_files, manifest_hash, read_manifest, scan_landing,
)


class LandingFolder(dg.ConfigurableResource):
    directory: str
    # Bigger files are quarantined unread: scraped pages that size are feeds or dumps, not articles.
    max_bytes: int = int(os.environ.get("MILITIA_MAX_FILE_BYTES", DEFAULT_MAX_BYTES))


class LandingRun(dg.Config):
    """What one run reads besides the files that changed since the last run."""
    full: bool = False  # re-read every landing file and extract every stored article again
    replay: list[str] = []  # landing files to read again although unchanged (quarantined ones after a rule change)
    replay_rejected: bool = False  # read every quarantined file again
    retract: list[str] = []  # files whose article, events and rejection leave the warehouse
    reextract: bool = False  # extract every stored article again (a rule change), landing files read as usual


@dg.multi_asset(
    outs={
        "raw_articles": dg.AssetOut(io_manager_key="frames", description="This run's batch: articles read from new or changed landing files, and stored articles re-extracted."),
        "rejected_files": dg.AssetOut(io_manager_key="frames", description="This run's batch: landing files refused, and every refused manifest row, with the reason."),
        "landing_ledger": dg.AssetOut(io_manager_key="frames", description="This run's batch: size, mtime, content hash and outcome of each file read or retracted."),
    },
    group_name="ingestion",
)
def landing_files(context: dg.AssetExecutionContext, config: LandingRun, landing: LandingFolder, warehouse: Warehouse):
    folder = Path(landing.directory)
    now = dt.datetime.now(dt.timezone.utc)
    manifest, problems = read_manifest(folder)
    if warehouse.work_db_lost:
        context.log.warning(f"{warehouse.work_db} is missing: restored from the served {warehouse.served_db}")
    with warehouse.connect() as con:
        stored = stored_landing(con, all_stale=config.full or config.reextract)
    retract, replay = _requested(config, stored, folder)
    # A file the manifest has no row for (a refused manifest, a scraper that lists only new
    # files) keeps the metadata its stored article has: a missing row never erases it.
    metadata = {**stored.manifest_rows, **manifest}

    scan = scan_landing(folder, stored.ledger, manifest, landing.max_bytes, force=True if config.full else replay)
    changed = {f.name: f for f in scan.changed if f.name not in retract}
    # A file kept as a duplicate of one that changed or left may now be the only copy: read it again.
    orphaned = stored.duplicates.filter(
        pl.col("duplicate_of").is_in(list(changed) + sorted(retract)) & ~pl.col("file").is_in(list(changed) + sorted(retract))
    )["file"].to_list()
    changed.update({f.name: f for f in read_files(folder, orphaned, landing.max_bytes)})

    leaving = set(changed) | retract
    known = {digest: file for digest, file in stored.article_files.items() if file not in leaving}
    batch = read_batch(list(changed.values()), metadata, known, now, article_refusal)
    reextracted = stored.stale_articles.filter(~pl.col("file").is_in(list(leaving)))
    articles = pl.concat([batch.articles, reextracted])
    rejected = pl.concat([batch.rejected, manifest_rejections(problems, now)])
    ledger = pl.concat([
        batch.ledger,
        scan.touched.filter(~pl.col("file").is_in(list(leaving))),
        _retracted(folder, sorted(retract), metadata, landing.max_bytes, now),
    ])

    for row in rejected.iter_rows(named=True):
        context.log.warning(f"quarantined {row['file']!r}: {row['reason']}")
    counts = dict(batch.ledger.group_by("outcome").len().iter_rows())
    yield dg.Output(articles, "raw_articles", metadata={
        "files read": len(changed), "new or changed articles": batch.articles.height,
        "re-extracted articles": reextracted.height, "touched only": scan.touched.height,
    })
    yield dg.Output(rejected, "rejected_files", metadata={
        "rejected files": counts.get("rejected", 0), "duplicates": counts.get("duplicate", 0), "manifest problems": len(problems),
    })
    yield dg.Output(ledger, "landing_ledger", metadata={"retracted": len(retract), "ledger rows": ledger.height})


def held_files(stored: StoredLanding) -> set[str]:
    """The file names the warehouse holds, those a retraction may name."""
    return set(stored.ledger["file"]) | set(stored.article_files.values())


def _requested(config: LandingRun, stored: StoredLanding, folder: Path) -> tuple[set[str], set[str]]:
    """Files to retract and to replay, refused as a whole when one of them is unknown."""
    unknown = sorted(set(config.retract) - held_files(stored))
    if unknown:
        raise dg.Failure(f"cannot retract files the warehouse does not hold: {unknown}")
    present = set(list_landing(folder)["file"])
    replay = set(config.replay)
    if config.replay_rejected:
        replay |= set(stored.ledger.filter(pl.col("outcome") == "rejected")["file"]) & present
    missing = sorted(name for name in replay if not inside_folder(name) or name not in present)
    if missing:
        raise dg.Failure(f"cannot replay files that are not in the landing folder {folder}: {missing}")
    return set(config.retract), replay


def _retracted(folder: Path, names: list[str], manifest: dict, max_bytes: int, now: dt.datetime) -> pl.DataFrame:
    """Ledger rows of retracted files: a file still in the folder stays out until its bytes change."""
    present = {f.name: f for f in read_files(folder, names, max_bytes)}
    return pl.DataFrame([
        {"file": name, "byte_size": present[name].byte_size if name in present else None,
         "modified_ns": present[name].modified_ns if name in present else None,
         "content_hash": present[name].content_hash if name in present else None,
         "manifest_hash": manifest_hash(manifest, name), "outcome": "retracted", "read_at": now}
        for name in names
    ], schema=LEDGER_SCHEMA)


class ExtractionRun(dg.Config):
    # Seconds the rule pass may spend on one article before it gives the article up and quarantines it.
    seconds_per_article: float = float(os.environ.get("MILITIA_ARTICLE_SECONDS", ARTICLE_SECONDS))


@dg.multi_asset(
    outs={
        "events": dg.AssetOut(io_manager_key="frames", description="Events of EVENTS.md extracted from this run's articles."),
        "event_claims": dg.AssetOut(io_manager_key="frames", description="Each source's own figures for an event."),
        "extraction_rejects": dg.AssetOut(io_manager_key="frames", description="This run's articles the extractor gave up on (over the time budget per article, or it failed), as rejected files."),
    },
    group_name="extraction",
)
def extracted_events(
    context: dg.AssetExecutionContext, config: ExtractionRun, raw_articles: pl.DataFrame, extraction_engine: ExtractionEngine,
):
    extraction = extraction_engine.extract(raw_articles, seconds_per_article=config.seconds_per_article, tell_progress=context.log.info)
    now = dt.datetime.now(dt.timezone.utc)
    # The file was text (it decoded), so its first bytes tell nothing; the reason does.
    rejects = extraction.quarantined.join(raw_articles.select("article_id", "file", "byte_size"), on=["article_id", "file"]).select(
        "file", "reason", "byte_size", source=pl.lit("file"), first_bytes_hex=pl.lit(None), duplicate_of=pl.lit(None),
        rejected_at=pl.lit(now),
    ).select(list(REJECTED_SCHEMA)).cast(REJECTED_SCHEMA)
    for row in rejects.iter_rows(named=True):
        context.log.warning(f"quarantined {row['file']!r}: {row['reason']}")
    events = extraction.events
    by_type = dict(events.group_by("event_type").len().iter_rows()) if events.height else {}
    yield dg.Output(events, "events", metadata={
        "events": events.height, **{f"{k}s": v for k, v in by_type.items()}, "executor": extraction_engine.executor})
    yield dg.Output(extraction.claims, "event_claims", metadata={"claims": extraction.claims.height})
    yield dg.Output(rejects, "extraction_rejects", metadata={"articles given up": rejects.height})
