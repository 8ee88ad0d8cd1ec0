"""Articles in, EVENTS.md records and Polars frames out; also the command line.

    python -m transforms.extract [--manifest CSV] PATH...

prints one JSON object per event (the EVENTS.md fields plus evidence) to stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import NamedTuple

import polars as pl

from transforms import ingest
from transforms.cues import NAMED_ACTORS
from transforms.dates import publication_date as dated_publication
from transforms.events import EXTRACTOR_VERSION, ArticleExtractor, Event, Report
from transforms.parts import Progress

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
    "date_basis": pl.String,  # stated: the text dates this act; context: the day of the act told before it; before: see date_not_after; null: undated
    # An act told as "before that" («وسبق ذلك») has no day of its own but happened on or before the
    # day of the act it preceded: the warehouse places it there, never after it.
    "date_not_after": pl.Date,
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
    """EVENTS.md's publication date of an article (``transforms.dates.publication_date``), without its origin."""
    return dated_publication(text, manifest_date)[0]


def event_record(event: Event, published: dt.date | None, article_id: str, index: int) -> dict:
    reports = sorted(event.reports, key=lambda r: (r.sentence.index, r.anchor))
    dated = [r for r in reports if r.time is not None and r.time.resolve(published) != (None, None)]
    # A statement's day dates the act only when no mention of the act itself does.
    dating = next((r for r in dated if not r.time.said), dated[0] if dated else None)
    timed = dating.time if dating else None
    day, offset = timed.resolve(published) if timed else (None, None)
    time_of_day = (timed.time_of_day if timed else None) or next(
        (r.time.time_of_day for r in reports if r.time and r.time.time_of_day), None
    )
    # A recollection merged into a news act ("in January the same base was hit by Iran-backed groups"),
    # or a reminder ("يذكر أن ..."), lends it no attacker: who did the act comes from the act's own mentions.
    background = (dating or reports[0]).background
    own_window = (
        [r for r in reports if r.background == background and not r.aside]
        or [r for r in reports if r.background == background]
        or reports
    )
    claimed_reports = [r for r in own_window if r.claimed]
    # A mention that names the event's place speaks of this act; a placeless one may speak of others.
    placed = [
        r for r in own_window if event.location is None or (r.location is not None and r.location.id == event.location.id)
    ] or own_window
    if claimed_reports:
        actor = claimed_reports[0].actor
    elif event.event_type == "attack" and any(r.claim_denied for r in reports):
        actor = "unknown"
    elif event.event_type == "strike":
        actor = placed[0].actor
        if actor == "unknown":
            # «قصف بطائرة مسيرة ...», then «أكد مسؤول أن القوات الأمريكية نفذت الضربة»: the striker named later.
            actor = next((r.actor for r in reports if r.striker_named and r.actor != "unknown"), actor)
    else:
        # The mentions naming the place decide; placeless ones ("accused pro-Tehran groups of the
        # attack") only fill in where those leave the actor unknown.
        known = [r for r in placed if r.actor != "unknown"] or own_window
        actor = max((r.actor for r in known), key=lambda a: (_ACTOR_RANK.get(a, 2), -_first_index(known, a)))
    outcomes = [r.outcome for r in reports if r.outcome]
    event_id = hashlib.sha1(
        f"{article_id}|{index}|{event.event_type}|{event.location.id if event.location else ''}".encode()
    ).hexdigest()[:16]
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
        "weapon": _first(placed, "weapon") or _first(reports, "weapon"),
        "munition_count": _first(reports, "munition_count"),
        "killed": _toll(reports, "killed"),
        "injured": _toll(reports, "injured"),
        "date": day,
        "day_offset": offset,
        "date_basis": None,
        "date_not_after": None,
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
        "_days_before": next((r.days_before for r in reports if r.days_before is not None), None),
        "_other_voice": min(reports, key=lambda r: (r.sentence.start, r.anchor)).other_voice,
    }


def _first(reports: list[Report], attr: str):
    return next((getattr(r, attr) for r in reports if getattr(r, attr) is not None), None)


def _toll(reports: list[Report], attr: str):
    """The last update of a toll when the text gives one («ارتفعت الحصيلة إلى ...»), else the first figure."""
    updates = [getattr(r, attr) for r in reports if attr in r.updated]
    return updates[-1] if updates else _first(reports, attr)


def _first_index(reports: list[Report], actor: str) -> int:
    return next(i for i, r in enumerate(reports) if r.actor == actor)


def _claims(reports: list[Report], actor: str) -> list[dict]:
    claims = []
    for r in reports:
        source = r.source or (actor if r.claimed else None)
        figures = {k: getattr(r, k) for k in ("munition_count", "killed", "injured") if getattr(r, k) is not None} | r.pooled
        if source and figures:
            claim = {"source": source, **figures}
            if claim not in claims:
                claims.append(claim)
    return claims


