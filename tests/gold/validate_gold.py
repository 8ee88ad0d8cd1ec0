"""Check a hand-written gold set against docs/EVENTS.md.

    python3 tests/gold/validate_gold.py [FOLDER]    (default: this folder)

Checks: every line of events.jsonl parses and has exactly the fields of EVENTS.md (plus
"note") with allowed values; every article named in events.jsonl exists in articles/ and in
articles/manifest.csv (and vice versa for the manifest); date and day_offset agree with the manifest
publication date where it is known, and agree with one another inside an article where it is
not.  Exit status 1 and one line per problem when anything is wrong.
"""

import csv
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

# The vocabulary module needs nothing beyond the standard library: the repository root is enough.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from transforms.vocabulary import values  # noqa: E402

FIELDS = [
    "article",
    "event_type",
    "location_id",
    "location_kind",
    "country",
    "actor",
    "claimed",
    "weapon",
    "munition_count",
    "killed",
    "injured",
    "date",
    "day_offset",
    "time_of_day",
    "outcome",
    "claims",
    "background",
    "optional",
    "note",
]
EVENT_TYPES = set(values("event_types"))
KINDS = {*values("location_kinds"), None}
COUNTRIES = set(values("countries"))
ACTORS = set(values("actors"))
WEAPONS = {*values("weapons"), None}
TIMES = {*values("times_of_day"), None}
OUTCOMES = {*values("outcomes"), None}
# canonical ids of EVENTS.md with their kind; ids outside this table must be optional events
CANONICAL = {
    **dict.fromkeys(
        [
            "conoco",
            "al_omar",
            "al_tanf",
            "al_shaddadi",
            "kharab_al_jir",
            "rumeilan",
            "tal_baydar",
            "qasrak",
            "al_malikiyah",
            "green_village",
            "rukban",
            "tell_tamr",
            "ain_al_asad",
            "baghdad_airport",
            "union_iii",
            "us_embassy_baghdad",
            "harir",
            "erbil_airport",
            "balad",
            "taji",
            "k1_kirkuk",
            "tower_22",
            "muwaffaq_salti",
        ],
        "base",
    ),
    **dict.fromkeys(
        ["al_mayadin", "albu_kamal", "al_qaim", "jurf_al_sakhar", "akashat", "seven_villages", "baghdad", "erbil"], "place"
    ),
    **dict.fromkeys(
        ["deir_ez_zor", "hasakah", "raqqa", "homs", "anbar", "babil", "diyala", "salahuddin", "nineveh", "kirkuk"], "governorate"
    ),
}


def is_count(v):
    return v is None or (isinstance(v, int) and not isinstance(v, bool) and v >= 0)


