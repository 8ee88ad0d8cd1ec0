"""Gazetteers (data files in ``transforms/gazetteer/``) and the matcher over them.

Every spelling of every place, actor, source and weapon goes into one Aho-Corasick
automaton, so a sentence is scanned once whatever the size of the lists. A hit
counts when it stands at word boundaries, allowing the clitics that Arabic writes
onto a word (و ف ب ل ك, the article ال, and لل for ل + ال), and the longest hit
wins where hits overlap.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

from transforms import vocabulary
from transforms.normalize import match_key, normalize

GAZETTEER_DIR = Path(__file__).parent / "gazetteer"

_CLITICS = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "لل", "ولل", "فلل"}
_CLITICS_WITH_ARTICLE = _CLITICS | {"ال", "وال", "فال", "بال", "كال", "وبال", "فبال"}


@dataclass(frozen=True)
class Location:
    id: str
    kind: str  # base | place | governorate
    name_en: str
    country: str
    governorate: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Actor:
    id: str  # the EVENTS.md actor id this name stands for
    name_en: str
    side: str  # its actor's side in the vocabulary (transforms/vocabulary/actors.csv): militia | us_coalition


@dataclass(frozen=True)
class Source:
    id: str
    name_en: str
    kind: str


@dataclass(frozen=True)
class WeaponTerm:
    weapon: str
    number: str  # "1", "2", "plural", or "" for an adjective or a mass noun


@dataclass(frozen=True)
class Mention:
    kind: str  # location | actor | source | weapon
    id: str
    start: int
    end: int
    entry: Location | Actor | Source | WeaponTerm


@dataclass
class Gazetteer:
    locations: dict[str, Location] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    _automaton: ahocorasick.Automaton = field(default_factory=ahocorasick.Automaton)
    _entries: dict[str, list[tuple[str, str, object, bool]]] = field(default_factory=dict)

    def add(self, kind: str, ident: str, entry: object, spelling: str) -> None:
        key = match_key(normalize(spelling))
        if not key or (kind, ident, entry, False) in self._entries.get(key, ()):
            return  # a spelling written twice (a variant the loader derives may be in the file already)
        self._entries.setdefault(key, []).append((kind, ident, entry, False))
        if key.startswith("ال") and len(key) > 3:
            # ل + ال is written لل: "للتحالف" holds no "التحالف".
            self._entries.setdefault("ل" + key[2:], []).append((kind, ident, entry, True))

    def build(self) -> Gazetteer:
        for key, values in self._entries.items():
            self._automaton.add_word(key, (key, values))
        self._automaton.make_automaton()
        return self

    def names_any(self, normalized: str, kinds: frozenset[str]) -> bool:
        """Whether a text holds a name of one of ``kinds`` anywhere: one automaton pass, no word boundaries checked.

        A gate, not a finder: a name inside a longer word lets the text through to ``find``, which
        then reads it properly; nothing a gate lets through is lost.
        """
        return any(kind in kinds for _, (_, values) in self._automaton.iter(match_key(normalized)) for kind, *_ in values)

    def names_in(self, normalized: str) -> Iterator[tuple[str, str, object]]:
        """(kind, id, entry) of every name a text holds, no word boundaries checked: a superset of
        what ``find`` reads in any piece of the text."""
        for _, (_, values) in self._automaton.iter(match_key(normalized)):
            for kind, ident, entry, _ in values:
                yield kind, ident, entry

    def find(self, normalized: str) -> list[Mention]:
        """Non-overlapping mentions in a normalised sentence, longest first where they collide."""
        key_text = match_key(normalized)
        hits: list[tuple[int, int, list]] = []
        blocked: list[tuple[int, int, str]] = []
        for last, (key, values) in self._automaton.iter(key_text):
            end = last + 1
            start = end - len(key)
            if end < len(key_text) and key_text[end].isalnum() and key_text[end] != "ا":
                continue
            if end < len(key_text) and key_text[end] == "ا" and end + 1 < len(key_text) and key_text[end + 1].isalnum():
                continue  # an accusative alef may close the word, nothing more
            kept = [v for v in values if _left_boundary_ok(key_text, start, v[3], key.startswith("ال"))]
            blocked += [(start, end, v[1]) for v in kept if v[0] == "blocker"]
            kept = [v for v in kept if v[0] != "blocker"]
            if kept:
                hits.append((start, end, kept))
        if blocked:
            # A longer phrase that is not the name ("قناة الميادين" for the town) masks it.
            hits = [
                (s, e, [v for v in values if not any(bs <= s and e <= be and kind == v[0] for bs, be, kind in blocked)])
                for s, e, values in hits
            ]
            hits = [h for h in hits if h[2]]
        # Longest wins among names of one kind; a weapon may sit inside an actor's name
        # ("المدفعية الأمريكية"), so kinds do not compete with each other.
        candidates = sorted(
            ((start, end, kind, ident, entry) for start, end, values in hits for kind, ident, entry, _ in values),
            key=lambda h: (-(h[1] - h[0]), h[0]),
        )
        taken: dict[str, list[tuple[int, int]]] = {}
        mentions: list[Mention] = []
        for start, end, kind, ident, entry in candidates:
            spans = taken.setdefault(kind, [])
            if any(start < e and s < end for s, e in spans if (s, e) != (start, end)):
                continue
            spans.append((start, end))
            mentions.append(Mention(kind, ident, start, end, entry))
        return sorted(mentions, key=lambda m: m.start)


def _left_boundary_ok(text: str, start: int, contracted: bool, has_article: bool) -> bool:
    """The letters between the previous word break and ``start`` must be clitics."""
    if contracted:
        if start == 0 or text[start - 1] != "ل":
            return False
        start -= 1
        allowed = {"", "و", "ف"}
    else:
        allowed = _CLITICS if has_article else _CLITICS_WITH_ARTICLE
    word_start = start
    while word_start > 0 and text[word_start - 1].isalnum():
        word_start -= 1
    return text[word_start:start] in allowed


def _rows(name: str) -> list[dict[str, str]]:
    with open(GAZETTEER_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _spellings(row: dict[str, str]) -> list[str]:
    return [s.strip() for s in row.get("spellings", "").split("|") if s.strip()]


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The project's gazetteer, read and compiled once per process."""
    gazetteer = Gazetteer()
    for row in _rows("locations.csv"):
        location = Location(
            id=row["id"],
            kind=row["kind"],
            name_en=row["name_en"],
            country=row["country"],
            governorate=row["governorate"],
            lat=_float(row["lat"]),
            lon=_float(row["lon"]),
        )
        gazetteer.locations[location.id] = location
        for spelling in _spellings(row):
            gazetteer.add("location", location.id, location, spelling)
    for row in _rows("actors.csv"):
        actor_id = row.get("maps_to") or row["id"]
        actor = Actor(id=actor_id, name_en=row["name_en"], side=vocabulary.actors()[actor_id].side)
        gazetteer.actors[row["id"]] = actor
        for spelling in _spellings(row):
            gazetteer.add("actor", actor.id, actor, spelling)
    for row in _rows("sources.csv"):
        source = Source(id=row["id"], name_en=row["name_en"], kind=row["kind"])
        gazetteer.sources[source.id] = source
        for spelling in _spellings(row):
            gazetteer.add("source", source.id, source, spelling)
    for row in _rows("blockers.csv"):
        blocked_kind = {"locations": "location", "actors": "actor", "sources": "source"}[row["file"]]
        for spelling in _spellings(row):
            gazetteer.add("blocker", blocked_kind, None, spelling)
    for row in _rows("weapons.csv"):
        term = WeaponTerm(weapon=row["weapon"], number=row["number"])
        gazetteer.add("weapon", row["weapon"], term, row["term"])
        words = row["term"].split()
        if len(words) > 1 and not words[0].startswith("ال"):
            # "الطائرات المسيرة": a noun phrase made definite takes ال on every word.
            gazetteer.add("weapon", row["weapon"], term, " ".join("ال" + w for w in words))
            accusative = " ".join(_accusative(w) for w in words)
            if term.number not in ("2", "plural") and accusative != row["term"]:
                # "نفذ طيرانا مسيرا ضربات": an indefinite object takes the tanween alef on every word.
                gazetteer.add("weapon", row["weapon"], term, accusative)
    return gazetteer.build()


def _accusative(word: str) -> str:
    """An indefinite singular word in the accusative as written: a closing alef, except where the ending
    takes none (ta marbuta, a long vowel, hamza, the feminine plural)."""
    if word.startswith("ال") or word.endswith(("ه", "ا", "ى", "و", "ء", "ات")):
        return word
    return word + "ا"
