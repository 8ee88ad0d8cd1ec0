"""A synthetic landing folder of Arabic news articles, with the gold events planted in it.

    python -m benchmarks.generate_corpus N OUT [--seed 7]

writes ``OUT/landing/`` (N article files and ``manifest.csv``), ``OUT/gold.jsonl`` (one
EVENTS.md object per planted event, with its ``article``) and ``OUT/corpus.json``
(what was written). Article i depends only on (seed, i), so the corpus of 1,000 is
the first 1,000 files of the corpus of 100,000, and articles N, N+1, ... are new ones
for the same corpus.

Articles are assembled from ``benchmarks/templates.py``: a header that may state the
publication date, a title, one to five event sentences (attacks on bases from the
gazetteer, US or coalition strikes on one to three towns, sometimes a recalled past
attack), context paragraphs, tallies, threats and boilerplate, 1-8 KB in all. About 1%
of files are of the awkward kinds scrapers deliver: empty, PNG bytes, NUL bytes (all
three rejected), windows-1256, UTF-16 with BOM and HTML (all three readable).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import hashlib
import html
import json
import math
import random
import sys
from pathlib import Path

from benchmarks import templates as t
from benchmarks import unrelated as u

GENERATOR_VERSION = "2"
LOCATIONS_CSV = Path(__file__).resolve().parent.parent / "transforms" / "gazetteer" / "locations.csv"
FIRST_PUBLICATION, LAST_PUBLICATION = dt.date(2020, 1, 1), dt.date(2024, 12, 31)

# The awkward files, each at this share of all files (about 1% together).
BAD_FILE_RATE = {"empty": 0.0017, "png": 0.0017, "nul": 0.0017, "windows-1256": 0.0017, "utf-16": 0.0016, "html": 0.0016}
REJECTED_KINDS = ("empty", "png", "nul")
# The feeds: "relevant" has only reports of this conflict (the first corpus); "realistic" is what a
# scraper of Arabic outlets sees, this share of reports among unrelated news.
FEEDS = ("realistic", "relevant")
REALISTIC_RELEVANT_SHARE = 0.08
# Planted events per article: 0 (a context piece) to 5 acts.
ACT_COUNT_WEIGHTS = {0: 8, 1: 42, 2: 28, 3: 14, 4: 6, 5: 2}
STRIKE_PLACES_WEIGHTS = {1: 70, 2: 22, 3: 8}
DIGIT_STYLES = {"western": 55, "arabic-indic": 25, "persian": 5, "words": 15}
ARABIC_INDIC, PERSIAN = "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"
HARAKAT = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b"]  # fatha, damma, kasra, shadda, sukun, tanwin
TATWEEL = "\u0640"


@dataclasses.dataclass(frozen=True)
class Place:
    id: str
    kind: str
    country: str
    governorate: str
    spellings: tuple[str, ...]


def load_places() -> dict[str, Place]:
    """The gazetteer's places with the spellings a generated text may use (Arabic only)."""
    places = {}
    with open(LOCATIONS_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            spellings = tuple(s for s in row["spellings"].split("|") if s and not any("a" <= c.lower() <= "z" for c in s))
            places[row["id"]] = Place(row["id"], row["kind"], row["country"], row["governorate"], spellings)
    return places


@dataclasses.dataclass
class Article:
    file: str
    data: bytes
    published_on: dt.date | None  # as the manifest gives it
    kind: str  # utf-8 or one of BAD_FILE_RATE
    events: list[dict]  # gold, EVENTS.md fields


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _with_lam(phrase: str) -> str:
    """The preposition لـ written onto a phrase: ل + ال is لل."""
    return "لل" + phrase[2:] if phrase.startswith("ال") else "ل" + phrase


class ArticleWriter:
    """Writes article ``index`` of the corpus of ``seed``; every choice comes from one RNG."""

    def __init__(self, seed: int, index: int, places: dict[str, Place]):
        self.rng = random.Random(f"{seed}:{index}")
        self.index = index
        self.places = places
        self.bases = {p.id: t.BASE_WEIGHTS.get(p.id, 1) for p in places.values() if p.kind == "base"}
        self.strike_places = {pid: w for pid, w in t.STRIKE_PLACE_WEIGHTS.items() if pid in places}
        self.unused_filler: list[str] = []

    # --- small pieces -----------------------------------------------------------------
    def number(self, n: int, feminine_noun: bool, words_allowed: bool = True) -> str:
        style = _weighted(self.rng, DIGIT_STYLES)
        if style == "words" and words_allowed and 3 <= n <= 10:
            return (t.NUMBER_WORDS_FOR_FEMININE_NOUN if feminine_noun else t.NUMBER_WORDS_FOR_MASCULINE_NOUN)[n]
        digits = str(n)
        if style == "arabic-indic":
            return digits.translate(str.maketrans("0123456789", ARABIC_INDIC))
        if style == "persian":
            return digits.translate(str.maketrans("0123456789", PERSIAN))
        return digits

    def munitions(self, weapon: str) -> tuple[str, str, int | None]:
        """(with بـ, as an object, count) for one weapon; the count None when the text gives none."""
        spec, rng = t.MUNITIONS[weapon], self.rng
        roll = rng.random()
        if roll < 0.22:
            phrase = rng.choice(spec["vague"])
            return "ب" + phrase, phrase, None
        if roll < 0.40:
            return "ب" + rng.choice(spec["one_gen"]), rng.choice(spec["one_acc"]), 1
        if roll < 0.58:
            phrase = rng.choice(spec["two"])
            return "ب" + phrase, phrase, 2
        count = rng.randint(3, 10) if rng.random() < 0.85 else rng.randint(11, 24)
        numeral = self.number(count, spec["feminine"])
        phrase = f"{numeral} {rng.choice(spec['plural'] if count <= 10 else spec['many'])}"
        with_b = "ب" + phrase if not numeral[0].isdigit() else rng.choice(["بـ", "بـ "]) + phrase
        return with_b, phrase, count

    def people(self, n: int, soldiers: bool) -> str:
        """n soldiers of the US (attacks) or n militia fighters (strikes), as a count phrase."""
        if soldiers:
            one, two, few, many = "جندي أمريكي", "جنديين أمريكيين", "جنود أمريكيين", "جندياً أمريكياً"
        else:
            one, two, few, many = "عنصر", "عنصرين", "عناصر", "عنصراً"
        if n == 1:
            return one
        if n == 2:
            return two
        return f"{self.number(n, False)} {few if n <= 10 else many}"

    def tail(self, tails: list, soldiers: bool) -> tuple[str, int | None, int | None]:
        text, killed, injured, _ = self.rng.choices(tails, weights=[w for *_, w in tails])[0]
        if killed == "count":
            killed = self.rng.randint(1, 3) if soldiers else self.rng.randint(1, 25)
        if injured == "count":
            if killed is None:
                injured = self.rng.randint(1, 9)
                return text.format(injured=self.people(injured, soldiers)), killed, injured
            injured = self.rng.randint(3, 30)
            return text.format(killed=self.people(killed, soldiers), injured=self.number(injured, False, False)), killed, injured
        if killed is not None and killed:
            return text.format(killed=self.people(killed, soldiers)), killed, injured
        return text, killed, injured

    def base_phrase(self, place: Place) -> str:
        spelling = self.rng.choice(place.spellings)
        return spelling if spelling.startswith(t.BASE_NOUNS) else "قاعدة " + spelling

    def region(self, place: Place) -> str:
        options = t.REGIONS.get(place.governorate, [""])
        region = self.rng.choice(options) if self.rng.random() < 0.7 else ""
        return " " + region if region else ""

    def source(self, country: str) -> tuple[str, str, str]:
        """(source id, trailing attribution, lead-in) of a source that reports from that country."""
        allowed = {
            "SY": ("sohr", "local_sources", "reuters", "afp", "deir_ezzor_24", "us_official"),
            "IQ": ("reuters", "afp", "shafaq", "us_official", "iraqi_security_media_cell", "local_sources"),
            "JO": ("reuters", "afp", "us_official"),
        }[country]
        source_id = _weighted(self.rng, {s: w for s, w in t.SOURCE_WEIGHTS.items() if s in allowed})
        trailing, leads = t.SOURCES[source_id]
        return source_id, self.rng.choice(trailing), self.rng.choice(leads)

    def time_expression(self, published: dt.date, absolute_allowed: bool) -> tuple[str, dict]:
        """A day expression and what it means: the offset from publication and how it is stated."""
        rng = self.rng
        kinds = {"today": 20, "yesterday": 25, "last_night": 5, "two_days": 5, "weekday": 20, "pair": 7, "eve": 5}
        if absolute_allowed:
            kinds["absolute"] = 13
        kind = _weighted(rng, kinds)

        def weekday(offset: int) -> str:
            return t.WEEKDAYS[(published + dt.timedelta(days=offset)).weekday()]

        if kind == "today":
            text, part = rng.choice(
                [
                    ("اليوم", None),
                    ("فجر اليوم", "dawn"),
                    ("صباح اليوم", "morning"),
                    ("مساء اليوم", "evening"),
                    (f"اليوم {weekday(0)}", None),
                    (f"فجر اليوم {weekday(0)}", "dawn"),
                    ("ظهر اليوم", "afternoon"),
                ]
            )
            return text, {"kind": "relative", "offset": 0, "time_of_day": part}
        if kind == "yesterday":
            text, part = rng.choice(
                [
                    ("أمس", None),
                    ("مساء أمس", "evening"),
                    ("ليل أمس", "night"),
                    ("صباح أمس", "morning"),
                    (f"أمس {weekday(-1)}", None),
                    (f"مساء أمس {weekday(-1)}", "evening"),
                    ("فجر أمس", "dawn"),
                ]
            )
            return text, {"kind": "relative", "offset": -1, "time_of_day": part}
        if kind == "last_night":
            return "الليلة الماضية", {"kind": "relative", "offset": -1, "time_of_day": "night"}
        if kind == "two_days":
            return rng.choice(["منذ يومين", "قبل يومين", "أول أمس"]), {"kind": "relative", "offset": -2, "time_of_day": None}
        if kind == "weekday":
            back = rng.randint(0, 5)
            name = weekday(-back)
            forms = [
                (f"يوم {name}", None),
                (f"فجر {name}", "dawn"),
                (f"مساء {name}", "evening"),
                (f"ليل {name}", "night"),
                (f"صباح يوم {name}", "morning"),
            ]
            if back >= 1:
                forms.append((f"يوم {name} الماضي", None))
            text, part = rng.choice(forms)
            return text, {"kind": "weekday", "offset": -back, "time_of_day": part}
        if kind == "pair":
            back = rng.randint(1, 4)  # the night begins on the first day, so that day is before publication
            text = f"ليل {weekday(-back)}{rng.choice(['/', '-', ' - '])}{weekday(-back + 1)}"
            return text, {"kind": "weekday", "offset": -back, "time_of_day": "night"}
        if kind == "eve":
            back = rng.randint(0, 3)  # ليلة الخميس is the night before Thursday
            return f"ليلة {weekday(-back)}", {"kind": "weekday", "offset": -back - 1, "time_of_day": "night"}
        back = rng.randint(0, 3)
        day = published - dt.timedelta(days=back)
        with_year = rng.random() < 0.5
        text = self.calendar_date(day, with_year)
        if rng.random() < 0.4:
            text = f"يوم {t.WEEKDAYS[day.weekday()]} {text}"
        else:
            text = "في " + text
        return text, {"kind": "absolute" if with_year else "day_month", "offset": -back, "time_of_day": None, "day": day}

    def calendar_date(self, day: dt.date, with_year: bool) -> str:
        month = self.rng.choice(
            [
                t.LEVANTINE_MONTHS[day.month - 1],
                t.TRANSLITERATED_MONTHS[day.month - 1],
                f"{t.LEVANTINE_MONTHS[day.month - 1]}/{t.TRANSLITERATED_MONTHS[day.month - 1]}",
            ]
        )
        text = f"{self.number(day.day, False, False)} {month}"
        return f"{text} {day.year}" if with_year else text

    # --- events ----------------------------------------------------------------------
    def attack(self, base: Place, published: dt.date, known: dt.date | None, absolute_allowed: bool) -> tuple[str, dict]:
        rng = self.rng
        template = rng.choice(t.ATTACK_TEMPLATES)
        weapon = _weighted(rng, t.ATTACK_WEAPON_WEIGHTS)
        mun_b, mun_acc, count = self.munitions(weapon)
        time_text, when = self.time_expression(published, absolute_allowed)
        tail, killed, injured = ("", None, None) if "{tail}" not in template["text"] else self.tail(t.ATTACK_TAILS, soldiers=True)
        source_id, source, source_says = self.source(base.country)
        actor, claimed, actor_phrase, blamed_phrase = "unknown", False, "", ""
        if template["actor"] == "claimed":
            actor, claimed = _weighted(rng, t.CLAIMING_WEIGHTS), True
            actor_phrase = rng.choice(t.CLAIMING_GROUPS[actor])
        elif template["actor"] == "blamed":
            actor = _weighted(rng, t.BLAMED_WEIGHTS)
            blamed_phrase = rng.choice(t.BLAMED_GROUPS[actor])
        text = template["text"].format(
            time=time_text,
            base=self.base_phrase(base),
            region=self.region(base),
            mun_b=mun_b,
            mun_acc=mun_acc,
            actor=actor_phrase,
            actor_attr=blamed_phrase,
            actor_attr_l=_with_lam(blamed_phrase) if blamed_phrase else "",
            source=source,
            source_says=source_says,
            tail=tail,
        )
        reporter = source_id if template["source"] else (actor if claimed else None)
        event = self.gold(
            "attack", base, actor, claimed, weapon, count, killed, injured, when, published, known, template["outcome"], reporter
        )
        return text, event

    def strike(self, targets: list[Place], published: dt.date, known: dt.date | None) -> tuple[str, list[dict]]:
        rng = self.rng
        template = rng.choice(t.STRIKE_TEMPLATES)
        striker = rng.choice(t.US_STRIKERS if template["striker"] == "us" else t.COALITION_STRIKERS)
        time_text, when = self.time_expression(published, absolute_allowed=False)
        # A round on several towns gives no per-town toll.
        tail, killed, injured = self.tail(t.STRIKE_TAILS, soldiers=False) if len(targets) == 1 else ("", None, None)
        source_id, source, _ = self.source(targets[0].country)
        names = [rng.choice(p.spellings) for p in targets]
        places = names[0] if len(names) == 1 else "، ".join(names[:-1]) + " و" + names[-1]
        target = rng.choice(t.STRIKE_TARGETS)
        text = template["text"].format(
            striker=striker, time=time_text, target_l=_with_lam(target), places=places, tail=tail, source=source
        )
        reporter = source_id if "{source}" in template["text"] else None
        events = [
            self.gold(
                "strike",
                p,
                template["striker"],
                False,
                template["weapon"],
                None,
                killed,
                injured,
                when,
                published,
                known,
                None,
                reporter,
            )
            for p in targets
        ]
        return text, events

    def background(self, base: Place, published: dt.date, known: dt.date | None) -> tuple[str, dict]:
        day = published - dt.timedelta(days=self.rng.randint(40, 400))
        weapon = self.rng.choice(["rocket", "drone"])
        mun_b, _, count = self.munitions(weapon)
        text = self.rng.choice(t.BACKGROUND_TEMPLATES).format(
            base=self.base_phrase(base), mun_b=mun_b, date=self.calendar_date(day, with_year=True)
        )
        when = {"kind": "absolute", "offset": (day - published).days, "time_of_day": None, "day": day}
        event = self.gold("attack", base, "unknown", False, weapon, count, None, None, when, published, known, None, None)
        event["background"] = True
        return text, event

    @staticmethod
    def gold(
        event_type, place, actor, claimed, weapon, count, killed, injured, when, published, known, outcome, reporter
    ) -> dict:
        """The EVENTS.md record of a planted act; dates resolved as the guideline says."""
        if known is not None:
            date, offset = published + dt.timedelta(days=when["offset"]), when["offset"]
        elif when["kind"] == "relative":
            date, offset = None, when["offset"]  # "أمس" is a day back whatever the date
        elif when["kind"] == "absolute":
            date, offset = when["day"], None
        else:
            date, offset = None, None  # a weekday or a day-month needs the publication date
        figures = {k: v for k, v in (("munition_count", count), ("killed", killed), ("injured", injured)) if v is not None}
        return {
            "event_type": event_type,
            "location_id": place.id,
            "location_kind": place.kind,
            "country": [place.country],
            "actor": actor,
            "claimed": claimed,
            "weapon": weapon,
            "munition_count": count,
            "killed": killed,
            "injured": injured,
            "date": date.isoformat() if date else None,
            "day_offset": offset,
            "time_of_day": when["time_of_day"],
            "outcome": outcome,
            "claims": [{"source": reporter, **figures}] if reporter and figures else [],
            "background": False,
            "optional": False,
        }

    # --- the article -----------------------------------------------------------------
    def write(self) -> Article:
        rng = self.rng
        published = FIRST_PUBLICATION + dt.timedelta(days=rng.randint(0, (LAST_PUBLICATION - FIRST_PUBLICATION).days))
        header_states_date = rng.random() < 0.55
        manifest_date = published if rng.random() < 0.97 else None
        known = published if header_states_date or manifest_date else None
        outlet = rng.randrange(len(t.OUTLETS))

        acts, events, taken = [], [], []
        for position in range(_weighted(rng, ACT_COUNT_WEIGHTS)):
            if rng.random() < 0.62:
                base = self.places[self._fresh(self.bases, "attack", taken)]
                text, event = self.attack(base, published, known, absolute_allowed=position > 0)
                acts.append(text)
                events.append(event)
            else:
                count = _weighted(rng, STRIKE_PLACES_WEIGHTS)
                targets = [self.places[self._fresh(self.strike_places, "strike", taken)] for _ in range(count)]
                text, planted = self.strike(targets, published, known)
                acts.append(text)
                events.extend(planted)
        if acts and rng.random() < 0.08:
            base = self.places[self._fresh(self.bases, "attack", taken)]
            text, event = self.background(base, published, known)
            acts.append(text)
            events.append(event)

        governorate = rng.choice(["دير الزور", "الحسكة", "الأنبار", "الرقة"])
        lines = self.header(published, header_states_date, outlet)
        lines += ["", self.title(events, governorate), ""]
        blocks = [
            (rng.choice(["", "وفي سياق متصل، ", "وفي تطور آخر، ", "إلى ذلك، ", "من جهة أخرى، "]) if i else "") + a
            for i, a in enumerate(acts)
        ]
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            blocks.insert(rng.randint(1 if blocks else 0, len(blocks)), rng.choice(t.NOISE).format(tally=rng.randint(12, 180)))
        target_bytes = min(8000, max(1000, int(rng.lognormvariate(math.log(2800), 0.55))))
        size = sum(len(x.encode("utf-8")) for x in lines + blocks)
        while size < target_bytes:
            sentences = [self.filler(governorate) for _ in range(rng.randint(1, 3))]
            paragraph = " ".join(sentences)
            blocks.insert(rng.randint(1 if blocks else 0, len(blocks)), paragraph)
            size += len(paragraph.encode("utf-8")) + 2
        if rng.random() < 0.4:
            read_also = rng.choice(t.READ_ALSO).format(
                base=self.base_phrase(self.places[_weighted(rng, self.bases)]), governorate=governorate
            )
            blocks.insert(rng.randint(1 if len(blocks) > 1 else 0, len(blocks)), "اقرأ أيضاً: " + read_also)
        for block in blocks:
            lines += [block, ""]
        lines += [f.format(year=published.year, outlet=t.OUTLETS[outlet]) for f in rng.sample(t.FOOTERS, rng.randint(1, 4))]
        text = self.decorate("\n".join(lines) + "\n")

        kind = self.file_kind()
        data = self.encode(text, kind, lines)
        kind = "utf-8" if data is None else kind
        data = data if data is not None else text.encode("utf-8")
        if kind in REJECTED_KINDS:
            events = []
        name = f"{self.index:06d}_{hashlib.sha1(data).hexdigest()[:10]}.{'html' if kind == 'html' else 'txt'}"
        return Article(name, data, manifest_date, kind, [{"article": name, **e} for e in events])

    def write_unrelated(self) -> Article:
        """An article of unrelated news (``benchmarks/unrelated.py``): no event to find in it."""
        rng = self.rng
        published = FIRST_PUBLICATION + dt.timedelta(days=rng.randint(0, (LAST_PUBLICATION - FIRST_PUBLICATION).days))
        manifest_date = published if rng.random() < 0.97 else None
        outlet = rng.randrange(len(t.OUTLETS))
        topic = u.TOPICS[_weighted(rng, u.TOPIC_WEIGHTS)]
        lines = self.header(published, rng.random() < 0.55, outlet)
        lines += ["", self._unrelated(rng.choice(topic["titles"])), ""]
        target_bytes = min(8000, max(800, int(rng.lognormvariate(math.log(2400), 0.55))))
        size = sum(len(x.encode("utf-8")) for x in lines)
        unused: list[str] = []
        while size < target_bytes:
            if len(unused) < 3:  # an article repeats no sentence until it has used them all
                unused += rng.sample(topic["sentences"], len(topic["sentences"]))
            paragraph = " ".join(self._unrelated(unused.pop()) for _ in range(rng.randint(1, 3)))
            lines += [paragraph, ""]
            size += len(paragraph.encode("utf-8")) + 2
        lines += [f.format(year=published.year, outlet=t.OUTLETS[outlet]) for f in rng.sample(t.FOOTERS, rng.randint(1, 4))]
        text = self.decorate("\n".join(lines) + "\n")
        kind = self.file_kind()
        data = self.encode(text, kind, lines)
        kind = "utf-8" if data is None else kind
        data = data if data is not None else text.encode("utf-8")
        name = f"{self.index:06d}_{hashlib.sha1(data).hexdigest()[:10]}.{'html' if kind == 'html' else 'txt'}"
        return Article(name, data, manifest_date, kind, [])

    def _unrelated(self, template: str) -> str:
        rng = self.rng
        team, team2 = rng.sample(u.TEAMS, 2)
        return template.format(
            city=rng.choice(u.CITIES),
            country=rng.choice(u.COUNTRIES),
            official=rng.choice(u.OFFICIALS),
            n=self._digits(str(rng.randint(2, 12))),
            big=self._digits(str(rng.randint(15, 950))),
            pct=self._digits(str(rng.randint(3, 70))),
            score=self._digits(f"{rng.randint(0, 4)}-{rng.randint(0, 3)}"),
            team=team,
            team2=team2,
            currency=rng.choice(u.CURRENCIES),
            day=rng.choice(t.WEEKDAYS),
        )

    def _fresh(self, weights: dict[str, int], event_type: str, taken: list) -> str:
        """A place not yet planted with this event type in this article (events match on both)."""
        while True:
            place = _weighted(self.rng, weights)
            if (event_type, place) not in taken:
                taken.append((event_type, place))
                return place

    def header(self, published: dt.date, states_date: bool, outlet: int) -> list[str]:
        rng = self.rng
        dateline = rng.choice(t.DATELINES)
        if not states_date:
            return rng.choice(
                [[f"{t.OUTLETS[outlet]} | {dateline}"], ["أخبار سوريا والعراق"], [f"{dateline} - {t.OUTLETS[outlet]}"]]
            )
        style = rng.choice(["worded", "ymd", "dmy"])
        if style == "worded":
            return [f"{t.OUTLETS[outlet]} | {dateline} | {self.calendar_date(published, with_year=True)}"]
        if style == "ymd":
            stamp = f"{published.year}/{published.month:02d}/{published.day:02d}"
            return [f"{t.WEEKDAYS[published.weekday()]} {self._digits(stamp)}", dateline]
        stamp = f"{published.day:02d}-{published.month:02d}-{published.year} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        return [f"{dateline} | آخر تحديث: {self._digits(stamp)}"]

    def _digits(self, text: str) -> str:
        return text.translate(str.maketrans("0123456789", ARABIC_INDIC)) if self.rng.random() < 0.3 else text

    def title(self, events: list[dict], governorate: str) -> str:
        rng = self.rng
        if not events:
            return rng.choice(t.TITLES_QUIET).format(governorate=governorate)
        first = events[0]
        place = self.places[first["location_id"]]
        if first["event_type"] == "strike":
            return rng.choice(t.TITLES_STRIKE).format(place=rng.choice(place.spellings))
        return rng.choice(t.TITLES_ATTACK).format(
            title_weapon=t.TITLE_WEAPONS[first["weapon"]], base=self.base_phrase(place), region=self.region(place)
        )

    def filler(self, governorate: str) -> str:
        """A context sentence; an article repeats none until it has used them all."""
        if not self.unused_filler:
            self.unused_filler = self.rng.sample(t.FILLER, len(t.FILLER))
        return self.unused_filler.pop().format(
            governorate=governorate,
            troops_sy=self.rng.choice([900, "900", "ألف"]),
            troops_iq=self.rng.choice([2500, 2000]),
            percent=self.rng.randint(10, 60),
        )

    def decorate(self, text: str) -> str:
        """Marks writers and CMSs add (harakat, shadda, tatweel) on a few letters of some articles."""
        if self.rng.random() >= 0.3:
            return text
        out = []
        for ch, following in zip(text, text[1:] + " "):
            out.append(ch)
            if "\u0621" <= ch <= "\u064a" and self.rng.random() < 0.006:
                # Tatweel only stretches a joining letter inside a word.
                inside = "\u0628" <= following <= "\u064a" and ch not in "اأإآدذرزوؤةء"
                out.append(TATWEEL if inside and self.rng.random() < 0.3 else self.rng.choice(HARAKAT))
        return "".join(out)

    def file_kind(self) -> str:
        roll, edge = self.rng.random(), 0.0
        for kind, rate in BAD_FILE_RATE.items():
            edge += rate
            if roll < edge:
                return kind
        return "utf-8"

    def encode(self, text: str, kind: str, lines: list[str]) -> bytes | None:
        """The file's bytes for a kind; None when this text cannot take that kind (plain UTF-8 then)."""
        if kind == "empty":
            return self.rng.choice([b"", b"\n", b"  \n\n"])
        if kind == "png":
            return b"\x89PNG\r\n\x1a\n" + self.rng.randbytes(self.rng.randint(200, 4000))
        if kind == "nul":
            data = bytearray(text.encode("utf-8"))
            for _ in range(self.rng.randint(1, 20)):
                data.insert(self.rng.randrange(len(data)), 0)
            return bytes(data)
        if kind == "windows-1256":
            try:
                return text.translate(str.maketrans(PERSIAN, "0123456789")).replace("\n", "\r\n").encode("cp1256")
            except UnicodeEncodeError:
                return None
        if kind == "utf-16":
            return text.encode("utf-16")
        if kind == "html":
            paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
            page = (
                '<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>أخبار</title>'
                "<script>window.dataLayer = window.dataLayer || [];</script><style>p{margin:0}</style></head>\n"
                '<body><nav><a href="/">الرئيسية</a> | <a href="/syria">سوريا</a> | <a href="/iraq">العراق</a></nav>\n'
                f"<article>\n{paragraphs}\n</article>\n<footer><div>جميع الحقوق محفوظة</div></footer></body></html>\n"
            )
            return page.encode("utf-8")
        return text.encode("utf-8")


@dataclasses.dataclass
class CorpusSummary:
    articles: int
    bytes: int
    events: int
    kinds: dict[str, int]


def is_relevant(seed: int, index: int, feed: str) -> bool:
    """Whether article ``index`` of a feed reports this conflict; drawn apart from the article's own choices,
    so a report is the same article in both feeds."""
    return feed == "relevant" or random.Random(f"{seed}:{index}:feed").random() < REALISTIC_RELEVANT_SHARE


def write_articles(
    landing: Path, gold_path: Path, seed: int, indices: range, append: bool = False, feed: str = "relevant"
) -> CorpusSummary:
    """Write articles ``indices`` of the corpus of (``seed``, ``feed``) into ``landing``, their manifest rows and gold."""
    places = load_places()
    landing.mkdir(parents=True, exist_ok=True)
    manifest_path = landing / "manifest.csv"
    mode = "a" if append else "w"
    kinds: dict[str, int] = {}
    total_bytes = total_events = 0
    with open(manifest_path, mode, encoding="utf-8", newline="") as manifest, open(gold_path, mode, encoding="utf-8") as gold:
        rows = csv.writer(manifest, lineterminator="\n")
        if not append:
            rows.writerow(["file", "published_on", "url", "outlet", "language"])
        for index in indices:
            writer = ArticleWriter(seed, index, places)
            article = writer.write() if is_relevant(seed, index, feed) else writer.write_unrelated()
            (landing / article.file).write_bytes(article.data)
            rows.writerow(
                [
                    article.file,
                    article.published_on.isoformat() if article.published_on else "",
                    f"https://news.example/articles/{index}",
                    t.OUTLET_SLUGS[index % len(t.OUTLET_SLUGS)],
                    "ar",
                ]
            )
            for event in article.events:
                gold.write(json.dumps(event, ensure_ascii=False) + "\n")
            kinds[article.kind] = kinds.get(article.kind, 0) + 1
            total_bytes += len(article.data)
            total_events += len(article.events)
    return CorpusSummary(len(indices), total_bytes, total_events, dict(sorted(kinds.items())))


def generate(out: Path, n: int, seed: int, feed: str = "relevant") -> CorpusSummary:
    """A fresh corpus of n articles in ``out``: landing/, gold.jsonl and corpus.json."""
    landing = out / "landing"
    if landing.exists():
        for path in landing.iterdir():
            path.unlink()
    summary = write_articles(landing, out / "gold.jsonl", seed, range(n), feed=feed)
    (out / "corpus.json").write_text(
        json.dumps({"generator_version": GENERATOR_VERSION, "seed": seed, "feed": feed, **dataclasses.asdict(summary)}, indent=2)
        + "\n"
    )
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate_corpus", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of article files")
    parser.add_argument("out", type=Path, help="folder to write landing/, gold.jsonl and corpus.json into")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--feed",
        choices=FEEDS,
        default="relevant",
        help=f"realistic: {REALISTIC_RELEVANT_SHARE * 100:.0f}%% reports of this conflict among unrelated news; "
        "relevant: reports only (default)",
    )
    args = parser.parse_args(argv)
    summary = generate(args.out, args.n, args.seed, args.feed)
    print(
        f"{summary.articles} files, {summary.bytes / 1e6:.1f} MB, {summary.events} planted events, kinds {summary.kinds} -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
