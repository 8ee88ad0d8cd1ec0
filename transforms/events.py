"""Event assembly: from one article's text to the events of EVENTS.md.

Per sentence, the mentions found by the gazetteer and the date reader are tied to
*anchors*: a named place, or a trigger word when no place is named. Each anchor
becomes one reported mention of an act (``Report``) whose type follows from who
acts on whom: a US or coalition agent on militia targets is a strike, anything
aimed at a US / coalition base or force is an attack. Attributes (day, weapon,
count, casualties, actor, source) go to the nearest anchor, where crossing a
clause boundary costs more than distance.

Per article, reports of the same act merge: same type and place, compatible day.
A report that names no place, or only a governorate, folds into a compatible
report that does (nearest in the text first), so an article that says "the US
strikes" five times yields one strike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from transforms import cues
from transforms.dates import Calendar, TimeMention, find_times, read_calendar, with_glosses
from transforms.gazetteer import Actor, Gazetteer, Location, Mention, load
from transforms.matcher import Anywhere
from transforms.normalize import aligned, fold, from_aligned, normalize
from transforms.numbers import parse_number


def rules_digest() -> str:
    """A digest of every rule module and data file of the extractor, in a stable order.

    Any change to a pattern, a vocabulary or the assembly code changes it, so stored
    articles are extracted again after a rule change (the scorer is not a rule).
    """
    package = Path(__file__).resolve().parent
    data = [*(package / "gazetteer").glob("*.csv"), *(package / "vocabulary").glob("*.csv")]
    files = sorted(p for p in [*package.glob("*.py"), *data] if p.name != "evaluate.py")
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path.relative_to(package).as_posix()}\n".encode())
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()[:12]


EXTRACTOR_VERSION = f"rules-{rules_digest()}"


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    norm: str


@dataclass
class Report:
    """One mention of an act in one sentence."""

    event_type: str
    location: Location | None
    countries: list[str]
    sentence: Sentence
    anchor: int
    actor: str = "unknown"
    claimed: bool = False
    claim_denied: bool = False
    weapon: str | None = None
    munition_count: int | None = None
    killed: int | None = None
    injured: int | None = None
    time: TimeMention | None = None
    outcome: str | None = None
    source: str | None = None
    background: bool = False
    summary: bool = False  # "the bases", "two bases": stands for several acts named elsewhere
    relative: bool = False  # "north of Baghdad": placed relative to its location, not at it
    listed: bool = False  # an item of a list of places: a governorate so named is a place of its own
    same_act: bool = False  # "تلك الغارات", "هذا الهجوم": names the act told before, whatever day it gives
    aside: bool = False  # told in a reminder ("يذكر أن ..."): commentary, which lends the act no attacker
    renewed: bool = False  # "استُهدفت القاعدة مجدداً", "هجوم جديد": another act than the one told before
    earlier: bool = False  # "وسبق ذلك": before the act just told, on a day the text does not give
    other_voice: bool = False  # "من جانبه، أفاد موقع ...": another party's report, not the story's next step
    days_before: int | None = None  # "ويأتي الهجوم بعد يوم واحد من استهداف ...": how long before the act told before
    striker_named: bool = False  # a strike whose striker the sentence names as its agent ("القوات الأمريكية نفذت الضربة")
    time_offset: tuple | None = None  # comparable form of ``time``, set when reports merge
    updated: tuple = ()  # figures ("killed", "injured") this mention gives as a later update of the toll
    pooled: dict = field(default_factory=dict)  # figures given for this place and others together: claims only


@dataclass
class Event:
    article: str
    event_type: str
    location: Location | None
    countries: list[str]
    reports: list[Report] = field(default_factory=list)


_SENTENCE_END = re.compile(r"[.!?؟…:]\s*$")
# A hard-wrapped line is a body line cut at a fixed width: long, unpunctuated, and
# followed directly (no blank line) by more text. Headlines and datelines are short.
WRAP_MIN_CHARS = 40
WRAP_MIN_SHARE = 0.6


def rejoin_wrapped_lines(text: str) -> str:
    """The text with hard line-wraps inside sentences turned into spaces (same length, same offsets)."""
    lines = text.split("\n")
    longest = max((len(line.strip()) for line in lines), default=0)
    wraps = []
    end = -1
    for line, following in zip(lines, lines[1:]):
        end += len(line) + 1  # the newline after ``line``
        body = line.strip()
        if len(body) >= max(WRAP_MIN_CHARS, WRAP_MIN_SHARE * longest) and not _SENTENCE_END.search(body) and following.strip():
            wraps.append(end)
    if not wraps:
        return text  # most articles: no copy of the text made
    chars = list(text)
    for end in wraps:
        chars[end] = " "
    return "".join(chars)


# The rules read a sentence at most this long at a time: a longer "sentence" is a page without
# punctuation, read in pieces cut at spaces, so no pattern ever scans more than this.
MAX_SENTENCE_CHARS = 1200
# No figure in a report has more digits than this; longer runs are cut so a number pattern stays linear.
_DIGIT_RUN = re.compile(r"\d{10,}")


def split_sentences(text: str, normalized: str | None = None, mapped: str | None = None) -> list[Sentence]:
    """Sentences with offsets into the original text; lines and . ! ? ؟ end them, hard wraps do not.

    Lines that link other stories are left out whole: their headlines are not this report's news.
    ``normalized``, the whole text normalised when the caller has it, spares reading line by line
    an article whose text holds none of the words such a line opens with; ``mapped``, the text
    ``aligned``, spares normalising each sentence on its own.
    """
    sentences = []
    text = rejoin_wrapped_lines(text)
    # Rejoining turns line breaks into spaces, which normalising maps alike: the text's mapping holds.
    mapped = aligned(text) if mapped is None else mapped
    links = _cross_reference_lines(text) if normalized is None or cues.CROSS_REFERENCE_LINE.may_match(normalized) else []
    for m in re.finditer(r"[^\n.!?؟…]+(?:[.!?؟…]+|$)", text, flags=re.MULTILINE):
        if links and any(start <= m.start() < end for start, end in links):
            continue
        for start, piece in _pieces(m.start(), m.group()):
            norm = _DIGIT_RUN.sub(lambda run: run.group()[:9], from_aligned(mapped[start : start + len(piece)]))
            if len(piece) < 3 or cues.CAPTION.search(norm):
                continue  # too short to tell anything, or a photo caption
            sentences.append(Sentence(len(sentences), start, start + len(piece), piece, norm))
    return sentences


def _cross_reference_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines that begin by pointing the reader to another story."""
    return [
        (line.start(), line.end())
        for line in re.finditer(r"[^\n]+", text)
        if cues.CROSS_REFERENCE_LINE.search(normalize(line.group()[:40]))
    ]


def _pieces(offset: int, chunk: str) -> Iterator[tuple[int, str]]:
    """A sentence stripped of surrounding space, cut at spaces into pieces of at most MAX_SENTENCE_CHARS."""
    start = offset + len(chunk) - len(chunk.lstrip())
    rest = chunk.strip()
    while len(rest) > MAX_SENTENCE_CHARS:
        cut = rest.rfind(" ", 0, MAX_SENTENCE_CHARS)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        yield start, rest[:cut]
        skipped = len(rest[cut:]) - len(rest[cut:].lstrip())
        start, rest = start + cut + skipped, rest[cut:].lstrip()
    yield start, rest


@lru_cache(maxsize=64)
def _breaks(sentence: str) -> tuple[list[int], list[int]]:
    """Positions of clause breaks and of commas, found once per sentence."""
    return [m.start() for m in cues.STRONG_BREAK.finditer(sentence)], [i for i, c in enumerate(sentence) if c == "،"]


def _distance(sentence: str, a: int, b: int) -> int:
    """How far apart two positions are for attaching words to acts: a clause break costs more than letters."""
    lo, hi = (a, b) if a <= b else (b, a)
    strong, commas = _breaks(sentence)
    crossed = bisect_left(strong, hi) - bisect_left(strong, lo)
    return (hi - lo) + 200 * crossed + 30 * (bisect_left(commas, hi) - bisect_left(commas, lo))


@lru_cache(maxsize=64)
def _clause_breaks(sentence: str, items: bool) -> list[int]:
    """Where clauses of a sentence begin; with ``items``, also where an enumerated item begins."""
    breaks = [m.start() for m in cues.CLAUSE_BREAK.finditer(sentence)]
    return sorted(breaks + [m.start() for m in cues.ENUMERATION_BREAK.finditer(sentence)]) if items else breaks


def _clause(sentence: str, position: int, items: bool = False) -> tuple[int, int]:
    """The clause around ``position``: from the break before it to the break after it."""
    breaks = _clause_breaks(sentence, items)
    i = bisect_left(breaks, position + 1)
    return (breaks[i - 1] if i else 0), (breaks[i] if i < len(breaks) else len(sentence))


# Wording that makes its clause speak of acts in general, feared or counted, not of an act.
CLAUSE_MODIFIERS = (cues.TALLY, cues.HABITUAL, cues.HYPOTHETICAL, cues.DRILL_ACT)


def _not_an_act(sentence: str, position: int) -> bool:
    """Whether the clause at ``position`` counts acts, speaks of them as habitual, fears them or tells a drill."""
    starts, governed = _governed_clauses(sentence)
    return governed[bisect_left(starts, position + 1) - 1]


@lru_cache(maxsize=64)
def _governed_clauses(sentence: str) -> tuple[list[int], list[bool]]:
    """Where each clause (items counted) starts, and whether a modifier governs it; found once per sentence."""
    starts = [0] + _clause_breaks(sentence, True)
    ends = starts[1:] + [len(sentence)]
    if (cues.LIST_TALLY.search(sentence) and cues.TALLY.search(sentence)) or (
        cues.SINCE.search(sentence) and cues.COUNTED_ATTACKS.search(sentence)
    ):
        return starts, [True] * len(starts)
    return starts, [any(p.search(sentence, a, b) for p in CLAUSE_MODIFIERS) for a, b in zip(starts, ends)]


def _describes_only(sentence: str, position: int) -> bool:
    """Whether the clause at ``position`` describes places and tells no act.

    "ويضم المطار مركزاً تابعاً للسفارة الأمريكية، وقد تعرض لهجمات": a place in a clause
    that only says what a place holds is no target, whatever the rest of the sentence
    tells. A verbless clause ("، والثاني يوم الثلاثاء على عين الأسد") goes on with the
    act of the clause before it.
    """
    start, end = _clause(sentence, position)
    return bool(cues.DESCRIBING.search(sentence, start, end)) and not cues.GATE.search(sentence, start, end)


def _nearest(items, anchor: int, sentence: str, key=lambda x: x.start):
    return min(items, key=lambda x: _distance(sentence, anchor, key(x)), default=None)


def _countries(norm: str, anchors, anchor: int, names: list[Mention] = ()) -> list[str]:
    """Countries named beside this act: "في سوريا والعراق ... رداً على هجوم الأردن" splits two ways.

    A country inside a group's or a source's name ("المقاومة الإسلامية في العراق") places nothing.
    """
    return [
        code
        for code, pattern in cues.COUNTRY_WORDS.items()
        if any(
            _owner(norm, anchors, m.start()) == anchor
            and not _of_another_act(norm, anchor, m.start())
            and not any(n.start <= m.start() < n.end for n in names)
            for m in pattern.finditer(norm)
        )
    ]


