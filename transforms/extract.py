"""Articles in, EVENTS.md records and Polars frames out; also the command line.

    python -m transforms.extract [--manifest CSV] PATH...

prints one JSON object per event (the EVENTS.md fields plus evidence) to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable, Iterator

import polars as pl

from transforms.dates import header_date
from transforms.events import EXTRACTOR_VERSION, ArticleExtractor, Event, Report

_ACTOR_RANK = {"unknown": 0, "iran_aligned": 1}
_OUTCOME_RANK = {"intercepted": 0, "foiled": 1, "hit": 2, "no_damage": 3}
# The biggest article the extractor reads whole; longer texts are cut here (scraped
# pages that size are feeds or dumps, and regexes on them would stall a batch).
MAX_TEXT_CHARS = 2_000_000

EVENT_SCHEMA = {
    "event_id": pl.String,
    "article_id": pl.String,
    "article": pl.String,
    "event_type": pl.String,
    "location_id": pl.String,
    "location_kind": pl.String,
    "country": pl.List(pl.String),
    "actor": pl.String,
    "claimed": pl.Boolean,
    "weapon": pl.String,
    "munition_count": pl.Int64,
    "killed": pl.Int64,
    "injured": pl.Int64,
    "date": pl.Date,
    "day_offset": pl.Int64,
    "date_basis": pl.String,  # stated: the text dates this act; context: the day of the act told before it
    "time_of_day": pl.String,
    "outcome": pl.String,
    "background": pl.Boolean,
    "published_on": pl.Date,
    "sources": pl.List(pl.String),
    "evidence": pl.String,
    "evidence_spans": pl.List(pl.Struct({"start": pl.Int64, "end": pl.Int64})),
    "extractor_version": pl.String,
}
CLAIM_SCHEMA = {
    "event_id": pl.String,
    "source": pl.String,
    "munition_count": pl.Int64,
    "killed": pl.Int64,
    "injured": pl.Int64,
}


def publication_date(text: str, manifest_date: dt.date | None) -> dt.date | None:
    """EVENTS.md: the date the article states in its header, else the manifest's."""
    return header_date(text) or manifest_date


def event_record(event: Event, published: dt.date | None, article_id: str, index: int) -> dict:
    reports = sorted(event.reports, key=lambda r: (r.sentence.index, r.anchor))
    dating = next((r for r in reports if r.time is not None and r.time.resolve(published) != (None, None)), None)
    timed = dating.time if dating else None
    day, offset = timed.resolve(published) if timed else (None, None)
    time_of_day = (timed.time_of_day if timed else None) or next(
        (r.time.time_of_day for r in reports if r.time and r.time.time_of_day), None)
    claimed_reports = [r for r in reports if r.claimed]
    # A mention that names the event's place speaks of this act; a placeless one may speak of others.
    placed = [r for r in reports if event.location is None or (r.location is not None and r.location.id == event.location.id)] or reports
    if claimed_reports:
        actor = claimed_reports[0].actor
    elif event.event_type == "attack" and any(r.claim_denied for r in reports):
        actor = "unknown"
    elif event.event_type == "strike":
        actor = placed[0].actor
    else:
        # The mentions naming the place decide; placeless ones ("accused pro-Tehran groups of the
        # attack") only fill in where those leave the actor unknown.
        known = [r for r in placed if r.actor != "unknown"] or reports
        actor = max((r.actor for r in known), key=lambda a: (_ACTOR_RANK.get(a, 2), -_first_index(known, a)))
    outcomes = [r.outcome for r in reports if r.outcome]
    event_id = hashlib.sha1(f"{article_id}|{index}|{event.event_type}|{event.location.id if event.location else ''}".encode()).hexdigest()[:16]
    sentences = sorted({(r.sentence.start, r.sentence.end, r.sentence.text) for r in reports})
    return {
        "event_id": event_id,
        "article_id": article_id,
        "article": event.article,
        "event_type": event.event_type,
        "location_id": event.location.id if event.location else None,
        "location_kind": event.location.kind if event.location else None,
        "country": sorted(set(event.countries or ([event.location.country] if event.location else []))),
        "actor": actor,
        "claimed": bool(claimed_reports),
        "weapon": _first(reports, "weapon"),
        "munition_count": _first(reports, "munition_count"),
        "killed": _first(reports, "killed"),
        "injured": _first(reports, "injured"),
        "date": day,
        "day_offset": offset,
        "date_basis": None,
        "time_of_day": time_of_day,
        "outcome": min(outcomes, key=_OUTCOME_RANK.get) if outcomes else None,
        "background": (dating or reports[0]).background,
        "published_on": published,
        "sources": sorted({r.source for r in reports if r.source}),
        "evidence": " … ".join(text for _, _, text in sentences),
        "evidence_spans": [{"start": s, "end": e} for s, e, _ in sentences],
        "extractor_version": EXTRACTOR_VERSION,
        "claims": _claims(reports, actor),
        # Where the text tells of this act, for dating undated acts by the story's order; dropped before output.
        "_mentions": [(r.sentence.start, r.anchor) for r in reports],
        "_told_as_earlier": any(r.earlier for r in reports),
    }