def extract_article(
    text: str,
    article: str,
    published: dt.date | None,
    article_id: str | None = None,
    extractor: ArticleExtractor | None = None,
) -> list[dict]:
    """EVENTS.md records (with evidence and claims) for one article's text."""
    article_id = article_id or ingest.article_id(text.encode("utf-8"))
    extractor = extractor or _default_extractor()
    events = extractor.extract(text[:MAX_TEXT_CHARS], article, published)
    records = [event_record(e, published, article_id, i) for i, e in enumerate(events)]
    _name_the_group(records)
    _share_the_strikes_means(records)
    _inherit_narrative_day(records, published)
    return records


def _share_the_strikes_means(records: list[dict]) -> None:
    """Strikes of one round told without their means take the one means the article gives its strikes.

    "شنت الولايات المتحدة هجوماً على مواقع في دير الزور والبوكمال والقائم ... غارات على الحيدرية":
    every place of the round was struck from the air; with two means told, none is lent.
    """
    strikes = [r for r in records if r["event_type"] == "strike" and not r["background"]]
    means = {r["weapon"] for r in strikes if r["weapon"]}
    if len(means) == 1:
        (weapon,) = means
        for record in strikes:
            record["weapon"] = record["weapon"] or weapon


def _name_the_group(records: list[dict]) -> None:
    """Attacks the article gives to "Iran-aligned factions" take the one group it names as attacker.

    Reports name a group vaguely first and precisely later ("pro-Iran factions ... the Islamic
    Resistance in Iraq said it targeted ..."); with two groups named, neither is chosen.
    """
    named = {r["actor"] for r in records if r["event_type"] == "attack" and not r["background"] and r["actor"] in NAMED_ACTORS}
    if len(named) == 1:
        (group,) = named
        for record in records:
            if record["event_type"] == "attack" and record["actor"] == "iran_aligned":
                record["actor"] = group


def _inherit_narrative_day(records: list[dict], published: dt.date | None) -> None:
    """An act the text gives no day of happened on the day the story is telling.

    News narrates in order: "the coalition answered the attack by shelling al-Mayadin"
    carries the day of the act told just before it. An act told before any other, or right
    after an undated one, stays undated (EVENTS.md v2: no day word, no day); the warehouse
    places it in its news window. So does an act another party reports on its own ("من جانبه،
    أفاد موقع ... بأن"): a new voice, not the story's next step. Background events neither give nor take.
    An act told as "before that" took place on or before the act told just before it: it gets
    that day as a bound (``date_not_after``), not as its day, unless the text tells how long
    before ("بعد يوم واحد من استهداف ...").
    """
    for record in records:
        if not record["background"] and (record["day_offset"] is not None or record["date"] is not None):
            record["date_basis"] = "stated"
    for record in sorted(records, key=lambda r: r["_mentions"][0]):
        if record["background"] or record["date_basis"]:
            continue
        told_before = _act_told_before(record, records)
        if record["_told_as_earlier"] and record["_days_before"] is not None:
            # "ويأتي الهجوم بعد يوم واحد من استهداف X، تزامناً مع ... Y": the interval told gives the day
            # of each act it names, counted from the act that came after them.
            told_before = _act_told_before(record, [r for r in records if not r["_told_as_earlier"]])
            if told_before is None:
                continue
            back = dt.timedelta(days=record["_days_before"])
            if told_before["date"] is not None or told_before["day_offset"] is not None:
                record.update(
                    date=told_before["date"] - back if told_before["date"] is not None else None,
                    day_offset=None if told_before["day_offset"] is None else told_before["day_offset"] - record["_days_before"],
                    date_basis="context",
                )
        elif record["_told_as_earlier"]:
            # "Before that": the day of the act it preceded bounds it; the record itself stays undated.
            if told_before is not None and told_before["date"] is not None:
                record.update(date_not_after=told_before["date"], date_basis="before")
        elif told_before is not None and told_before["date_basis"] in ("stated", "context") and not record["_other_voice"]:
            record.update(date=told_before["date"], day_offset=told_before["day_offset"], date_basis="context")
    for record in records:
        del record["_mentions"], record["_told_as_earlier"], record["_other_voice"], record["_days_before"]


def _act_told_before(record: dict, records: list[dict]) -> dict | None:
    """The news act whose mention comes last before this act is first told, if any: dated or not."""
    first = record["_mentions"][0]
    told_before = [
        (max(p for p in r["_mentions"] if p < first), r)
        for r in records
        if r is not record and not r["background"] and any(p < first for p in r["_mentions"])
    ]
    return max(told_before, key=lambda pair: pair[0])[1] if told_before else None