def _of_another_act(norm: str, anchor: int, position: int) -> bool:
    """Whether a country belongs to another act than the one at ``anchor``.

    An attack noun after a cause stands between them ("... رداً على هجوم على قاعدة في الأردن"),
    or the country is named in a clause of counted acts ("ورد على سلسلة هجمات في سوريا والعراق").
    """
    if _not_an_act(norm, position) and not _not_an_act(norm, anchor):
        return True
    if position <= anchor:
        return False
    cause = cues.CAUSE.search(norm, anchor, position)
    if not (cause and cues.ATTACK_NOUN.search(norm, cause.start(), position)):
        return False
    # "رد التحالف على الهجوم باستهداف صحراء الميادين": a word both sides use, after the attack, is the answer's own.
    last = max(cues.TRIGGER.finditer(norm, cause.start(), position), key=lambda w: w.start(), default=None)
    return last is None or bool(cues.ATTACK_WORD.fullmatch(norm, last.start(), last.end()))


def _is_source_use(norm: str, mention: Mention) -> bool:
    before = norm[max(0, mention.start - 20) : mention.start]
    return bool(cues.SOURCE_CUE.search(before)) and not cues.PLACE_CUE.search(before[-8:])


# An act of this conflict has a place of the gazetteer or a party of it (the US, the coalition, a
# militia); an article that names none, however violent (other wars, "launched a campaign"), tells none.
IN_SCOPE_NAMES = frozenset({"location", "actor"})
# The gazetteer's row for "resistance factions" named generically, which a short name stands for.
GENERIC_RESISTANCE = "iraqi_resistance_generic"


# What lets ``_sentence_reports`` tell the first act of an article (before it, no strike has been
# told): for a strike, a US agent (US_AGENT, US_SUBJECT_VERB, a strike noun said by a US voice,
# militia positions aimed at beside a US or coalition word, a strike from the air on a militia's
# people or places that names no striker); for an attack, a base of the
# gazetteer, a US target, or a group's claim or an accusation of one. The patterns are looked for
# in the whole article freed of their context (``matcher.Anywhere``), which finds each wherever it
# could match in one of its sentences: an article with none of them tells no act, and is not read
# sentence by sentence.
_OPENERS = Anywhere(
    {
        name: getattr(cues, name).compiled
        for name in (
            "US_AGENT",
            "US_SUBJECT_VERB",
            "US_VOICE",
            "STRIKE_NOUN_ONLY",
            "US_OR_COALITION_WORD",
            "MILITIA_TARGET",
            "US_TARGET",
            "PASSIVE_TARGET",
            "CLAIM",
            "SAYS",
            "CLAIM_VERB",
            "ATTRIBUTION",
            "GENERIC_IRAN_ALIGNED",
            "UNATTRIBUTED_AERIAL",
            "MILITIA_HIT",
        )
    }
)


def may_tell_an_act(normalized: str, gazetteer: Gazetteer) -> bool:
    """False only when no sentence of the article (``normalized``: all of it, normalised) can give a report."""
    if _DIGIT_RUN.search(normalized):
        return True  # its sentences cut long numbers short, so they are not all pieces of this text
    named_group = militia = False
    for kind, ident, entry in gazetteer.names_in(normalized):
        if kind == "location" and entry.kind == "base":
            return True
        if kind == "actor":
            named_group = named_group or ident in cues.NAMED_ACTORS
            militia = militia or entry.side == "militia"
    found = _OPENERS.found_in(normalized)
    # a claim is a group's when a named group speaks or a verb of owning up says so; an accusation, when it names a militia
    claim = ("CLAIM" in found or (named_group and "SAYS" in found)) and (named_group or "CLAIM_VERB" in found)
    accusation = "ATTRIBUTION" in found and (militia or "GENERIC_IRAN_ALIGNED" in found)
    return bool(
        {"US_AGENT", "US_SUBJECT_VERB", "US_TARGET", "PASSIVE_TARGET"} & found
        or {"STRIKE_NOUN_ONLY", "US_VOICE"} <= found
        or {"MILITIA_TARGET", "US_OR_COALITION_WORD"} <= found
        or {"UNATTRIBUTED_AERIAL", "MILITIA_HIT"} <= found
        or claim
        or accusation
    )