def _first(reports: list[Report], attr: str):
    return next((getattr(r, attr) for r in reports if getattr(r, attr) is not None), None)


def _first_index(reports: list[Report], actor: str) -> int:
    return next(i for i, r in enumerate(reports) if r.actor == actor)


def _claims(reports: list[Report], actor: str) -> list[dict]:
    claims = []
    for r in reports:
        source = r.source or (actor if r.claimed else None)
        figures = {k: getattr(r, k) for k in ("munition_count", "killed", "injured") if getattr(r, k) is not None}
        if source and figures:
            claim = {"source": source, **figures}
            if claim not in claims:
                claims.append(claim)
    return claims


def extract_article(
    text: str, article: str, published: dt.date | None, article_id: str | None = None,
    extractor: ArticleExtractor | None = None,
) -> list[dict]:
    """EVENTS.md records (with evidence and claims) for one article's text."""
    article_id = article_id or content_hash(text.encode("utf-8"))
    extractor = extractor or _default_extractor()
    events = extractor.extract(text[:MAX_TEXT_CHARS], article, published)
    records = [event_record(e, published, article_id, i) for i, e in enumerate(events)]
    _inherit_narrative_day(records, published)
    return records


def _inherit_narrative_day(records: list[dict], published: dt.date | None) -> None:
    """An act the text gives no day of happened on the day the story is telling.

    News narrates in order: "the coalition answered the attack by shelling al-Mayadin"
    carries the day of the act told just before it. An act told before any other (a
    headline, a lead) is the publication day's news. Background events neither give nor take.
    """
    for record in records:
        if not record["background"] and (record["day_offset"] is not None or record["date"] is not None):
            record["date_basis"] = "stated"
    for record in sorted(records, key=lambda r: r["_mentions"][0]):
        if record["background"] or record["date_basis"] or record["_told_as_earlier"]:
            continue
        first = record["_mentions"][0]
        told_before = [
            (max(p for p in r["_mentions"] if p < first), r) for r in records
            if r is not record and r["date_basis"] and any(p < first for p in r["_mentions"])
        ]
        if told_before:
            source = max(told_before, key=lambda pair: pair[0])[1]
            record.update(date=source["date"], day_offset=source["day_offset"], date_basis="context")
        else:
            record.update(date=published, day_offset=0, date_basis="context")
    for record in records:
        del record["_mentions"], record["_told_as_earlier"]


_EXTRACTOR: ArticleExtractor | None = None


def _default_extractor() -> ArticleExtractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = ArticleExtractor()
    return _EXTRACTOR


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


# Below this many articles a batch is extracted in this process: starting workers costs more.
PARALLEL_MIN_ARTICLES = 400
_CHUNK_ARTICLES = 250