_EXTRACTOR: ArticleExtractor | None = None


def _default_extractor() -> ArticleExtractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = ArticleExtractor()
    return _EXTRACTOR


# Below this many articles a batch goes to one worker process: starting more costs more than they save.
PARALLEL_MIN_ARTICLES = 400
_CHUNK_ARTICLES = 250
# How long the rule pass may take on one article before it is given up and the article
# quarantined: articles take milliseconds, so only input that makes a pattern backtrack comes near.
ARTICLE_SECONDS = 30.0
QUARANTINE_SCHEMA = {"article_id": pl.String, "file": pl.String, "reason": pl.String}


class Extraction(NamedTuple):
    events: pl.DataFrame  # EVENT_SCHEMA
    claims: pl.DataFrame  # CLAIM_SCHEMA
    quarantined: pl.DataFrame  # QUARANTINE_SCHEMA: articles given up (over the time budget, or the extractor failed on them)


def _extract_row(row: dict) -> tuple[list[dict], list[dict]]:
    events: list[dict] = []
    claims: list[dict] = []
    published = publication_date(row["text"], row["manifest_published_on"])
    for record in extract_article(row["text"], row["file"], published, row["article_id"]):
        claims.extend(
            {"event_id": record["event_id"], **{k: c.get(k) for k in ("source", "munition_count", "killed", "injured")}}
            for c in record.pop("claims")
        )
        events.append(record)
    return events, claims


def _serve(connection: Connection) -> None:
    """A worker process: extracts every article of each chunk it is sent, answering article by article.

    The answer per article is ("done", events, claims) or ("failed", reason); the parent
    learns from each answer that the next article has started, and kills a worker that
    stays on one article past the budget.
    """
    _default_extractor()
    connection.send(("ready",))
    while (chunk := connection.recv()) is not None:
        for row in chunk:
            try:
                connection.send(("done", *_extract_row(row)))
            except Exception as error:  # one article's bug must not fail the batch: it is quarantined with the error
                connection.send(("failed", f"extraction failed: {type(error).__name__}: {error}"))


class _Worker:
    """A spawned extraction process, the rows it holds (the first is being extracted) and since when."""

    def __init__(self, context: multiprocessing.context.SpawnContext):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.held: deque[int] = deque()
        self.since: float | None = None  # None until the worker has loaded the gazetteers

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.send(None)
        self.process.join(timeout=5)
        self.process.kill()
        self.process.join()
        self.connection.close()


class _Pool:
    """Spawned extraction processes, kept from one chunk of a batch to the next (each costs a second to start).

    Rows are dealt in chunks to up to ``workers`` processes (spawn, not fork: the caller may be a
    threaded Dagster process). A worker that spends more than ``seconds`` on one article is
    killed: that article is answered as failed, the rest of its chunk goes back to the queue and
    a new worker takes its place, so no article can hold up the batch.
    """

    def __init__(self, workers: int, seconds: float):
        self.workers, self.seconds = workers, seconds
        self.context = multiprocessing.get_context("spawn")
        self.pool: list[_Worker] = []

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc) -> None:
        for worker in self.pool:
            worker.stop()

    def answers(self, rows: list[dict], progress: Callable[[int], None] | None = None) -> list[tuple]:
        """Each row's answer, in row order: ("done", events, claims) or ("failed", reason); ``progress`` gets the count answered."""
        queue = deque(range(len(rows)))
        answers: dict[int, tuple] = {}
        self.pool.extend(_Worker(self.context) for _ in range(min(self.workers, len(rows)) - len(self.pool)))
        pool, seconds, context = self.pool, self.seconds, self.context
        while len(answers) < len(rows):
            for worker in pool:
                if worker.since is not None and not worker.held and queue:
                    worker.held.extend(queue.popleft() for _ in range(min(_CHUNK_ARTICLES, len(queue))))
                    worker.connection.send([rows[i] for i in worker.held])
                    worker.since = time.monotonic()
            busy = [w for w in pool if w.since is None or w.held]
            deadlines = [w.since + seconds for w in busy if w.since is not None]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            answered = wait([w.connection for w in busy], timeout)
            for slot, worker in enumerate(pool):
                if worker.connection in answered:
                    try:
                        answer = worker.connection.recv()
                    except EOFError:
                        if not worker.held:
                            raise RuntimeError("an extraction worker died while loading the extractor") from None
                        worker.process.join()
                        answers[worker.held.popleft()] = (
                            "failed",
                            f"extraction failed: the worker process died (exit code {worker.process.exitcode})",
                        )
                        pool[slot] = _replace(worker, queue, context)
                        continue
                    if answer[0] != "ready":
                        answers[worker.held.popleft()] = answer
                    worker.since = time.monotonic()
                elif worker.held and worker.since is not None and time.monotonic() - worker.since > seconds:
                    answers[worker.held.popleft()] = (
                        "failed",
                        f"extraction gave up after {seconds:g} s on this article (time budget per article)",
                    )
                    pool[slot] = _replace(worker, queue, context)
            if progress:
                progress(len(answers))
        return [answers[i] for i in range(len(rows))]