class ArticleExtractor:
    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or load()

    def extract(self, text: str, article: str, published: dt.date | None) -> list[Event]:
        # The gate reads the article as the sentence pass reads its sentences: normalised.
        mapped = aligned(text)
        normalized = from_aligned(mapped)
        # The names first: one automaton pass, several times cheaper than the violence words.
        if not self.gazetteer.names_any(normalized, IN_SCOPE_NAMES):
            return []  # most of a news feed: nothing of this conflict
        if not may_tell_an_act(normalized, self.gazetteer) or not cues.GATE.search(normalized):
            return []  # no attacker, target or claim to start a report (the rarer, and cheaper), or no violence
        reports: list[Report] = []
        previous: list[Report] = []
        last_base: Location | None = None
        base_attacked = False
        last_group: Actor | None = None
        background_context = False
        strike_context: str | None = None
        foreign_fire = False
        last_drone: Mention | None = None
        last_drone_days: list[TimeMention] = []
        drill_bases: set[str] = set()
        speaker = False
        for sentence in split_sentences(text, normalized, mapped):
            found = []
            mentions: list[Mention] = []
            gated = bool(cues.GATE.search(sentence.norm))
            # "تصدت الدفاعات لطائرة مسيرة ... وقال المصدر إن الطائرة تم التصدي لها": the aircraft is that drone.
            drone_again = None if last_drone is None else cues.AIRCRAFT_ANAPHOR.search(sentence.norm)
            gated = gated or drone_again is not None
            if (
                gated
                and cues.DRILL.search(sentence.norm)
                and cues.EXPLOSIONS.search(sentence.norm)
                and not cues.US_AGENT.search(sentence.norm)
                and not _act_beside_the_drill(sentence.norm)
            ):
                # "the explosions were a drill": no act here, and none at the bases it speaks of
                named = [m.entry for m in self.gazetteer.find(sentence.norm) if m.kind == "location" and m.entry.kind == "base"]
                drill_bases.update(b.id for b in named or ([last_base] if last_base else []))
            elif gated:
                mentions = self.gazetteer.find(sentence.norm)
                mentions += self._dual_members(sentence.norm, mentions)
                if last_group is not None and (
                    cues.GROUP_ANAPHOR.search(sentence.norm) or (speaker and cues.CONTINUED_SPEECH.search(sentence.norm))
                ):
                    mentions.append(Mention("actor", last_group.id, 0, 0, last_group))
                elif last_group is None:
                    mentions += self._short_group_names(sentence.norm, mentions)
                if drone_again is not None and any(
                    m.kind == "weapon" and m.start < drone_again.end() and drone_again.start() < m.end for m in mentions
                ):
                    drone_again = None  # the sentence names its own weapon there
                if drone_again is not None:
                    # It stands for the drone named before, and counts as that mention did («لطائرة مسيرة»: one).
                    mentions.append(Mention("weapon", last_drone.id, drone_again.start(), drone_again.end(), last_drone.entry))
                found = self._sentence_reports(
                    sentence, published, mentions, last_base, background_context, strike_context, foreign_fire
                )
                if drone_again is not None:
                    _date_from_antecedent(found, last_drone_days)
                reports.extend(found)
                strike_context = next((r.actor for r in reversed(found) if r.event_type == "strike"), strike_context)
            if reports and not found and gated:
                _blame_from_wording(reports, sentence.norm, mentions)
                _date_from_definite_reference(reports, sentence.norm, published)
            if found:
                previous = found
            elif (
                previous
                and sentence.index - previous[-1].sentence.index <= 2
                and _locates(previous[-1], sentence.norm, self.gazetteer)
            ):
                pass  # "وكان الجنود في البرج 22": where the act just told took place
            elif (
                previous
                and sentence.index - previous[-1].sentence.index <= 2
                and _continues(sentence.norm, previous[-1], self.gazetteer)
            ):
                # "لا إصابات" in a sentence of its own speaks of the act just told.
                _add_casualties(previous[-1], sentence.norm)
                _add_munitions(previous[-1], sentence.norm, self.gazetteer)
                _date_from_follow_up(previous, sentence.norm, published)
                if previous[-1].outcome is None:
                    self._outcome(previous[-1], sentence.norm)
            # The base the story is about: the last one attacked, else the first one named.
            attacked = [r.location for r in found if r.location is not None and r.location.kind == "base"]
            named = [m.entry for m in mentions if m.kind == "location" and m.entry.kind == "base"]
            # A base only named (where an embassy lies) does not take over from one the story told attacked.
            if attacked:
                last_base, base_attacked = attacked[-1], True
            elif named and not base_attacked:
                last_base = named[0]
            # A stray full stop can cut "the anniversary of the killing ... in a US strike near
            # Baghdad airport" in two: the rest of the paragraph keeps the recollection's context.
            following = text[sentence.end : sentence.end + 3]
            background_context = bool(cues.BACKGROUND.search(sentence.norm)) or (background_context and "\n" not in following)
            # Only a drone the sentence told no act of: one it did tell is that act's, and its reports already hold it.
            last_drone = None if found else next((m for m in mentions if m.kind == "weapon" and m.entry.weapon == "drone"), None)
            last_drone_days = [t for t in _act_times(sentence.norm) if _names_a_day(t)] if last_drone else []
            # "Turkish shells fall near a US base" as a title: the shells of the next sentence are those shells.
            foreign_fire = bool(cues.FOREIGN_FIRE.search(sentence.norm))
            groups = [m.entry for m in mentions if m.kind == "actor" and m.entry.id in cues.NAMED_ACTORS]
            if groups:
                last_group = groups[-1]
            # Who is speaking: a named group that claims or says, for as long as the next sentences go on with its words.
            speaker = bool(groups and (cues.CLAIM.search(sentence.norm) or cues.SAYS.search(sentence.norm))) or (
                speaker and bool(cues.CONTINUED_SPEECH.search(sentence.norm))
            )
        if drill_bases:
            reports = [
                r for r in reports if r.location is None or r.location.id not in drill_bases or r.claimed or r.killed or r.injured
            ]
        if not reports:
            return []  # the article's calendar dates acts, and it tells none
        _complete_days(reports, read_calendar(text, published))
        return _merge(article, reports, published)

    def _dual_members(self, norm: str, mentions: list[Mention]) -> list[Mention]:
        """«في حقلي كونيكو والعمر»: the second place is named by the dual noun's singular and its own name."""
        found = []
        for m in cues.DUAL_PLACES.finditer(norm):
            start = m.start(2)
            if any(o.start <= start < o.end for o in mentions):
                continue
            singular = cues.DUAL_PLACE_NOUN[m.group(1)] + " "
            for named in self.gazetteer.find(singular + m.group(2)):
                if named.kind == "location" and named.start == 0:
                    found.append(Mention("location", named.id, start, start + named.end - len(singular), named.entry))
        return found

    def _short_group_names(self, norm: str, mentions: list[Mention]) -> list[Mention]:
        """«المقاومة», «الكتائب» with no group named before: the generic resistance factions (iran_aligned)."""
        generic = self.gazetteer.actors[GENERIC_RESISTANCE]
        return [
            Mention("actor", generic.id, m.start(), m.end(), generic)
            for m in cues.SHORT_GROUP_NAME.finditer(norm)
            if not any(o.kind == "actor" and o.start < m.end() and m.start() < o.end for o in mentions)
        ]

    # --- one sentence -------------------------------------------------------------
    def _sentence_reports(
        self,
        sentence: Sentence,
        published: dt.date | None,
        mentions: list[Mention],
        last_base: Location | None,
        background_context: bool = False,
        strike_context: str | None = None,
        foreign_fire: bool = False,
    ) -> list[Report]:
        norm = sentence.norm
        locations: list[Mention] = []
        sources: list[Mention] = []
        actors: list[Mention] = []
        weapons: list[Mention] = []
        for m in mentions:
            if m.kind == "location" and m.start < 3 and cues.DATELINE_AFTER.match(norm, m.end):
                continue  # "بغداد، العراق (CNN) --": where the story was filed
            if m.kind == "source":
                others = [o for o in mentions if o.start == m.start and o.kind == "location"]
                if not others or _is_source_use(norm, m):
                    sources.append(m)
            elif m.kind == "location":
                twins = [o for o in mentions if o.start == m.start and o.kind == "source"]
                if not twins or not _is_source_use(norm, m):
                    locations.append(m)
            elif m.kind == "actor":
                actors.append(m)
            elif m.kind == "weapon":
                weapons.append(m)
        # "The base" in a sentence about US fire is where the fire came from, not a target.
        if last_base is not None and not any(m.entry.kind == "base" for m in locations) and not cues.US_AGENT.search(norm):
            anaphor = cues.BASE_ANAPHOR.search(norm)
            if anaphor:
                locations.append(Mention("location", last_base.id, anaphor.start(), anaphor.end(), last_base))
        locations += _base_attacked_again(norm, locations)
        triggers = list(cues.TRIGGER.finditer(norm))
        # "وكالة الأناضول التركية": a foreign word describing a source is no foreign striker.
        foreign = any(
            not any(src.start <= f.start() <= src.end + 12 for src in sources) for f in cues.FOREIGN_STRIKER.finditer(norm)
        ) or cues.FOREIGN_FIRE.search(norm)
        us_agents = (
            []
            if foreign and not cues.US_AGENT.search(norm)
            else sorted(list(cues.US_AGENT.finditer(norm)) + list(cues.US_SUBJECT_VERB.finditer(norm)), key=lambda m: m.start())
        )
        anaphoric = False
        if not us_agents and not foreign and cues.US_VOICE.search(norm) and not cues.US_TARGET.search(norm):
            us_agents = list(cues.STRIKE_NOUN_ONLY.finditer(norm))
        if not us_agents and strike_context and not foreign:
            us_agents = list(cues.STRIKE_ANAPHOR.finditer(norm)) or list(cues.AIR_RAID.finditer(norm))
            anaphoric = bool(us_agents)
        if not us_agents and not foreign and (strike_context or cues.US_OR_COALITION_WORD.search(norm)):
            us_agents = _aimed_at_militia(norm)
        # "قتل قياديان في كتائب حزب الله جراء قصف بطائرة مسيرة استهدف سيارتهما": a strike nobody is named for
        from_the_air = not us_agents and not foreign and bool(cues.MILITIA_HIT.search(norm)) and not cues.US_TARGET.search(norm)
        if from_the_air:
            us_agents = list(cues.UNATTRIBUTED_AERIAL.finditer(norm))
        unattributed = from_the_air and bool(us_agents) and not strike_context
        us_agents = [
            a
            for a in us_agents
            if not _against_isis(norm, a.start())
            and not _aimed_at_us(norm, a)
            and not cues.SURVEILLANCE.search(norm, a.end(), a.end() + 40)
        ]
        striker_named = bool(us_agents) and not from_the_air and not anaphoric
        if us_agents:
            locations = [m for m in locations if not (m.entry.kind == "base" and _fired_from(norm, m, us_agents))]
        us_targets = [
            t
            for t in list(cues.US_TARGET.finditer(norm)) + list(cues.PASSIVE_TARGET.finditer(norm))
            if not any(t.start() < a.end() and a.start() < t.end() for a in us_agents)
        ]
        # A base an attack was prevented on tells of no attack ("ما حال دون وقوع هجوم على قاعدة ...").
        bases = [m for m in locations if m.entry.kind == "base" and not _prevented(norm, m)]
        # A denial of casualties («نفى تسجيل أي إصابات») tells of the attack; only one of the act drops it.
        if any(not cues.CASUALTY_DENIAL.match(norm, d.start()) for d in cues.DENIAL.finditer(norm)):
            return []
        no_claim = bool(cues.NO_CLAIM.search(norm))
        # The group speaking: "قالت المقاومة الإسلامية ..." (a named group right after the verb of saying).
        group_speaks = any(
            a.id in cues.NAMED_ACTORS and any(0 <= a.start - v.end() < 40 for v in cues.SAYS.finditer(norm)) for a in actors
        )
        claim = (bool(cues.CLAIM.search(norm)) or group_speaks) and not no_claim and not cues.OWN_LOSSES.search(norm)
        # Claims and attributions ("اتهم ... بالوقوف وراء الهجوم") speak of an attack told elsewhere.
        # The group must be the one that speaks ("في بيان للكتائب"), not the target named in another's statement.
        speaking_group = group_speaks or any(
            a.id in cues.NAMED_ACTORS and any(abs(a.start - c.end()) < 60 for c in cues.CLAIM.finditer(norm)) for a in actors
        )
        # An accusation names an attacker only when a militia is the one accused ("اتهم واشنطن بـ..." names none).
        accused = bool(cues.ATTRIBUTION.search(norm)) and (
            any(a.entry.side == "militia" for a in actors) or bool(cues.GENERIC_IRAN_ALIGNED.search(norm))
        )
        # "تبنت القوات الأمريكية الهجوم": the US owning up to its own strike claims no attack.
        militia_claim = any(not any(a.start() <= c.start() < a.end() for a in us_agents) for c in cues.CLAIM_VERB.finditer(norm))
        claims_an_attack = (claim and (speaking_group or militia_claim)) or accused
        if (cues.FOREIGN_FIRE.search(norm) or (foreign_fire and not actors)) and not claims_an_attack:
            # A Turkish drone on an SDF car by a base is not a militia attack.
            bases, us_targets = [], []
            locations = [m for m in locations if m.entry.kind != "base"]
        # A militia named as the target ("مواقع تابعة لإيران") is no sign of an attack; a US target or a claim is.
        # may_tell_an_act lets an article in only when something in it can make one of these true: keep the two in step.
        has_attack = bool(bases or us_targets or claims_an_attack)
        has_strike = bool(us_agents)
        if not (has_attack or has_strike):
            return []

        anchors = self._anchors(
            norm, locations, triggers, us_agents, us_targets, has_attack, has_strike, claims_an_attack, anaphoric
        )
        # A day inside a clause of counted or habitual acts ("attacks that began on the 17th") dates none of this sentence's acts.
        times = [t for t in _act_times(norm) if not _not_an_act(norm, t.start)]
        background_sentence = bool(cues.BACKGROUND.search(norm))
        threats = [t.start() for t in cues.THREAT.finditer(norm)]
        reports = []
        for event_type, location, anchor, summary in anchors:
            if (
                _not_an_act(norm, anchor)
                or _describes_only(norm, anchor)
                or (location is None and any(_threatened(norm, t, anchor) for t in threats))
            ):
                continue
            if location is None and event_type == "attack" and self._plural_anchor(norm, anchor):
                continue
            countries = [location.entry.country] if location else _countries(norm, anchors, anchor, actors + sources)
            report = Report(
                event_type,
                location.entry if location else None,
                countries,
                sentence,
                anchor,
                summary=summary,
                same_act=(location is None and bool(cues.DEMONSTRATIVE_ACT.search(norm, max(0, anchor - 12), anchor + 25)))
                or _only_consequences(norm, triggers),
                aside=bool(cues.ASIDE.search(norm)),
                other_voice=bool(cues.OTHER_VOICE.search(norm)),
                renewed=bool(cues.RENEWED.search(norm, *_clause(norm, anchor))),
                relative=location is not None and _relative(norm, location),
                listed=location is not None and _listed(norm, location, locations),
            )
            report.time = self._time_for(norm, times, anchor, anchors)
            follows = _an_act_this_follows(norm, anchor)
            report.earlier = report.time is None and (bool(cues.EARLIER.search(norm)) or follows)
            if report.earlier and follows:
                report.days_before = _interval(norm, anchor)
            report.background = (
                background_sentence
                or bool(report.time and report.time.is_background(published))
                or (background_context and report.time is None)
            )
            self._weapon(report, norm, weapons, anchors)
            self._casualties(report, norm, anchors)
            # In a sentence of attacks only, its militia is the subject of them all ("تبنت ... استهداف
            # قاعدتي التنف وكونيكو"); beside a strike, a militia near the strike is its target.
            mixed = len({a[0] for a in anchors}) > 1
            own_actors = [
                a
                for a in actors
                if (not mixed or _owner(norm, anchors, a.start) == anchor or (event_type == "attack" and _answers(norm, a)))
                and not _not_the_agent(norm, a.start)
            ]
            self._actor(report, norm, own_actors, claim, no_claim, anchors if mixed else None, strike_context)
            if unattributed and report.event_type == "strike" and not cues.US_OR_COALITION_WORD.search(norm):
                report.actor = "unknown"
            report.striker_named = report.event_type == "strike" and striker_named
            self._outcome(report, norm)
            source = _nearest(sources, anchor, norm)
            if source is not None:
                report.source = source.id
            reports.append(report)
        return reports

    def _anchors(self, norm, locations, triggers, us_agents, us_targets, has_attack, has_strike, claim, anaphoric=False):
        """(event_type, location mention or None, position, summary) for each act in the sentence."""
        strikes = [("strike", m.start()) for m in us_agents]
        typed = strikes + [("attack", m.start()) for m in us_targets]

        # For a base any violence word beside it tells of an attack; for a town, which either side
        # may hit, beside a US strike only words that cannot describe that strike do.
        def agents_own(word) -> bool:
            # the agent's verb itself, or the noun right after it that names its act ("شنت الولايات المتحدة هجوماً")
            return any(abs(word.start() - a.start()) < 3 or 0 <= word.start() - a.end() <= 2 for a in us_agents)

        typed_for_bases = typed + [("attack", t.start()) for t in triggers if not agents_own(t)]
        if has_attack and not us_targets:
            attack_words = list(cues.ATTACK_WORD.finditer(norm)) if us_agents else triggers
            typed += [("attack", t.start()) for t in attack_words if not agents_own(t)]
        if has_strike and not has_attack:
            typed = strikes
        specific = [m for m in locations if m.entry.kind != "governorate"]
        bases = [m for m in locations if m.entry.kind == "base"]
        kept = []
        for m in locations:
            if (
                _launched_from(norm, m)
                or _across_the_border(norm, m, locations)
                or _container(norm, m, locations)
                or _speaking(norm, m)
            ):
                continue
            # A governorate next to a base or town inside it only says where that place is.
            if (
                m.entry.kind == "governorate"
                and not _listed(norm, m, locations)
                and any(
                    s.entry.governorate == m.id or (s.entry.country == m.entry.country and abs(s.start - m.start) < 60)
                    for s in specific
                    if not _relative(norm, s)
                )
            ):
                continue
            kept.append(m)
        anchors = []
        for m in kept:
            if m.entry.kind == "base":
                if has_strike and cues.STATIONED_AT.search(norm[max(0, m.start - 45) : m.start]):
                    continue  # "US forces at al-Omar shelled ...": where the strike came from
                if any(b.start < m.start for b in bases) and cues.LOCATIVE_CUE.search(norm[max(0, m.start - 25) : m.start]):
                    continue
                if cues.DESCRIBES_PLACE.search(norm[max(0, m.start - 30) : m.start]):
                    continue  # "the base lies near al-Omar": where something is, not what was hit
                if cues.SIRENS_AT.search(norm[max(0, m.start - 40) : m.start]) and any(
                    o.start > m.end and o.entry.kind == "base" and o.id != m.id for o in kept
                ):
                    continue  # "sirens sounded at the embassy after rockets fell near the airport": an alarm, not a target
                # Bases are what militias attack; only a strike told right beside one ("غارة أمريكية
                # قرب مطار بغداد") makes it the place of a strike.
                nearest = _nearest(typed_for_bases, m.start, norm, key=lambda x: x[1])
                close_strike = nearest is not None and nearest[0] == "strike" and _distance(norm, m.start, nearest[1]) < 60
                event_type = "strike" if close_strike or _struck_in_us_clause(norm, m, us_agents, us_targets) else "attack"
                if event_type == "attack" and _prevented(norm, m):
                    if not us_agents:
                        continue  # an attack that never happened, and no strike that stopped it
                    event_type = "strike"  # the strike that stopped it is placed at the base it protected
            elif bases and m.entry.country in {b.entry.country for b in bases} and not has_strike:
                continue  # a town or city beside a base only says where the base is
            else:
                # Verb, object, then place: a town belongs to the act told before it in the
                # sentence ("شنت طائرات أمريكية غارات على مقرات في جرف النصر، بعد هجوم على ...").
                before = [t for t in typed if t[1] < m.start]
                nearest = _nearest(before or typed, m.start, norm, key=lambda x: x[1])
                if nearest is None:
                    continue
                event_type = nearest[0]
                last_word = max(cues.TRIGGER.finditer(norm, 0, m.start), key=lambda w: w.start(), default=None)
                if (
                    event_type == "strike"
                    and last_word is not None
                    and last_word.start() > nearest[1]
                    and not agents_own(last_word)
                    and cues.ATTACK_NOUN.fullmatch(norm, last_word.start(), last_word.end())
                ):
                    continue  # "... رداً على هجوم على أربيل": the town of an attack told inside the strike's sentence
                if event_type == "strike" and _of_another_act(norm, nearest[1], m.start):
                    continue  # "... رداً على الهجمات الأخيرة، ومنها سقوط صاروخين على المنطقة الخضراء"
                if event_type == "strike" and anaphoric and not cues.PLACE_CUE.search(norm[max(0, m.start - 12) : m.start]):
                    continue  # "لم يصدر تعليق من دمشق على الضربات": a capital speaking, not a place struck
            if event_type == "attack" and m.entry.kind != "base" and not (us_targets or bases):
                # A town with no US target in sight is where attackers are, not what they hit.
                if not has_strike:
                    continue
                event_type = "strike"
            anchors.append((event_type, m, m.start, False))
        for event_type in ("attack", "strike"):
            if any(a[0] == event_type for a in anchors):
                continue
            if event_type == "strike" and has_strike:
                anchors.append(("strike", None, us_agents[0].start(), False))
            elif (
                event_type == "attack"
                and has_attack
                and triggers
                and (us_targets or bases or (claim and (cues.SINGULAR_ATTACK.search(norm) or cues.MUNITION.search(norm))))
            ):
                summary = bool(cues.SET_OF_TARGETS.search(norm))
                anchors.append(("attack", None, (us_targets[0].start() if us_targets else triggers[0].start()), summary))
        return anchors

    @staticmethod
    def _plural_anchor(norm: str, anchor: int) -> bool:
        window = norm[max(0, anchor - 25) : anchor + 25]
        return bool(cues.PLURAL_ATTACKS.search(window)) and not re.search(fold(r"هجوم|استهداف|استهدف|قصف|سقط"), window)

    @staticmethod
    def _time_for(norm, times, anchor, anchors):
        # A day beats a bare day part ("ساعات الفجر الأولى 28 حزيران"); the part then says when in that day.
        days = [t for t in times if t.time_of_day is None or _names_a_day(t)]
        parts = [t for t in times if t not in days]
        if days and parts:
            times = [_with_part(t, parts, norm) for t in days]
        times = [
            t
            for t in times
            if not _across_cause(norm, t, anchor)
            and not _of_the_act_it_follows(norm, t, anchor)
            and not (anchor < t.start and cues.OTHER_ACT_RELATIVE.search(norm, max(anchor, t.start - 80), t.start))
        ]
        if not times:
            return None
        if len(anchors) == 1:
            return _nearest(times, anchor, norm)
        if len(times) == 1:
            # One day named in a sentence of several acts: it dates the acts told after it,
            # and the act it stands beside.
            (only,) = times
            owner = min(anchors, key=lambda a: _distance(norm, a[2], only.start))
            if owner[2] == anchor or _coordinated(norm, anchors, anchor, owner):
                return only
            # "..., بعد يوم من هجوم على ...": an act given as the cause lies before the day named.
            cause = cues.CAUSE.search(norm, only.end, anchor)
            return only if only.start < anchor and not cause else None
        best = _nearest(times, anchor, norm)
        # Another anchor closer to that expression owns it, unless the two are one coordinated phrase.
        owner = min(anchors, key=lambda a: _distance(norm, a[2], best.start))
        if owner[2] == anchor or _distance(norm, anchor, best.start) <= _distance(norm, owner[2], best.start):
            return best
        return best if _coordinated(norm, anchors, anchor, owner) else None

    @staticmethod
    def _weapon(report: Report, norm: str, weapons: list[Mention], anchors) -> None:
        weapons = _fired(norm, weapons)
        # A weapon belongs to the act beside it; in a sentence of acts of one kind ("غارات على
        # البوكمال والميادين والقائم"), or in one list of places, it belongs to them all.
        own = [w for w in weapons if _weapon_owner(norm, anchors, w) == report.anchor]
        shared = not own  # the kind of weapon is shared; its count stays with the act it stands beside
        own = own or [
            w
            for w in weapons
            if (len({a[0] for a in anchors}) == 1 and not _of_a_place_singled_out(norm, anchors, report, w))
            or _listed_with(norm, anchors, report, _owner(norm, anchors, w.start))
        ]
        # "قصفت مدفعية التحالف ...": a weapon named in the striker's own phrase is the strike's.
        agents = [(m.start(), m.end()) for m in cues.US_AGENT.finditer(norm)]
        of_agent = [w for w in weapons if any(s <= w.start < e for s, e in agents)]
        if report.event_type == "attack":
            own = [w for w in own if w.entry.weapon in _ATTACK_MEANS and w not in of_agent]
        else:
            # What the strike is carried out with («مروحيات ... بالرشاشات الثقيلة») names its means first.
            own = sorted(
                (w for w in own or of_agent if _strike_means(norm, w) is not None),
                key=lambda w: (not _instrument(norm, w), _strike_means(norm, w), w.start),
            )
        if not own:
            return
        if report.event_type == "attack" and _means_of_a_set(norm, weapons, anchors, report):
            return
        chosen = own[0] if report.event_type == "strike" else min(own, key=lambda w: w.start)
        # A later word may give the type of what an attack's first weapon word counts («بصاروخين من نوع
        # كاتيوشا», «الصواريخ ... من نوع صواريخ فاتح»): the type names the weapon, the first word the count.
        typed = next(
            (w for w in own if w.start > chosen.start and cues.TYPE_BEFORE.search(norm, max(0, w.start - 12), w.start)), None
        )
        report.weapon = _kind(norm, typed or chosen) if report.event_type == "attack" else _strike_kind(norm, chosen)
        fired = _fired_by_a_drone(norm, chosen, own + of_agent) if report.event_type == "strike" else None
        if fired is not None:
            report.weapon = "drone"
        if shared:
            return
        # A strike's drone is the aircraft, not a munition: what it fires is counted, never the drone itself.
        if fired is not None:
            report.munition_count = _count(norm, fired)
        elif report.event_type == "attack" or chosen.entry.weapon in ("rocket", "missile", "artillery"):
            report.munition_count = _count(norm, chosen)
        if report.munition_count is not None and _counts_a_list(norm, anchors, report, chosen):
            _pool(report, ("munition_count",))
            return
        if report.munition_count is None and report.event_type == "attack":
            # «أطلقت رشقة صاروخية ... انفجر صاروخان على الأقل منها»: a later word of the same
            # weapon counts what the first left uncounted (a lower bound gives its number).
            report.munition_count = next(
                (
                    n
                    for w in own
                    if w.start > chosen.start and w.entry.weapon == chosen.entry.weapon and (n := _count(norm, w)) is not None
                ),
                None,
            )

    @staticmethod
    def _casualties(report: Report, norm: str, anchors) -> None:
        _add_casualties(report, norm, anchors)

    @staticmethod
    def _actor(
        report: Report, norm: str, actors: list[Mention], claim: bool, no_claim: bool, anchors, strike_context: str | None = None
    ) -> None:
        if report.event_type == "strike":
            coalition = re.search(fold(r"تحالف"), norm)  # "التحالف", "للتحالف"
            us = re.search(fold(r"امريك|اميرك|الولايات المتحده|واشنطن|البنتاغون|القياده المركزيه"), norm)
            if not (coalition or us):
                report.actor = strike_context or "us"  # "the strikes" of the article, by whoever struck
                return
            near_coalition = coalition and (
                not us or _distance(norm, report.anchor, coalition.start()) < _distance(norm, report.anchor, us.start())
            )
            report.actor = "coalition" if near_coalition else "us"
            return
        militia = [a for a in actors if a.entry.side == "militia"]
        named = [a for a in militia if a.id in cues.NAMED_ACTORS]
        if named:
            report.actor = _nearest(named, report.anchor, norm).id
        elif militia or any(
            anchors is None or _owner(norm, anchors, g.start()) == report.anchor
            for g in cues.GENERIC_IRAN_ALIGNED.finditer(norm)
            if not _not_the_agent(norm, g.start())
        ):
            report.actor = "iran_aligned"
        report.claim_denied = no_claim
        # Taking responsibility, or a named group's own statement; "the US announced" claims nothing.
        report.claimed = (
            claim and report.actor != "unknown" and (report.actor in cues.NAMED_ACTORS or bool(cues.CLAIM_VERB.search(norm)))
        )

    @staticmethod
    def _outcome(report: Report, norm: str) -> None:
        """What became of the act as this sentence tells it (EVENTS.md v2); a strike is only ever told as a hit."""
        if report.event_type != "attack":
            if cues.HIT.search(norm) or report.killed or report.injured or report.pooled:
                report.outcome = "hit"
            return
        if _told_of_this_act(norm, cues.INTERCEPTED):
            report.outcome = "intercepted"
        elif _told_of_this_act(norm, cues.FOILED):
            report.outcome = "foiled"
        elif cues.NO_DAMAGE.search(norm) or (cues.NO_CASUALTIES.search(norm) and not cues.HIT.search(norm)):
            report.outcome = "no_damage"
        elif cues.HIT.search(norm) or report.killed or report.injured:
            report.outcome = "hit"