def _extract_rows(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    events: list[dict] = []
    claims: list[dict] = []
    for row in rows:
        published = publication_date(row["text"], row["manifest_published_on"])
        for record in extract_article(row["text"], row["file"], published, row["article_id"]):
            claims.extend({"event_id": record["event_id"], **{k: c.get(k) for k in ("source", "munition_count", "killed", "injured")}} for c in record.pop("claims"))
            events.append(record)
    return events, claims


def extract_frames(articles: pl.DataFrame, workers: int | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Events and per-source claims for a frame of articles, in article order.

    ``articles`` needs columns article_id, file, text and manifest_published_on. Large
    batches are split over ``workers`` processes (default: one per core); the result is
    the same as in one process.
    """
    rows = articles.select("article_id", "file", "text", "manifest_published_on").rows(named=True)
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(rows) >= PARALLEL_MIN_ARTICLES:
        chunks = [rows[i:i + _CHUNK_ARTICLES] for i in range(0, len(rows), _CHUNK_ARTICLES)]
        # spawn, not fork: the caller may be a threaded Dagster process.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            parts = list(pool.map(_extract_rows, chunks))
    else:
        parts = [_extract_rows(rows)]
    events = [e for part_events, _ in parts for e in part_events]
    claims = [c for _, part_claims in parts for c in part_claims]
    return pl.DataFrame(events, schema=EVENT_SCHEMA), pl.DataFrame(claims, schema=CLAIM_SCHEMA)


# --- command line -----------------------------------------------------------------------
def _read_manifest(path: Path) -> dict[str, dt.date | None]:
    """Publication dates by file name, read as the pipeline reads a landing folder's manifest.csv."""
    from transforms.ingest import MANIFEST_NAME, read_manifest

    if path.name != MANIFEST_NAME:
        raise SystemExit(f"python -m transforms.extract: error: a manifest is a file named {MANIFEST_NAME}: {path}")
    rows, _ = read_manifest(path.parent)
    return {name: row.published_on for name, row in rows.items()}


def _files(paths: Iterable[str]) -> Iterator[Path]:
    """The files given, and those in the folders given, skipping the manifest and hidden files as the pipeline does."""
    from transforms.ingest import MANIFEST_NAME

    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.iterdir() if f.is_file() and f.name != MANIFEST_NAME and not f.name.startswith("."))
        else:
            yield p


def _json_default(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value))


def main(argv: list[str] | None = None) -> int:
    import unicodedata

    from transforms.ingest import MANIFEST_NAME, RejectedFile, decode

    parser = argparse.ArgumentParser(prog="python -m transforms.extract", description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, help="manifest.csv (file, published_on, ...); default: manifest.csv beside each folder given")
    parser.add_argument("paths", nargs="+", help="article files or folders of them")
    args = parser.parse_args(argv)
    if args.manifest is not None and not args.manifest.is_file():
        parser.error(f"--manifest {args.manifest}: no such file")
    articles = events = 0
    refused: list[str] = []
    manifests: dict[Path, dict] = {}
    for path in _files(args.paths):
        manifest_path = args.manifest or path.parent / MANIFEST_NAME
        if manifest_path not in manifests:
            manifests[manifest_path] = _read_manifest(manifest_path) if manifest_path.is_file() else {}
        try:
            raw = path.read_bytes()
            # The pipeline's decoder: BOMs, UTF-16, windows-1256, HTML pages; binary files refused.
            text, _ = decode(raw)
        except (OSError, RejectedFile) as error:
            print(f"{path}: not read: {error}", file=sys.stderr)
            refused.append(path.name)
            continue
        published = publication_date(text, manifests[manifest_path].get(unicodedata.normalize("NFC", path.name)))
        articles += 1
        for record in extract_article(text, path.name, published, content_hash(raw)):
            events += 1
            print(json.dumps(record, ensure_ascii=False, default=_json_default))
    print(f"transforms.extract: {articles} articles read, {events} events, {len(refused)} files not read", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