def _replace(worker: _Worker, queue: deque[int], context: multiprocessing.context.SpawnContext) -> _Worker:
    """Kill the worker, put the rows it still held back at the front of the queue, and start another."""
    worker.process.kill()
    worker.stop()
    queue.extendleft(reversed(worker.held))
    return _Worker(context)


def extract_frames(
    articles: pl.DataFrame,
    workers: int | None = None,
    seconds_per_article: float = ARTICLE_SECONDS,
    tell_progress: Callable[[str], None] | None = None,
) -> Extraction:
    """Events, per-source claims and the articles given up, for a frame of articles, in article order.

    ``articles`` needs columns article_id, file, text and manifest_published_on. Articles are
    extracted in worker processes, one per core (or ``workers``) for large batches, one for
    small ones; the result is the same whatever their number. An article that takes longer
    than ``seconds_per_article``, or on which the extractor raises, yields no events and a
    row in ``quarantined`` with the reason; the rest of the batch goes on. ``tell_progress``
    receives a line on how far a long batch has got (see ``Progress``).
    """
    (extraction,) = extract_chunks([articles], articles.height, workers, seconds_per_article, tell_progress)
    return extraction


def extract_chunks(
    chunks: Iterable[pl.DataFrame],
    total: int,
    workers: int | None = None,
    seconds_per_article: float = ARTICLE_SECONDS,
    tell_progress: Callable[[str], None] | None = None,
) -> Iterator[Extraction]:
    """``extract_frames`` of each chunk of a batch of ``total`` articles, chunk by chunk, in one pool of workers.

    Only one chunk's articles and events are held at a time; the events are those of
    ``extract_frames`` on the whole batch, cut where the articles were. The progress lines
    count the whole batch.
    """
    workers = (workers or os.cpu_count() or 1) if total >= PARALLEL_MIN_ARTICLES else 1
    progress = Progress(total, tell_progress) if tell_progress else None
    done = 0
    with _Pool(workers, seconds_per_article) as pool:
        for chunk in chunks:
            rows = chunk.select("article_id", "file", "text", "manifest_published_on").rows(named=True)
            answers = pool.answers(rows, progress and (lambda n, before=done: progress(before + n))) if rows else []
            done += len(rows)
            yield _frames(rows, answers)


def _frames(rows: list[dict], answers: list[tuple]) -> Extraction:
    events: list[dict] = []
    claims: list[dict] = []
    quarantined: list[dict] = []
    for row, answer in zip(rows, answers):
        if answer[0] == "done":
            events.extend(answer[1])
            claims.extend(answer[2])
        else:
            quarantined.append({"article_id": row["article_id"], "file": row["file"], "reason": answer[1]})
    return Extraction(
        pl.DataFrame(events, schema=EVENT_SCHEMA),
        pl.DataFrame(claims, schema=CLAIM_SCHEMA),
        pl.DataFrame(quarantined, schema=QUARANTINE_SCHEMA),
    )


# --- command line -----------------------------------------------------------------------
def _json_default(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m transforms.extract", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--manifest", type=Path, help=f"{ingest.MANIFEST_NAME} (file, published_on, ...); default: the one beside each file"
    )
    parser.add_argument("paths", nargs="+", help="article files or folders of them")
    args = parser.parse_args(argv)
    if args.manifest is not None and not args.manifest.is_file():
        parser.error(f"--manifest {args.manifest}: no such file")
    try:
        # The pipeline's reading: its listing, decoder (BOMs, UTF-16, windows-1256, HTML pages), manifest and dates.
        files = ingest.read_article_files(args.paths, args.manifest)
    except ingest.NotAManifest as error:
        parser.error(f"--manifest: {error}")
    articles = events = 0
    refused: list[str] = []
    for read in files:
        if read.article is None:
            print(f"{read.path}: not read: {read.refused}", file=sys.stderr)
            refused.append(read.path.name)
            continue
        article = read.article
        articles += 1
        for record in extract_article(article["text"], article["file"], article["published_on"], article["article_id"]):
            events += 1
            print(json.dumps(record, ensure_ascii=False, default=_json_default))
    print(f"transforms.extract: {articles} articles read, {events} events, {len(refused)} files not read", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