def _told_of_this_act(norm: str, pattern) -> bool:
    """An outcome word that tells what became of the act: not one that failed («لم تنجح في اعتراض
    الصواريخ»), nor the step of another act told as this one's time («غداة إحباط هجوم مماثل»)."""
    return any(
        not cues.FAILED_BEFORE.search(norm, max(0, m.start() - 30), m.start())
        and not cues.OTHER_ACT_BEFORE.search(norm, max(0, m.start() - 20), m.start())
        for m in pattern.finditer(norm)
    )


def _answers(norm: str, actor: Mention) -> bool:
    """Whether a militia is the subject of a verb of answering ("ردت الفصائل على الغارات بـ3 صواريخ").

    Its act is the answer, an attack, not the strike it answers, however near that strike is named.
    """
    return actor.entry.side == "militia" and bool(cues.ANSWER_BEFORE.search(norm[max(0, actor.start - 12) : actor.start]))


def _not_the_agent(norm: str, position: int) -> bool:
    """Whether a militia named at ``position`` is threatening, struck, killed or announcing attacks to come, not doing the act.

    "وسط تهديد فصائل مسلحة عراقية بالرد على اغتيال القائد في الحشد الشعبي": neither the
    threatening factions nor the PMF, whose commander was killed, is the attacker.
    """
    if cues.NON_AGENT_BEFORE.search(norm[max(0, position - 30) : position]):
        return True
    # "في وقت أعلن فيه قيادي في النجباء بدء العد التنازلي لشن هجمات": a group announcing attacks to come
    # (the sentence is searched first: most hold no such wording, and its clause need not be found).
    if not cues.ATTACKS_TO_COME.search(norm):
        return False
    start, end = _clause(norm, position)
    return bool(cues.ATTACKS_TO_COME.search(norm, start, end)) and not cues.CLAIM.search(norm, start, end)