def check_event(n, e, problems):
    where = f"events.jsonl:{n}"
    if list(e) != FIELDS:
        problems.append(f"{where}: fields {list(e)} differ from {FIELDS}")
        return
    if e["event_type"] not in EVENT_TYPES:
        problems.append(f"{where}: event_type {e['event_type']!r}")
    if e["location_kind"] not in KINDS:
        problems.append(f"{where}: location_kind {e['location_kind']!r}")
    loc, kind = e["location_id"], e["location_kind"]
    if (loc is None) != (kind is None):
        problems.append(f"{where}: location_id and location_kind must both be null or both set")
    if loc is not None:
        if loc in CANONICAL and CANONICAL[loc] != kind:
            problems.append(f"{where}: {loc} is a {CANONICAL[loc]}, not a {kind}")
        if loc not in CANONICAL and not e["optional"]:
            problems.append(f"{where}: non-canonical location {loc} on a non-optional event")
        if not loc.isascii() or loc != loc.lower() or " " in loc:
            problems.append(f"{where}: location_id {loc!r} is not lower-case ASCII")
    if not e["country"] or not set(e["country"]) <= COUNTRIES:
        problems.append(f"{where}: country {e['country']!r}")
    if e["actor"] not in ACTORS:
        problems.append(f"{where}: actor {e['actor']!r}")
    for f in ("claimed", "background", "optional"):
        if not isinstance(e[f], bool):
            problems.append(f"{where}: {f} must be a bool")
    if e["weapon"] not in WEAPONS:
        problems.append(f"{where}: weapon {e['weapon']!r}")
    for f in ("munition_count", "killed", "injured"):
        if not is_count(e[f]):
            problems.append(f"{where}: {f} {e[f]!r}")
    if e["time_of_day"] not in TIMES:
        problems.append(f"{where}: time_of_day {e['time_of_day']!r}")
    if e["outcome"] not in OUTCOMES:
        problems.append(f"{where}: outcome {e['outcome']!r}")
    if e["date"] is not None:
        try:
            dt.date.fromisoformat(e["date"])
        except ValueError:
            problems.append(f"{where}: date {e['date']!r}")
    if e["day_offset"] is not None and (not isinstance(e["day_offset"], int) or isinstance(e["day_offset"], bool)):
        problems.append(f"{where}: day_offset {e['day_offset']!r}")
    if not isinstance(e["claims"], list):
        problems.append(f"{where}: claims must be a list")
    else:
        for c in e["claims"]:
            src = c.get("source") if isinstance(c, dict) else None
            if not src or not src.isascii() or src != src.lower():
                problems.append(f"{where}: claim without a lower-case ASCII source: {c!r}")
                continue
            for f in ("munition_count", "killed", "injured"):
                if f in c and not is_count(c[f]):
                    problems.append(f"{where}: claim {f} {c[f]!r}")
    if e["claimed"] and e["actor"] == "unknown":
        problems.append(f"{where}: claimed by an unknown actor")
    if not isinstance(e["note"], str) or not e["note"].strip():
        problems.append(f"{where}: note missing")


def main():
    here = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent
    problems = []
    articles = {p.name for p in (here / "articles").glob("*.txt")}
    with open(here / "articles" / "manifest.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "published_on", "url", "outlet", "language"]:
            problems.append(f"manifest.csv: header {reader.fieldnames}")
        manifest = {row["file"]: row for row in reader}
    for name in sorted(articles ^ set(manifest)):
        problems.append(f"{name}: in {'articles/' if name in articles else 'manifest.csv'} only")
    published = {}
    for name, row in manifest.items():
        if row["published_on"]:
            try:
                published[name] = dt.date.fromisoformat(row["published_on"])
            except ValueError:
                problems.append(f"manifest.csv: {name} published_on {row['published_on']!r}")

    implied = defaultdict(set)
    events = []
    with open(here / "events.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                e = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"events.jsonl:{n}: {exc}")
                continue
            events.append(e)
            check_event(n, e, problems)
            a = e.get("article")
            if a not in articles:
                problems.append(f"events.jsonl:{n}: article {a!r} not in articles/")
            if a not in manifest:
                problems.append(f"events.jsonl:{n}: article {a!r} not in manifest.csv")
            date, off = e.get("date"), e.get("day_offset")
            if a in published and date and isinstance(off, int):
                if dt.date.fromisoformat(date) - dt.timedelta(days=off) != published[a]:
                    problems.append(f"events.jsonl:{n}: {date} with day_offset {off} does not fit published_on {published[a]}")
            elif date and isinstance(off, int):
                implied[a].add(dt.date.fromisoformat(date) - dt.timedelta(days=off))
    for a, days in implied.items():
        if len(days) > 1:
            problems.append(f"{a}: events imply different publication days {sorted(days)}")

    for p in problems:
        print(p)
    kinds = defaultdict(int)
    for e in events:
        kinds[e.get("event_type")] += 1
    with_events = {e.get("article") for e in events}
    print(
        f"{len(articles)} articles ({len(articles - with_events)} without events), "
        f"{len(events)} events {dict(kinds)}, "
        f"{sum(1 for e in events if e.get('optional'))} optional, "
        f"{sum(1 for e in events if e.get('background'))} background; "
        f"{len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
