"""The domain vocabulary of docs/EVENTS.md as data: one CSV per field in ``transforms/vocabulary/``.

Each file lists the values one field of an event may take, its key in the first column
(``event_types.csv`` holds ``event_type``), with what else is known of each value: an
actor's side and how specific a name it is, a country's ISO codes and Arabic words, the
representative hour of a time of day. The extractor, the GX suites, the gold validator and
the exports read them here; dbt loads the same files as seeds (``seed-paths`` in
dbt_project.yml) and tests the columns of its models against them.

Standard library only: tests/gold/validate_gold.py runs with a bare Python.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

VOCABULARY_DIR = Path(__file__).parent / "vocabulary"


@dataclass(frozen=True)
class Actor:
    actor: str
    name_en: str
    side: str | None  # us_coalition | militia; none for unknown
    specificity: str  # named | generic (fits any actor of its side) | unknown (fits anyone)
    member_of: str | None  # the umbrella the group claims under


@dataclass(frozen=True)
class Country:
    country: str  # the code events and marts use
    name_en: str
    iso_numeric: int
    iso_alpha3: str
    spellings: tuple[str, ...]  # Arabic words that place an act in the country


@cache
def rows(field: str) -> tuple[dict[str, str | None], ...]:
    """The rows of ``<field>.csv`` in file order, a blank cell as None."""
    with open(VOCABULARY_DIR / f"{field}.csv", encoding="utf-8", newline="") as handle:
        return tuple({name: value or None for name, value in row.items()} for row in csv.DictReader(handle))


def values(field: str) -> tuple[str, ...]:
    """The values a field may take (the first column of ``<field>.csv``), in file order."""
    return tuple(next(iter(row.values())) for row in rows(field))


def fields() -> list[str]:
    """Every field the vocabulary lists (its file names)."""
    return sorted(path.stem for path in VOCABULARY_DIR.glob("*.csv"))


@lru_cache(maxsize=1)
def actors() -> dict[str, Actor]:
    return {
        row["actor"]: Actor(row["actor"], row["name_en"], row["side"], row["specificity"], row["member_of"])
        for row in rows("actors")
    }


def named_militias() -> frozenset[str]:
    """Militias named as a group of their own (not "Iran-aligned" in general)."""
    return frozenset(a.actor for a in actors().values() if a.side == "militia" and a.specificity == "named")


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    return {
        row["country"]: Country(
            row["country"],
            row["name_en"],
            int(row["iso_numeric"]),
            row["iso_alpha3"],
            tuple(re.split(r"\s*\|\s*", row["spellings"])),
        )
        for row in rows("countries")
    }