def _prevented(norm: str, base: Mention) -> bool:
    """Whether a base is named as the target of an attack that was prevented ("حال دون وقوع هجوم على ...")."""
    window = norm[max(0, base.start - 45) : base.start]
    prevented = cues.PREVENTED.search(window)
    return bool(prevented and cues.ATTACK_NOUN.search(window, prevented.end()))


def _launched_from(norm: str, place: Mention) -> bool:
    """Whether a place is where munitions were launched from ("أُطلقت من مدينة الموصل")."""
    return bool(cues.LAUNCHED_FROM.search(norm[max(0, place.start - 60) : place.start]))


def _across_the_border(norm: str, place: Mention, locations: list[Mention]) -> bool:
    """Whether a place is said to lie inside a place of another country.

    "بوابة القائم في مدينة البوكمال": a crossing named after the Iraqi town, inside the Syrian one.
    """
    inside = cues.INSIDE.match(norm, place.end)
    if inside is None:
        return False
    return any(o.start <= inside.end() + 1 and o.start >= place.end and o.entry.country != place.entry.country for o in locations)


def _container(norm: str, place: Mention, locations: list[Mention]) -> bool:
    """Whether a town is named only to say where the place before it lies ("الحيدرية ببادية الميادين")."""
    if place.entry.kind != "place":
        return False
    return any(
        o.end <= place.start
        and o.entry.kind == "place"
        and o.entry.country == place.entry.country
        and cues.LOCATOR_BETWEEN.fullmatch(norm, o.end, place.start)
        for o in locations
    )


def _speaking(norm: str, place: Mention) -> bool:
    """Whether a capital or town is named as who comments ("لم يصدر تعليق من دمشق أو طهران")."""
    return bool(cues.SPEAKER_PLACE.search(norm[max(0, place.start - 30) : place.start]))


def _listed(norm: str, place: Mention, locations: list[Mention]) -> bool:
    """Whether a place is an item of a list of places ("بدير الزور والبوكمال والقائم"), not a locator of one."""
    if cues.GOVERNORATE_WORD_BEFORE.search(norm[max(0, place.start - 12) : place.start]):
        return False  # "في محافظتي دير الزور وحمص": governorates, named as such
    return any(
        0 <= o.start - place.end <= 3 and o.entry.kind != "base" and re.fullmatch(r"\s?(?:،\s?و?|و)", norm[place.end : o.start])
        for o in locations
        if o is not place
    )


def _struck_in_us_clause(norm: str, base: Mention, us_agents, us_targets) -> bool:
    """Whether a base is among the places a US agent struck in its clause.

    "شنت الولايات المتحدة هجوماً على مناطق ... بدير الزور والبوكمال وعين الأسد": the clause
    has a US agent before the base, no US target, and no cause ("بعد هجوم على ...") between.
    """
    start, end = _clause(norm, base.start)
    if any(start <= t.start() < end for t in us_targets):
        return False
    # "ردت الفصائل على الغارات ... استهدفت قاعدة": the raids are what is answered, not the agent here.
    agents = [
        a
        for a in us_agents
        if start <= a.start() < base.start and not cues.ANSWERED_BEFORE.search(norm, max(0, a.start() - 30), a.start())
    ]
    # An attack noun right after the agent is its own act ("شنت الولايات المتحدة هجوماً"); further on, another side's.
    return any(
        not cues.CAUSE.search(norm, a.end(), base.start) and not cues.ATTACK_NOUN.search(norm, a.end() + 12, base.start)
        for a in agents
    )


def _relative(norm: str, place: Mention) -> bool:
    """Whether a place is named as a reference point ("north of Baghdad"), not as where the act was."""
    return bool(cues.DIRECTION_BEFORE.search(norm[max(0, place.start - 24) : place.start]))


def _aimed_at_militia(norm: str) -> list:
    """Acts aimed at a militia's positions, where the sentence names the US or the coalition.

    "ردت الدفاعات التابعة للتحالف باستهداف مواقع للمليشيات": the side that fires at militia
    positions is the other one, whichever verb tells it, or fire sent toward them («باتجاه مواقع الفصائل»).
    """
    return [
        m
        for m in cues.MILITIA_TARGET.finditer(norm)
        if any(abs(t.start() - m.start()) < 40 for t in cues.TRIGGER.finditer(norm))
        or cues.TOWARD_BEFORE.search(norm, max(0, m.start() - 8), m.start())
    ]


def _aimed_at_us(norm: str, agent) -> bool:
    """Whether "verb + US forces" has an attack or a munition as its subject, so the forces are its object.

    "هجمات استهدفت القوات الأمريكية", "صواريخ تستهدف الجنود الأمريكيين": subject, verb, object.
    """
    if not cues.STRIKE_VERB_FIRST.match(norm, agent.start()):
        return False
    before = norm[max(0, agent.start() - 25) : agent.start()]
    return bool(cues.ATTACK_OR_MUNITION_BEFORE.search(before))


def _against_isis(norm: str, position: int) -> bool:
    """Whether the act at ``position`` is aimed at the Islamic State (outside this conflict) in its clause."""
    start, end = _clause(norm, position)
    return any(
        not cues.COALITION_NAME_BEFORE.search(norm[max(0, m.start() - 40) : m.start()])
        for m in cues.ISIS.finditer(norm, start, end)
    )


def _fired_from(norm: str, base: Mention, us_agents) -> bool:
    """Whether a base is where the US fire of this sentence comes from, not what it hits.

    "القوات الأمريكية المتمركزة في حقل العمر استهدفت ...", "قصفت مدفعية التحالف في قاعدة
    العمر ...": the base stands inside the agent's phrase or right after it.
    """
    start = max(0, base.start - 45)
    if cues.FIRE_ORIGIN.search(norm[start : base.start]):
        return True
    stationed = cues.STATIONED_AT.search(norm[start : base.start])
    if stationed is None:
        return False
    phrase = start + stationed.start()
    return any(
        a.start() <= base.start < a.end() or abs(phrase - a.end()) <= 25 or a.start() <= phrase <= a.end() for a in us_agents
    )


def _threatened(norm: str, threat: int, anchor: int) -> bool:
    """An act named right after a threat is what is threatened, unless it is given as the threat's cause."""
    if not 0 <= anchor - threat < 60:
        return False
    return not cues.CAUSE.search(norm, threat, anchor)


def _coordinated(norm: str, anchors, anchor: int, other) -> bool:
    """Two places of one act phrase joined by "و" ("على منطقتي العكاشات والقائم", "في حقل العمر بدير
    الزور والتنف"): what dates one dates both."""
    mine = next(a for a in anchors if a[2] == anchor)
    first, second = sorted((mine, other), key=lambda a: a[2])
    if first[1] is None or second[1] is None or first[0] != second[0]:
        return False
    return bool(
        cues.COORDINATION.fullmatch(norm, first[1].end, second[1].start)
        or cues.LOCATED_COORDINATION.fullmatch(norm, first[1].end, second[1].start)
    )


def _date_from_follow_up(reports: list[Report], norm: str, published: dt.date | None) -> None:
    """A sentence about the acts just told gives its day to those the text left undated.

    "استُهدف المطار والقاعدة ليلاً. وأوضح المراسل أن هذه التطورات جاءت بعد السابعة من مساء أمس."
    """
    if not cues.ACT_ANAPHOR.search(norm):
        return
    day = next((t for t in _act_times(norm) if _names_a_day(t) and not t.is_background(published) and not t.said), None)
    if day is None:
        return
    for r in reports:
        if r.time is None or not _names_a_day(r.time):
            r.time = day if r.time is None or day.time_of_day else replace(day, time_of_day=r.time.time_of_day)


def _date_from_definite_reference(reports: list[Report], norm: str, published: dt.date | None) -> None:
    """ "The shelling on Monday evening caused losses": a known act named by its noun and a day takes that day.

    A definite act noun followed at once by a day ("وخلف القصف مساء الاثنين خسائر"), in a sentence
    that tells no act of its own, speaks of the latest act the text left undated.
    """
    reference = cues.DEFINITE_ACT_NOUN.search(norm)
    if reference is None:
        return
    day = next(
        (t for t in _act_times(norm) if 0 <= t.start - reference.end() <= 1 and _names_a_day(t) and not t.said),
        None,
    )
    if day is None or day.is_background(published):
        return
    undated = [r for r in reports if r.time is None and not r.background]
    # The act's place-naming mention carries the day to the mentions that join it.
    placed = [r for r in undated if r.location is not None]
    if placed or undated:
        (placed or undated)[-1].time = day


def _date_from_antecedent(reports: list[Report], days: list[TimeMention]) -> None:
    """Acts told of "the aircraft" a sentence before named, without a day, take the one day that sentence gave."""
    if len(days) != 1:
        return
    for r in reports:
        if r.time is None:
            r.time = days[0]


def _act_beside_the_drill(norm: str) -> bool:
    """Whether a clause other than the drill's tells an act at a time of its own ("... ناجمة عن رماية تدريبية
    ظهراً، فيما تعرضت القاعدة ليلاً لقصف").

    A drill explains the explosions of its own clause and time, not an attack told beside it at
    another; a report it refutes ("تعرضت لقصف، قبل أن يتبين أن الأصوات ناجمة عن تدريبات") names no time of its own.
    """
    starts = [0, *_clause_breaks(norm, False)]
    ends = [*starts[1:], len(norm)]
    return any(
        not cues.DRILL.search(norm, a, b)
        and not cues.EXPLOSIONS.search(norm, a, b)
        and cues.ATTACK_WORD.search(norm, a, b)
        and find_times(norm[a:b])
        for a, b in zip(starts, ends)
    )


def _names_a_day(time: TimeMention) -> bool:
    """More than a bare part of a day ("ليلاً"): a day, a date or a period."""
    return (
        time.offset is not None
        or time.weekday is not None
        or time.absolute is not None
        or time.day is not None
        or time.month is not None
        or time.background
    )


