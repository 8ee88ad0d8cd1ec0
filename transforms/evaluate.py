"""Score the extractor against gold events by the EVENTS.md rule.

    python -m transforms.evaluate GOLD.jsonl PATH... [--manifest manifest.csv] [--summary] [--json OUT.json]

Events of one article match on (event_type, location_id). Within one key, the pair that
agrees on the most scored fields is made first (then closest day, fewer disagreements,
prediction order, gold order), so a duplicate prediction does not take a gold event from
the prediction that describes it better. Unmatched predictions are false positives,
unmatched non-optional gold events false negatives; a prediction matched to an optional
gold event counts neither way. Matched pairs are scored field by field where the gold
value is not null (actor and background always).

A matched non-optional pair is exact when every field scored on it agrees. Exact-event
F1 takes exact pairs as the true positives against the same predicted and gold totals:
precision exact / (tp + fp), recall exact / (tp + fn), as in the annotators' AGREEMENT.md.
A field the gold leaves null is not scored; a predicted value there is counted apart,
per field, as a value where the gold has none.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from transforms.extract import extract_article
from transforms.ingest import MANIFEST_NAME, NotAManifest, read_article_files

SCORED_FIELDS = ("date", "day_offset", "weapon", "munition_count", "actor", "killed", "injured", "background")
ALWAYS_SCORED = {"actor", "background"}
NULLABLE_FIELDS = tuple(name for name in SCORED_FIELDS if name not in ALWAYS_SCORED)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    exact_events: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    field_totals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    predicted_where_gold_none: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses_by_article: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    @property
    def misses(self) -> list[str]:
        return [f"{article}: {miss}" for article, misses in self.misses_by_article.items() for miss in misses]

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
        return _f1(self.precision, self.recall)

    @property
    def exact_f1(self) -> float:
        found = self.true_positives + self.false_positives
        wanted = self.true_positives + self.false_negatives
        return _f1(self.exact_events / found if found else 1.0, self.exact_events / wanted if wanted else 1.0)

    def field_accuracy(self) -> dict[str, float]:
        return {f: self.field_hits[f] / self.field_totals[f] for f in SCORED_FIELDS if self.field_totals[f]}

    def as_dict(self) -> dict:
        return {
            "events": {
                "precision": self.precision,
                "recall": self.recall,
                "f1": self.f1,
                "true_positives": self.true_positives,
                "false_positives": self.false_positives,
                "false_negatives": self.false_negatives,
            },
            "exact_events": {"f1": self.exact_f1, "exact": self.exact_events},
            "fields": {
                name: {"accuracy": accuracy, "hits": self.field_hits[name], "scored": self.field_totals[name]}
                for name, accuracy in self.field_accuracy().items()
            },
            "predicted_where_gold_none": {
                "total": sum(self.predicted_where_gold_none.values()),
                "fields": {name: self.predicted_where_gold_none[name] for name in NULLABLE_FIELDS},
            },
            "misses": {article: list(misses) for article, misses in self.misses_by_article.items()},
        }


def _key(event: dict) -> tuple:
    return event["event_type"], event.get("location_id")


def _date_gap(gold: dict, predicted: dict) -> int:
    g, p = gold.get("day_offset"), predicted.get("day_offset")
    return abs(g - p) if g is not None and p is not None else 1000


def _same(field_name: str, gold, predicted) -> bool:
    if field_name == "date" and predicted is not None:
        predicted = str(predicted)
    return gold == predicted


def _scored_fields(gold: dict) -> list[str]:
    return [name for name in SCORED_FIELDS if gold.get(name) is not None or name in ALWAYS_SCORED]


def _pair_rank(gold: dict, predicted: dict) -> tuple[int, int, int]:
    # The day comes before the count of disagreements: a gold event with few non-null fields
    # has few chances to disagree, which says nothing about whether it is the same act.
    agreements = sum(_same(name, gold.get(name), predicted.get(name)) for name in _scored_fields(gold))
    disagreements = len(_scored_fields(gold)) - agreements
    return -agreements, _date_gap(gold, predicted), disagreements


def pair_events(gold: list[dict], predicted: list[dict]) -> dict[int, dict]:
    """The gold event each prediction is paired with, by prediction index; unpaired ones are absent."""
    candidates = sorted(
        (_pair_rank(g, p), p_index, g_index)
        for p_index, p in enumerate(predicted)
        for g_index, g in enumerate(gold)
        if _key(g) == _key(p)
    )
    paired: dict[int, dict] = {}
    paired_gold: set[int] = set()
    for _, p_index, g_index in candidates:
        if p_index not in paired and g_index not in paired_gold:
            paired[p_index] = gold[g_index]
            paired_gold.add(g_index)
    return paired


def score_article(article: str, gold: list[dict], predicted: list[dict], score: Score) -> None:
    misses: list[str] = []
    paired = pair_events(gold, predicted)
    for p_index, p in enumerate(predicted):
        g = paired.get(p_index)
        if g is None:
            score.false_positives += 1
            misses.append(f"false positive {p['event_type']} at {p.get('location_id')} ({p.get('date')})")
            continue
        if g.get("optional"):
            continue
        score.true_positives += 1
        exact = True
        scored_fields = _scored_fields(g)
        for name in SCORED_FIELDS:
            if name not in scored_fields:
                if p.get(name) is not None:
                    score.predicted_where_gold_none[name] += 1
                    misses.append(
                        f"{g['event_type']} at {g.get('location_id')}: {name} gold None, got {p.get(name)!r} (a value where the gold has none)"
                    )
                continue
            score.field_totals[name] += 1
            if _same(name, g.get(name), p.get(name)):
                score.field_hits[name] += 1
            else:
                exact = False
                misses.append(f"{g['event_type']} at {g.get('location_id')}: {name} gold {g.get(name)!r}, got {p.get(name)!r}")
        score.exact_events += exact
    paired_gold = {id(g) for g in paired.values()}
    for g in gold:
        if id(g) not in paired_gold and not g.get("optional"):
            score.false_negatives += 1
            misses.append(f"missed {g['event_type']} at {g.get('location_id')} ({g.get('date')})")
    if misses:
        score.misses_by_article[article].extend(misses)


def evaluate(gold_path: Path, paths: list[str], manifest: Path | None = None) -> Score:
    gold: dict[str, list[dict]] = defaultdict(list)
    with open(gold_path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                event = json.loads(line)
                gold[event["article"]].append(event)
    score = Score()
    for read in read_article_files(paths, manifest):
        # A file a run would refuse yields no events, as in the warehouse.
        article = read.article
        predicted = (
            extract_article(article["text"], article["file"], article["published_on"], article["article_id"]) if article else []
        )
        score_article(read.path.name, gold.get(read.path.name, []), predicted, score)
    return score


def report(score: Score, show_misses: bool = True) -> str:
    where_none = score.predicted_where_gold_none
    lines = [
        f"events: precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}  exact F1 {score.exact_f1:.3f}"
        f"  (tp {score.true_positives}, fp {score.false_positives}, fn {score.false_negatives}, exact {score.exact_events})",
        "fields: " + "  ".join(f"{name} {acc:.3f}" for name, acc in score.field_accuracy().items()),
        f"values where the gold has none: {sum(where_none.values())}  ("
        + "  ".join(f"{name} {where_none[name]}" for name in NULLABLE_FIELDS)
        + ")",
    ]
    if show_misses and score.misses:
        lines.append(f"misses ({len(score.misses)}):")
        lines.extend(f"  {m}" for m in score.misses)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m transforms.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold events, one JSON object per line (EVENTS.md fields)")
    parser.add_argument("paths", nargs="+", help="article files or folders")
    parser.add_argument(
        "--manifest", type=Path, help=f"{MANIFEST_NAME} (file, published_on, ...); default: the one beside each file"
    )
    parser.add_argument("--summary", action="store_true", help="figures only, no list of misses")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures and misses to OUT as JSON")
    args = parser.parse_args(argv)
    try:
        score = evaluate(args.gold, args.paths, args.manifest)
    except NotAManifest as error:
        parser.error(f"--manifest: {error}")
    print(report(score, show_misses=not args.summary))
    if args.json:
        args.json.write_text(json.dumps(score.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
