"""Score the extractor against gold events by the EVENTS.md rule.

    python -m transforms.evaluate GOLD.jsonl PATH... [--manifest CSV] [--misses]

Events of one article match on (event_type, location_id); within one key, pairs are
made by closest date. Unmatched predictions are false positives, unmatched
non-optional gold events false negatives; a prediction matched to an optional gold
event counts neither way. Matched pairs are scored field by field where the gold
value is not null (actor and background always).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from transforms.extract import _files, _read_manifest, content_hash, extract_article, publication_date

SCORED_FIELDS = ("date", "day_offset", "weapon", "munition_count", "actor", "killed", "injured", "background")
ALWAYS_SCORED = {"actor", "background"}


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    field_totals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self) -> dict[str, float]:
        return {f: self.field_hits[f] / self.field_totals[f] for f in SCORED_FIELDS if self.field_totals[f]}


def _key(event: dict) -> tuple:
    return event["event_type"], event.get("location_id")


def _date_gap(gold: dict, predicted: dict) -> int:
    g, p = gold.get("day_offset"), predicted.get("day_offset")
    return abs(g - p) if g is not None and p is not None else 1000


def _same(field_name: str, gold, predicted) -> bool:
    if field_name == "date" and predicted is not None:
        predicted = str(predicted)
    return gold == predicted


def score_article(article: str, gold: list[dict], predicted: list[dict], score: Score) -> None:
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for g in gold:
        by_key[_key(g)].append(g)
    unmatched_gold = {id(g): g for g in gold}
    for p in predicted:
        candidates = [g for g in by_key[_key(p)] if id(g) in unmatched_gold]
        if not candidates:
            score.false_positives += 1
            score.misses.append(f"{article}: false positive {p['event_type']} at {p.get('location_id')} ({p.get('date')})")
            continue
        g = min(candidates, key=lambda c: _date_gap(c, p))
        del unmatched_gold[id(g)]
        if g.get("optional"):
            continue
        score.true_positives += 1
        for name in SCORED_FIELDS:
            if g.get(name) is None and name not in ALWAYS_SCORED:
                continue
            score.field_totals[name] += 1
            if _same(name, g.get(name), p.get(name)):
                score.field_hits[name] += 1
            else:
                score.misses.append(f"{article}: {g['event_type']} at {g.get('location_id')}: {name} gold {g.get(name)!r}, got {p.get(name)!r}")
    for g in unmatched_gold.values():
        if not g.get("optional"):
            score.false_negatives += 1
            score.misses.append(f"{article}: missed {g['event_type']} at {g.get('location_id')} ({g.get('date')})")


def evaluate(gold_path: Path, paths: list[str], manifest: Path | None = None) -> Score:
    gold: dict[str, list[dict]] = defaultdict(list)
    with open(gold_path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                event = json.loads(line)
                gold[event["article"]].append(event)
    score = Score()
    manifests: dict[Path, dict] = {}
    for path in _files(paths):
        manifest_path = manifest or path.parent / "manifest.csv"
        if manifest_path not in manifests:
            manifests[manifest_path] = _read_manifest(manifest_path)
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
        published = publication_date(text, manifests[manifest_path].get(path.name))
        predicted = extract_article(text, path.name, published, content_hash(raw))
        score_article(path.name, gold.get(path.name, []), predicted, score)
    return score


def report(score: Score, show_misses: bool = True) -> str:
    lines = [
        f"events: precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}"
        f"  (tp {score.true_positives}, fp {score.false_positives}, fn {score.false_negatives})",
        "fields: " + "  ".join(f"{name} {acc:.3f}" for name, acc in score.field_accuracy().items()),
    ]
    if show_misses and score.misses:
        lines.append(f"misses ({len(score.misses)}):")
        lines.extend(f"  {m}" for m in score.misses)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m transforms.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold events, one JSON object per line (EVENTS.md fields)")
    parser.add_argument("paths", nargs="+", help="article files or folders")
    parser.add_argument("--manifest", type=Path)
    parser.add_argument("--summary", action="store_true", help="figures only, no list of misses")
    args = parser.parse_args(argv)
    print(report(evaluate(args.gold, args.paths, args.manifest), show_misses=not args.summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