def _act_times(norm: str) -> list[TimeMention]:
    """The day expressions of a sentence that may date its acts.

    EVENTS.md v2: a statement's own day ("قالت في بيان، الأحد، ...") dates the act only
    when it is relative to publication ("قالت في بيان اليوم إنها استهدفت") and the
    statement tells or claims the act, and then only when no other mention dates it
    (``said``); a comment's day ("اعتبر في بيان أمس") never does. A day inside what
    the statement says (after its colon, or after "أن": "ذكر البيان أن القاعدة تعرضت في يناير") is the act's.
    """
    times = []
    for t in with_glosses(find_times(norm), norm):
        statement = cues.STATEMENT_BEFORE.search(norm[max(0, t.start - 60) : t.start])
        if cues.WIRE_REPORT_BEFORE.search(norm[max(0, t.start - 60) : t.start]):
            continue  # EVENTS.md v2: a wire report quoted with its own date does not date the act
        if statement and cues.COMPLEMENTIZER.search(statement.group()):
            times.append(t)
        elif statement:
            if t.offset is not None and _tells_before(norm, t.start):
                times.append(replace(t, said=True))
        elif cues.TELLING_BEFORE.search(norm[max(0, t.start - 60) : t.start]) or cues.TELLING_AFTER.match(norm, t.end):
            # "قال مسؤول، الجمعة، إن ...": an official's bare weekday dates nothing; a group claiming the act does
            if t.offset is not None or cues.CLAIM.search(norm):
                times.append(replace(t, said=True))
        else:
            times.append(t)
    return _quoted_days(times, norm)


def _quoted_days(times: list[TimeMention], norm: str) -> list[TimeMention]:
    """ "Today" and "yesterday" inside a quoted statement count from the statement's day.

    «أعلنت الفصائل يوم الأحد الماضي: استهدفنا اليوم قاعدة حرير» is last Sunday.
    """
    opener = next((t for t in times if cues.QUOTE_OPENS.match(norm, t.end) and _tells_before(norm, t.start)), None)
    if opener is None or (opener.offset == 0 and opener.weekday is None and opener.absolute is None):
        return times
    quoted = []
    for t in times:
        if t.start > opener.end and t.offset is not None and t.weekday is None and t.absolute is None:
            if opener.offset is not None:
                t = replace(t, offset=opener.offset + t.offset)
            elif opener.absolute is not None:
                t = replace(t, offset=None, absolute=opener.absolute + dt.timedelta(days=t.offset))
            elif opener.weekday is not None:
                t = replace(t, offset=None, weekday=(opener.weekday + t.offset) % 7, past=opener.past and t.offset == 0)
        quoted.append(t)
    return quoted


def _tells_before(norm: str, position: int) -> bool:
    """A verb of telling or claiming opens the sentence's statement before ``position``."""
    return any(m.start() < position for m in (*cues.SAYS.finditer(norm), *cues.CLAIM_VERB.finditer(norm)))


def _across_cause(norm: str, time: TimeMention, anchor: int) -> bool:
    """A day told before a cause word and the act after it: the day is the consequence's.

    "استنفرت القوات اليوم بعد الهجوم على القاعدة": today is the alert's day, the attack
    lies before it. (After the act, "بعد" more often orders two steps of one act.) A toll
    told as the result of the act («قتل ... أمس إثر قصف») has the act's day.
    """
    if time.end > anchor:
        return False
    # "قتل قياديان أمس إثر قصف ...": people killed by an act die on its day; the day is the act's.
    toll = bool(cues.KILLED_OR_HURT_VERB.search(norm, 0, time.start))
    return any(
        not cues.CLOCK_AFTER.match(norm, m.end())
        and not cues.DISTANCE_BEFORE.search(norm, 0, m.start())
        and not (toll and cues.RESULT_OF.fullmatch(m.group()))
        for m in cues.CAUSE.finditer(norm, time.end, anchor)
    )


def _only_consequences(norm: str, triggers: list[re.Match[str]]) -> bool:
    """A sentence whose every act word is the act told before, named as a cause («وأُغلق مطار أربيل
    لساعات عقب الهجوم، قبل أن يستأنف العمل صباح اليوم»): it tells what followed, not a new act."""
    return bool(triggers) and all(
        norm.startswith("ال", t.start()) and cues.CAUSE_RIGHT_BEFORE.search(norm, max(0, t.start() - 8), t.start())
        for t in triggers
    )


def _an_act_this_follows(norm: str, anchor: int) -> bool:
    """An act told after "this one comes after ..." came before it: «ويأتي هذا الاستهداف بعد أقل من
    أسبوع على إعلان الفصائل ضرب قاعدتي عين الأسد وحرير»."""
    return _after_coming_after(norm, 0, anchor)


def _after_coming_after(norm: str, start: int, position: int) -> bool:
    """Whether ``position`` lies past a "comes after" phrase that opens at or after ``start``: «وتأتي
    الغارات بعد ...», «ويأتي الهجوم عقب ...»; what follows the cause word is the earlier step."""
    comes = cues.COMES_AFTER.search(norm, start, position)
    cause = comes and cues.CAUSE.search(norm, comes.end(), position)
    return bool(cause) and cause.start() <= comes.end() + 40


def _interval(norm: str, anchor: int) -> int | None:
    """Days between an act told after "بعد يوم واحد من" and the act that comes after it; None when not told."""
    m = max(cues.INTERVAL_AFTER.finditer(norm, 0, anchor), key=lambda x: x.start(), default=None)
    if m is None:
        return None
    if m.group("one"):
        return 1
    if m.group("two"):
        return 2
    if m.group("hours"):
        return 0
    return parse_number(m.group("n"))


def _of_the_act_it_follows(norm: str, time: TimeMention, anchor: int) -> bool:
    """A day told after "the act comes after ..." is the earlier step's: «وتأتي الغارات بعد تأكيد
    مسؤول، أمس الاثنين، تعرض قاعدة لهجوم» dates the confirmation and the attack, not the raids."""
    return time.start > anchor and _after_coming_after(norm, max(0, anchor - 20), time.start)


def _complete_days(reports: list[Report], calendar: Calendar) -> None:
    """Bare weekdays dated through the whole article's calendar; a day a week back is background."""
    for r in reports:
        time = calendar.complete(r.time)
        if time is not r.time:
            r.time = time
            r.background = r.background or time.is_background(calendar.published)
    _dawn_in_the_named_night(reports, calendar.published)


def _dawn_in_the_named_night(reports: list[Report], published: dt.date | None) -> None:
    """The dawn of a day the article also names by its eve ("ليلة الجمعة") is that night.

    "قصفت الطائرات ليلة الجمعة ... وقال الجيش: فجر اليوم تعرضنا لاعتداء" tells one night;
    EVENTS.md v2 dates it by the «ليلة» rule: the evening before, at night.
    """
    eves = {r.time.resolve(published)[1] for r in reports if r.time is not None and r.time.eve}
    for r in reports:
        if r.time is None or r.time.time_of_day != "dawn" or r.time.eve:
            continue
        offset = r.time.resolve(published)[1]
        if offset is not None and offset - 1 in eves:
            r.time = replace(r.time, offset=offset - 1, weekday=None, absolute=None, month=None, day=None, time_of_day="night")


def _with_part(day: TimeMention, parts: list[TimeMention], norm: str) -> TimeMention:
    if day.time_of_day is not None:
        return day
    near = [p for p in parts if _distance(norm, p.start, day.start) < 30]
    return replace(day, time_of_day=near[0].time_of_day) if near else day


# Wording that blames the militia named after it for the attack just told: "this attack comes within a
# series of attacks the militias wage", "the shells were launched from desert held by pro-Iran groups".
_BLAMING = (cues.PLACED_IN_A_SERIES, cues.LAUNCHED_FROM_HELD)


def _blame_from_wording(reports: list[Report], norm: str, mentions: list[Mention]) -> None:
    """The militia a blaming phrase (``_BLAMING``) names is the attacker of the attacks told last (a
    strike told after them does not change which attacks those are), where nothing named one."""
    blame = next((m for pattern in _BLAMING if (m := pattern.search(norm)) is not None), None)
    attacks = [r for r in reports if r.event_type == "attack"]
    if blame is None or not attacks:
        return
    group = next((m.entry for m in mentions if m.kind == "actor" and m.start >= blame.end() and m.entry.side == "militia"), None)
    if group is None:
        return
    for report in attacks:
        if report.sentence.index == attacks[-1].sentence.index and report.actor == "unknown" and not report.claimed:
            report.actor = group.id


def _locates(report: Report, norm: str, gazetteer: Gazetteer) -> bool:
    """Give a placeless attack told just before the one base a sentence puts its victims or its act in
    («ونقلت الشبكة أن الجنود كانوا في البرج 22»); whether it did."""
    if (
        report.location is not None
        or report.event_type != "attack"
        or not cues.LOCATED_IN.search(norm)
        or cues.TALLY.search(norm)
    ):
        return False
    bases = {m.id: m.entry for m in gazetteer.find(norm) if m.kind == "location" and m.entry.kind == "base"}
    if len(bases) != 1:
        return False
    (base,) = bases.values()
    report.location, report.countries = base, [base.country]
    return True


def _continues(norm: str, report: Report, gazetteer: Gazetteer) -> bool:
    """A sentence goes on about the act just told unless it tallies acts or names another base."""
    if cues.TALLY.search(norm):
        return False
    bases = {m.id for m in gazetteer.find(norm) if m.kind == "location" and m.entry.kind == "base"}
    return not bases or (report.location is not None and report.location.id in bases)


def _owner(norm: str, anchors, position: int) -> int:
    """The anchor a mention at ``position`` belongs to: the nearest, clause breaks counted."""
    return min(anchors, key=lambda a: _distance(norm, a[2], position))[2]


def _weapon_owner(norm: str, anchors, weapon: Mention) -> int:
    """The act a weapon word belongs to: the nearest, unless that is a strike it cannot be the means of.

    «ردت الفصائل على الغارات بـ3 صواريخ استهدفت قاعدة حقل العمر»: rockets answering a raid are
    the answering attack's.
    """
    nearest = min(anchors, key=lambda a: _distance(norm, a[2], weapon.start))
    if nearest[0] != "strike" or weapon.entry.weapon not in _ATTACK_MEANS or _strike_means(norm, weapon) is not None:
        return nearest[2]
    attacks = [a for a in anchors if a[0] == "attack"]
    return min(attacks, key=lambda a: _distance(norm, a[2], weapon.start))[2] if attacks else nearest[2]


def _add_casualties(report: Report, norm: str, anchors=None) -> None:
    """Killed and injured figures of the sentence that belong to this report's anchor."""
    if not cues.CASUALTY_WORD.search(norm):
        return
    for pattern, attr in ((cues.KILLED, "killed"), (cues.INJURED, "injured")):
        if getattr(report, attr) is not None:
            continue
        value = _toll(norm, pattern, report.anchor, anchors, of_strike=report.event_type == "strike")
        if value is not None:
            setattr(report, attr, value)
    if anchors and any(
        a[2] != report.anchor and _listed_with(norm, anchors, report, a[2]) and not _same_place(a[1], report.location)
        for a in anchors
    ):
        # "strikes on the areas of Akashat and al-Qaim left 16 dead": no one place's figure (EVENTS.md v2).
        _pool(report, ("killed", "injured"))
    if any(not cues.OF_CIVILIANS.match(norm, m.end()) for m in cues.NO_CASUALTIES.finditer(norm)):
        report.killed = 0 if report.killed is None else report.killed
        report.injured = 0 if report.injured is None else report.injured
    _update_toll(report, norm)


def _same_place(mention: Mention | None, location: Location | None) -> bool:
    """«في مدينة البوكمال وبادية البوكمال»: one place named twice is no list of places."""
    return mention is not None and location is not None and mention.id == location.id


def _update_toll(report: Report, norm: str) -> None:
    """«وارتفعت حصيلة الجرحى لاحقاً إلى 9»: the figure replaces any told before, in this mention and the event."""
    for pattern, attr in ((cues.KILLED_UPDATE, "killed"), (cues.INJURED_UPDATE, "injured")):
        m = pattern.search(norm)
        value = parse_number(m.group("n")) if m else None
        if value is not None:
            setattr(report, attr, value)
            report.updated += (attr,)


def _toll(norm: str, pattern: re.Pattern[str], anchor: int, anchors=None, of_strike: bool = False) -> int | None:
    """One kind of figure for the act at ``anchor``: its first phrase, plus phrases added to it.

    «قُتل جنديان وأصيب أربعة آخرون، إضافة إلى جرح مترجم» gives 5 wounded: two phrases of one
    kind joined by a coordinator are one toll told in parts.
    """
    total, end = None, None
    for m in pattern.finditer(norm):
        if anchors and min(anchors, key=lambda a: _distance(norm, a[2], m.start()))[2] != anchor:
            continue
        if anchors and _of_another_act(norm, anchor, m.start()):
            continue  # "شنت غارات بعد هجوم أسفر عن مقتل أمريكي": the cause's toll
        if of_strike and cues.US_VICTIMS.search(norm, m.start(), m.end() + 30):
            continue  # US troops hurt are no US strike's casualties
        if cues.COMBINED_TOLL.search(norm[max(0, m.start() - 12) : m.start() + 1]):
            continue  # "مقتل وجرح 28": dead and wounded together, neither figure alone
        value, group_end = _victim_group(norm, m)
        if value is None:
            continue
        if total is None:
            total, end = value, group_end
        elif cues.ALSO_TOLL.search(norm[end : m.start()]):
            total, end = total + value, group_end
        else:
            break
    return total


def _victim_group(norm: str, m: re.Match[str]) -> tuple[int | None, int]:
    """How many people a casualty phrase counts, and where it ends, with those coordinated after it.

    «إصابة ضابط وثلاثة من منتسبي القوة» is 4; «مقتله وشخص آخر» is 2 (the pronoun is one).
    """
    if m.lastgroup is None:
        value, end = 1, m.end()
    else:
        value, end = _casualty_value(m.group(m.lastgroup)), m.end(m.lastgroup)
        if cues.LABEL_BEFORE.search(norm, 0, m.start(m.lastgroup)) and m.group(m.lastgroup)[0].isdigit():
            return None, end
    if value is None:
        return None, end
    while (more := cues.MORE_VICTIMS.match(norm, end)) is not None:
        added = _casualty_value(more.group("n"))
        if added is None:
            break
        value, end = value + added, more.end()
    return value, end


# What militias attack with: an air strike is the other side's.
_ATTACK_MEANS = ("rocket", "drone", "missile", "artillery", "gunfire")
# The means of a strike, most telling first: named aircraft («طائرات حربية ترافقها طائرات مسيّرة»
# is an air strike), then the weapons, then a bare strike noun («غارة بطائرة مسيّرة» is a drone's).
_STRIKE_MEANS = {"aircraft": 0, "gunfire": 1, "artillery": 2, "drone": 3, "missile": 4, "airstrike": 5, "rocket": 6}


def _strike_means(norm: str, weapon: Mention) -> int | None:
    """Rank of a weapon mention as the means of a strike; None when it cannot be one.

    Rockets beside a strike are the militia's ("where the rockets were launched from"), unless
    the strike is carried out with them: «استهدفت القوات الأمريكية مواقع ... بصواريخ».
    """
    kind = weapon.entry.weapon
    if kind == "airstrike" and cues.AIRCRAFT_MEANS.search(norm, weapon.start, weapon.end):
        kind = "aircraft"
    if kind == "rocket" and not (_instrument(norm, weapon) or _fired_by_a_force(norm, weapon)):
        return None
    return _STRIKE_MEANS.get(kind)


def _fired_by_a_force(norm: str, weapon: Mention) -> bool:
    """«أطلقت القوات الأمريكية من قاعدتها ... قذائف نحو القرى السبع»: the munitions the striking force fires."""
    return bool(cues.FORCE_FIRES_BEFORE.search(norm, max(0, weapon.start - 120), weapon.start))


def _fired_by_a_drone(norm: str, chosen: Mention, weapons: list[Mention]) -> Mention | None:
    """The rockets or missiles a drone strike fired, when it tells both («طائرة مسيرة أمريكية استهدفت
    بثلاثة صواريخ سيارة», «بطائرة مسيرة ... بصاروخين»): the strike is the drone's, the munitions its count."""
    if chosen.entry.weapon == "drone":
        return next((w for w in weapons if w.entry.weapon in ("rocket", "missile") and _instrument(norm, w)), None)
    if chosen.entry.weapon in ("rocket", "missile") and any(
        w.entry.weapon == "drone" and w.start < chosen.start for w in weapons
    ):
        return chosen
    return None


def _strike_kind(norm: str, weapon: Mention) -> str:
    """A strike's means: shells a force fires are its artillery, whatever the word's bare sense."""
    if weapon.entry.weapon == "rocket" and _fired_by_a_force(norm, weapon) and cues.SHELL_WORD.match(norm, weapon.start):
        return "artillery"
    return weapon.entry.weapon


def _instrument(norm: str, weapon: Mention) -> bool:
    """The weapon word carries the clitic of the instrument: «بصواريخ», «بالقذائف»."""
    return bool(cues.INSTRUMENT_BEFORE.search(norm, max(0, weapon.start - 14), weapon.start))


def _fired(norm: str, weapons: list[Mention]) -> list[Mention]:
    """The weapon words that name a means used, not a thing spoken of.

    «أصوات الصواريخ», «شحنة صواريخ», «مخازن للصواريخ والطائرات المسيرة» name no act's weapon
    (PHENOMENA M), nor do the defence's «صواريخ اعتراضية»; a weapon coordinated right after such a
    word is spoken of with it.
    """
    fired, after = [], -1
    for w in weapons:
        if (
            cues.NOT_FIRED_AFTER.match(norm, w.end)
            or cues.NOT_FIRED_BEFORE.search(norm, max(0, w.start - 25), w.start)
            or (after >= 0 and cues.AND_BETWEEN.fullmatch(norm, after, w.start))
        ):
            after = w.end
            continue
        fired.append(w)
    return fired


# How far apart two places of one list may start: «قرب مطار دير الزور وقريتي حويجة سكر والمارية».
LIST_SPAN = 50


def _of_a_place_singled_out(norm: str, anchors, report: Report, weapon: Mention) -> bool:
    """A weapon told in a later clause of an act at one place named again there («استهداف قاعدتي X وY،
    وأفادت مصادر في مدينة Y بأن ... استهداف القاعدة بقذيفتين»): the means are that place's, not the list's."""
    owner = next(a for a in anchors if a[2] == _owner(norm, anchors, weapon.start))
    if owner[1] is None or report.location is None or owner[1].id == report.location.id:
        return False
    named_before = any(a[1] is not None and a[1].id == owner[1].id and a[2] < owner[2] for a in anchors)
    return named_before and report.anchor < owner[2] and _clause(norm, owner[2]) != _clause(norm, report.anchor)


def _counts_a_list(norm: str, anchors, report: Report, weapon: Mention) -> bool:
    """A count told once for a list of places («بـ3 قذائف مدفعية مواقع في بلدتي الجفرة والمريعية»):
    the munitions of them all, no one place's (EVENTS.md v2: such figures go to claims)."""
    listed = [report.anchor] + [
        a[2]
        for a in anchors
        if a[2] != report.anchor
        and _listed_with(norm, anchors, report, a[2])
        and a[1] is not None
        and report.location is not None
        and a[1].id != report.location.id
        # coordinated places, not one placed inside the other («قاعدة فكتوريا داخل مطار بغداد»)
        and cues.COORDINATOR.search(norm, min(a[2], report.anchor), max(a[2], report.anchor))
    ]
    return len(listed) > 1 and not min(listed) < weapon.start < max(listed)


def _listed_with(norm: str, anchors, report: Report, other: int) -> bool:
    """Another act of the same kind named in the same list of places («قرب مطار دير الزور وقريتي
    حويجة سكر والمارية بصواريخ»): close, with no comma or clause break between them."""
    kind = next(a[0] for a in anchors if a[2] == other)
    gap = abs(report.anchor - other)
    return kind == report.event_type and gap <= LIST_SPAN and _distance(norm, report.anchor, other) == gap


def _add_munitions(report: Report, norm: str, gazetteer: Gazetteer) -> None:
    """Weapon and count of an attack told in a sentence of its own, when its first mention lacks them.

    «وتصاعد الدخان من القاعدة بعد استهدافها بعدد من الصواريخ»: rockets; «وأحصى سكان سقوط سبع
    قذائف»: 7. A recollection («سبق أن», «في وقت سابق») or a target of its own («وصاروخ على فكتوريا»)
    tells of another act.
    """
    if report.event_type != "attack" or report.munition_count is not None:
        return
    if cues.BACKGROUND.search(norm) or cues.EARLIER.search(norm):
        return
    weapons = [
        m
        for m in gazetteer.find(norm)
        if m.kind == "weapon" and m.entry.weapon in _ATTACK_MEANS and report.weapon in (None, m.entry.weapon)
    ]
    if not weapons or cues.OTHER_TARGET.match(norm, weapons[0].end):
        return
    report.weapon = _kind(norm, weapons[0])
    report.munition_count = _count(norm, weapons[0])


def _means_of_a_set(norm: str, weapons: list[Mention], anchors, report: Report) -> bool:
    """ "The factions targeted with drones and rockets the bases of X and Y": which means hit which base is not told.

    Weapon words of two kinds, coordinated, in a sentence that names several places attacked give
    none of those acts a weapon when the pair is told before every place, in a clause of no place,
    after all the places of its clause («قاعدتي X وY، في قصف مكثف بالصواريخ والطائرات المسيرة»),
    or in a mention that sums them up; one act "by rockets and a drone" keeps its first means.
    """
    places = [a[2] for a in anchors if a[0] == "attack" and a[1] is not None]
    if not (report.summary or len(places) > 1):
        return False
    ordered = sorted((w for w in weapons if w.entry.weapon in _ATTACK_MEANS), key=lambda w: w.start)
    for first, second in zip(ordered, ordered[1:]):
        if first.entry.weapon == second.entry.weapon or not cues.COORDINATED_WORDS.fullmatch(norm, first.end, second.start):
            continue
        start, end = _clause(norm, first.start)
        in_clause = [p for p in places if start <= p < end]
        if report.summary or second.end < min(places) or not in_clause or (len(in_clause) > 1 and max(in_clause) < first.start):
            return True
    return False


def _kind(norm: str, weapon: Mention) -> str:
    """The weapon a mention names; «صواريخ موجهة نحو القاعدة» are rockets aimed at it, not guided missiles."""
    if weapon.entry.weapon == "missile" and cues.AIMED_AT.match(norm, weapon.start, weapon.end + 12):
        return "rocket"
    return weapon.entry.weapon


def _count(norm: str, weapon: Mention) -> int | None:
    """Munitions fired, from the number before the weapon noun or the noun's own number.

    Munitions readied or found, never launched («صاروخين معدين للإطلاق»), count none (EVENTS.md v2).
    """
    if cues.READIED.search(norm, max(0, weapon.start - 30), weapon.end + 40):
        return None
    before = norm[max(0, weapon.start - 30) : weapon.start]
    before = before[: len(before) - (len(before) - len(before.rstrip()))] + " " if before.strip() else ""
    number = weapon.entry.number
    aircraft = cues.AIRCRAFT_BEFORE.search(before)
    if aircraft:
        # "4 طائرات مسيرة انتحارية": the aircraft noun carries the count, the weapon phrase follows it.
        number = cues.AIRCRAFT_NUMBER[aircraft.group(1)]
        before = before[: aircraft.start() + 1]
    m = cues.COUNT_BEFORE.search(before)
    if m:
        value = parse_number(m.group("n"))
        if value is not None and 0 < value < 1000:
            return value
    if cues.VAGUE_BEFORE.search(before) or cues.ATTACK_NOUN_BEFORE.search(before):
        return None
    if number == "1":
        # "إطلاق القذيفة": a definite singular names a munition already known, or the kind; it counts none.
        return None if cues.ARTICLE_BEFORE.search(norm, max(0, weapon.start - 5), weapon.start) else 1
    if number == "2":
        return 2
    return None


def _casualty_value(text: str | None) -> int | None:
    """People a figure names: a number, a victim noun («جنديين» 2), or a noun counted by the word after it."""
    if not text:
        return None
    if text in cues.VICTIMS or text.removesuffix("ا") in cues.VICTIMS:
        return cues.VICTIMS.get(text, cues.VICTIMS.get(text.removesuffix("ا")))  # «متعاقداً»: the accusative
    if text in cues.DUAL_TOLL:
        return cues.DUAL_TOLL[text]
    apposed = cues.APPOSED.fullmatch(text)
    if apposed and not parse_number(apposed.group("noun")):
        return parse_number(apposed.group("n"))  # «شرطيين اثنين», «عنصر واحد»: the number word counts
    return parse_number(text)


# --- merging reports into events ------------------------------------------------------
def _compatible_days(a: Report | Event, b: Report) -> bool:
    """No day of one contradicts a day of the other.

    Days of different kinds ("السبت" and "اليوم" in an undated article whose
    publication weekday the text never gives) cannot be compared, so they do not.
    """
    offsets = {r.time_offset for r in _reports_of(a) if r.time_offset is not None}
    return (
        b.time_offset is None
        or not offsets
        or b.time_offset in offsets
        or all(key[0] != b.time_offset[0] for key in offsets)
        or b.same_act
        or (b.location is None and any(_next_day(b.time_offset, o) for o in offsets))
    )


def _next_day(a: tuple, b: tuple) -> bool:
    """Whether two day keys are a day apart: a placeless mention dated by its report ("the strikes, announced today") may lag its act by one."""
    return a[0] == b[0] == "offset" and abs(a[1] - b[1]) == 1


def _reports_of(x: Report | Event) -> list[Report]:
    return x.reports if isinstance(x, Event) else [x]


def _merge(article: str, reports: list[Report], published: dt.date | None) -> list[Event]:
    for r in reports:
        r.time_offset = _offset_key(r.time, published)
    # Background recollections without a day, a toll or a named place struck with a named weapon
    # ("سبق أن هاجمت الفصائل قاعدتي كونيكو والعمر") are commentary, not events.
    reports = [
        r
        for r in reports
        if not r.background
        or r.time is not None
        or r.killed
        or r.injured
        or (r.location is not None and not _is_vague(r) and r.weapon is not None)
    ]
    events: list[Event] = []
    vague: list[Report] = []
    for r in reports:
        if _is_vague(r):
            vague.append(r)
            continue
        match = next(
            (
                e
                for e in events
                if e.event_type == r.event_type
                and e.location is not None
                and e.location.id == r.location.id
                and _compatible_background(e, r)
                and _compatible_days(e, r)
                and not _renewed(e, r)
            ),
            None,
        )
        if match is None:
            events.append(Event(article, r.event_type, r.location, list(r.countries), [r]))
        else:
            match.reports.append(r)
    # Dated mentions first: they found the placeless events that undated ones then join.
    for r in sorted(vague, key=lambda r: r.time_offset is None):
        candidates = [
            e
            for e in events
            if e.event_type == r.event_type
            and _background_of(e) == r.background
            and _compatible_days(e, r)
            and (not r.countries or e.location is None or set(r.countries) <= {e.location.country})
            and (
                r.location is None
                or r.relative
                or (e.location is not None and e.location.governorate in (r.location.id, r.location.governorate))
            )
        ]
        specific = [e for e in candidates if e.location is not None and not _is_vague(e.reports[0])]
        if len(r.countries) > 1:
            # "strikes in Syria and Iraq": a summary of the strikes named in each country, if the
            # article names them; otherwise an act of its own, placed in no one country.
            named = [
                e
                for e in events
                if e.event_type == r.event_type
                and e.location is not None
                and not _is_vague(e.reports[0])
                and _background_of(e) == r.background
                and _compatible_days(e, r)
            ]
            if set(r.countries) <= {e.location.country for e in named}:
                # Its day and weapon belong to every act it sums up; its figures to none of them alone.
                shared = _without_figures(r)
                for e in named:
                    if e.location.country in r.countries:
                        e.reports.append(shared)
                continue
            specific = []
            candidates = [e for e in candidates if e.location is None]
        if r.event_type == "strike":
            # US and coalition strikes are told apart where the text tells them apart.
            same_actor = [e for e in candidates if _strike_actor(e) == r.actor]
            specific = [e for e in specific if e in same_actor] or ([] if same_actor else specific)
            candidates = same_actor or candidates
        pool = specific or candidates
        if len({e.location.id for e in specific}) > 1:
            # «مقتل 6 مقاتلين في الضربات الأمريكية شرق سوريا» beside several places struck: theirs together
            _pool(r, ("killed", "injured"))
        if r.summary and len(pool) != 1:
            if not pool and r.time_offset is not None:
                events.append(Event(article, r.event_type, None, list(r.countries), [r]))
            elif r.time_offset is not None:
                _date_the_members(r, pool)
            continue
        if pool:
            target = min(pool, key=lambda e: _text_gap(e, r))
            if (
                r.location is not None
                and not r.relative
                and target.location is not None
                and _is_vague(target.reports[0])
                and target.location.id != r.location.id
                # "جنوب مدينة الميادين في ريف دير الزور": the governorate locates the place it contains.
                and target.location.governorate != r.location.id
            ):
                target = None
            if target is not None:
                target.reports.append(r)
                if target.location is None and r.relative:
                    target.location = r.location  # "north of X" is X when nothing more specific is given
                for c in r.countries:
                    if c not in target.countries and target.location is None:
                        target.countries.append(c)
                continue
        if r.location is None and r.time is None and not r.killed:
            continue  # an undated, placeless mention that matches nothing reported is not an act
        events.append(Event(article, r.event_type, r.location, list(r.countries), [r]))
    return sorted(events, key=lambda e: min((r.sentence.start, r.anchor) for r in e.reports))


def _pool(report: Report, attrs: tuple[str, ...]) -> None:
    """Figures a text gives for several places together: the claims', no one place's (EVENTS.md v2)."""
    for attr in attrs:
        if getattr(report, attr):
            report.pooled[attr] = getattr(report, attr)
            setattr(report, attr, None)


def _without_figures(summary: Report) -> Report:
    """A summing mention as each act it sums up hears it: its day, weapon and attacker, none of its figures or source."""
    return replace(summary, killed=None, injured=None, munition_count=None, source=None)


def _date_the_members(summary: Report, members: list[Event]) -> None:
    """A set mention that names a day ("قصفت المقاومة قاعدتين أمريكيتين يوم السبت") dates each act it sums up.

    The members told without a day of their own take the set's day, weapon and attacker;
    its figures belong to none of them alone.
    """
    shared = _without_figures(summary)
    for event in members:
        if all(r.time_offset is None for r in event.reports):
            event.reports.append(shared)


def _renewed(event: Event, report: Report) -> bool:
    """Whether a report tells the act again ("مجدداً", "هجوم جديد") after the mentions of one already told.

    A cannot-link: the same place attacked again is another act, even on a day the text
    does not tell apart, whether the renewal is told in the next sentence or the next clause.
    """
    return report.renewed and all((r.sentence.index, r.anchor) < (report.sentence.index, report.anchor) for r in event.reports)


def _base_attacked_again(norm: str, locations: list[Mention]) -> list[Mention]:
    """ "سقطت صواريخ على قاعدة كونيكو ظهراً، ثم استُهدفت القاعدة مجدداً مساءً": the base of a later clause
    that renews the act is the base named before it in the sentence."""
    bases = [m for m in locations if m.entry.kind == "base"]
    if not bases:
        return []
    for anaphor in cues.BASE_ANAPHOR.finditer(norm, bases[-1].end):
        start, end = _clause(norm, anaphor.start())
        if start >= bases[-1].end and cues.RENEWED.search(norm, start, end):
            named = bases[-1].entry
            return [Mention("location", named.id, anaphor.start(), anaphor.end(), named)]
    return []


def _strike_actor(event: Event) -> str:
    return event.reports[0].actor


def _is_vague(report: Report) -> bool:
    """Names no place an act can be pinned to: nothing, a governorate, or a town as an attack's target.

    Militias attack bases, so "rockets on Baghdad" is an attack on a base in Baghdad
    named elsewhere, if the article names one.
    """
    location = report.location
    return (
        location is None
        or (location.kind == "governorate" and not report.listed)
        or report.relative
        or (report.event_type == "attack" and location.kind == "place")
    )


def _background_of(event: Event) -> bool:
    """Background as the precisely dated mention says, else as the first mention says."""
    dated = next((r for r in event.reports if r.time_offset is not None), event.reports[0])
    return dated.background


def _compatible_background(event: Event, report: Report) -> bool:
    """Same news window, or one side only vaguely placed in time ("last week") against a dated one."""
    if _background_of(event) == report.background:
        return True
    # "last week" in a headline may be the act the body dates; "last month", "last year" are other acts.
    vague = [
        r
        for r in (*event.reports, report)
        if r.background and r.time_offset is None and (r.time is None or r.time.period in (None, "week"))
    ]
    return bool(vague)


def _offset_key(time: TimeMention | None, published: dt.date | None):
    """A comparable form of a day: "أمس" and "الأحد" are one day when the article is Monday's."""
    if time is None or time.said:
        return None  # a statement's day says nothing against the act's
    offset = time.resolve(published)[1]
    if offset is not None:
        return ("offset", offset)
    if time.offset is not None:
        return ("offset", time.offset)
    if time.absolute is not None:
        return ("date", time.absolute)
    if time.day is not None:
        return ("day", time.month, time.day)
    if time.weekday is not None:
        return ("weekday", time.weekday, time.eve)
    return None


def _text_gap(event: Event, report: Report) -> tuple[int, int]:
    gaps = [abs(r.sentence.index - report.sentence.index) for r in event.reports]
    before = any(r.sentence.index <= report.sentence.index for r in event.reports)
    return (min(gaps), 0 if before else 1)
