"""When an act happened, by the rules of EVENTS.md.

``find_times`` reads day expressions in a normalised sentence (أمس، فجر اليوم، ليل
الخميس/الجمعة، ليلة الخميس، 26 تموز 2024 ...) as ``TimeMention``s holding what the text
says, relative or absolute; ``TimeMention.resolve`` turns one into a calendar date
and a day offset against a publication date that may be unknown.
``header_date`` reads the publication date an article states in its header lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from transforms.matcher import Prefiltered
from transforms.normalize import fold, normalize

# EVENTS.md: "about a week ago" is background, "يوم الأربعاء الماضي" is news.
NEWS_WINDOW_DAYS = 7

WEEKDAYS = {
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
MONTHS = {
    "كانون الثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الاول": 12,
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يوليو": 7,
    "اغسطس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    "جانفي": 1,
    "فيفري": 2,
    "افريل": 4,
    "ماي": 5,
    "جوان": 6,
    "جويليه": 7,
    "اوت": 8,
}

_DAYPARTS = {
    "فجر": "dawn",
    "الفجر": "dawn",
    "صباح": "morning",
    "الصباح": "morning",
    "ضحي": "morning",
    "ظهر": "afternoon",
    "الظهر": "afternoon",
    "ظهيره": "afternoon",
    "عصر": "afternoon",
    "العصر": "afternoon",
    "مساء": "evening",
    "المساء": "evening",
    "ليل": "night",
    "الليل": "night",
    "ليله": "night",
    "منتصف ليل": "night",
    "منتصف الليل": "night",
    # The adverbial accusative: "فجراً", "ليلاً".
    "فجرا": "dawn",
    "صباحا": "morning",
    "ظهرا": "afternoon",
    "عصرا": "afternoon",
    "ليلا": "night",
}

_WD = "(?P<wd>" + "|".join(WEEKDAYS) + ")"
_WD2 = "(?P<wd2>" + "|".join(WEEKDAYS) + ")"
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_ALT})(?:\s?/\s?(?:{_MONTH_ALT}))?"
_ORDINAL_UNITS = {
    "الاول": 1,
    "الحادي": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
    "العاشر": 10,
}
# "الثامن من كانون الثاني", "الحادي والعشرين من آذار": days of the month written as ordinals.
_ORDINAL_DAY = (
    r"(?P<ordinal>(?:الحادي|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع)\s(?:عشر|والعشرين|والثلاثين)"
    r"|العشرين|الثلاثين|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر)"
)


def _ordinal_value(text: str) -> int:
    first, _, rest = text.partition(" ")
    if first == "العشرين":
        return 20
    if first == "الثلاثين":
        return 30
    return _ORDINAL_UNITS[first] + {"": 0, "عشر": 10, "والعشرين": 20, "والثلاثين": 30}[rest]


# "ساعات متاخره من ليل", "في ساعه متاخره من ليل", "بساعات المساء": a day part with padding.
_PART = (
    r"(?:(?:في\s|ب)?(?:ال)?(?:ساعات|ساعه)\s(?:(?P<hour_late>متاخره|المتاخره)\s|(?P<hour_early>مبكره|الاولي)\s)?(?:من\s)?)?"
    r"(?P<part>منتصف\sليل|منتصف\sالليل|فجرا|فجر|الفجر|صباحا|صباح|الصباح|ظهرا|ظهر|الظهر|ظهيره|عصرا|عصر|العصر|مساء|المساء|ليله|ليلا|ليل|الليل)"
)
_P = r"(?<![\w])(?:[وفبل]|لل)?"  # clitic prefix allowed before an expression
# "في وقت متأخر من ...": late in that day, which v2 reads as its night.
_LATE = r"(?P<late>(?:في\s)?وقت\sمتاخر\sمن\s)"
# "أمس الأحد/الاثنين": a night written as the two days it spans; the first is its day.
_SPAN = rf"(?:\s{_WD}(?:\s?[/-]\s?{_WD2})?)?"

# Each pattern goes behind the words it cannot match without (``transforms.matcher``) below: most sentences hold none.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "قبل يومين من الزيارة" counts from another event, not from publication.
    (
        "ago",
        re.compile(
            rf"{_P}(?:منذ|قبل)\s(?:نحو\s|حوالي\s)?(?P<n>يومين|ثلاثه\sايام|اربعه\sايام|اسبوع|اسبوعين|شهر)(?!\w)(?!\s(?:من|علي)\s)"
        ),
    ),
    # "قبل قليل", "منذ ساعات": a moment ago is the publication day; "قبل ساعات" (of another act) is no day.
    ("moments_ago", re.compile(rf"{_P}(?:قبل\sقليل|منذ\s(?:قليل|ساعات|ساعه|ساعتين|سويعات))(?!\w)(?!\s(?:من|علي)\s)")),
    (
        "last_period",
        re.compile(
            rf"{_P}(?:خلال\s|في\s)?(?P<period>الاسبوع|الشهر|العام|السنه)\s(?P<which>الماضي|الماضيه|المنصرم|المنصرمه|السابق|الفايت)(?!\w)"
        ),
    ),
    # "أول أمس", "يوم أمس الأول"
    (
        "day_before_yesterday",
        re.compile(rf"{_P}(?:{_LATE}|{_PART}\s)?(?:يوم\s)?(?:اول\s(?:من\s)?امس|امس\sالاول){_SPAN}(?!\w)"),
    ),
    ("last_night", re.compile(rf"{_P}(?:{_LATE})?الليله\s(?:الماضيه|الفايته|المنصرمه|السابقه)(?!\w)")),
    ("yesterday", re.compile(rf"{_P}(?:{_LATE}|{_PART}\s)?(?:يوم\s)?(?:ال)?(?:امس|البارحه){_SPAN}(?!\w)")),
    # "هذا الصباح", "هذا المساء": a part of the publication day
    ("this_part", re.compile(rf"{_P}هذا\s(?P<part>الصباح|المساء|الفجر)(?!\w)")),
    (
        "today",
        re.compile(
            rf"{_P}(?:{_LATE}|{_PART}\s)?(?:يوم\s)?(?<!حتي\s)اليوم{_SPAN}(?!\s(?:الاول|الثاني|التالي|السابق|ذاته|نفسه))(?!\w)"
        ),
    ),
    (
        "date",
        re.compile(
            rf"{_P}(?:{_PART}\s)?(?:يوم\s)?(?:{_WD}\s)?(?:في\s)?(?:(?:ال)?(?P<day>\d{{1,2}})(?:\s?/\s?\d{{1,2}})?|{_ORDINAL_DAY})\s(?:من\s)?(?:شهر\s)?{_MONTH}(?:\s(?:من\s)?(?:عام\s|العام\s)?(?P<year>\d{{4}}))?(?!\w)"
        ),
    ),
    (
        "weekday",
        re.compile(rf"{_P}(?:{_LATE}|{_PART}\s)?(?:يوم\s)?{_WD}(?:\s?[/-]\s?{_WD2}|\s(?P<dir>الماضي|المقبل|القادم))?(?!\w)"),
    ),
    # "في يناير الماضي": a named month told as past is another month than the article's
    (
        "month",
        re.compile(
            rf"(?<!\w)(?:في\s|خلال\s)(?:شهر\s)?{_MONTH}(?:\s(?:من\s)?(?:عام\s|العام\s)?(?P<year>\d{{4}}))?(?:\s(?P<past>الماضي|المنصرم|الفايت|السابق))?(?!\w)"
        ),
    ),
    ("part", re.compile(rf"{_P}{_PART}(?!\w)")),
]
_PATTERNS: list[tuple[str, Prefiltered]] = [(kind, Prefiltered(pattern)) for kind, pattern in _PATTERNS]
_FOREIGN_WEEKDAY = re.compile(r"(?:صلاه|خطبه|خطيب|صلاتي)\s$")


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    offset: int | None = None  # days relative to publication, when the text says so
    weekday: int | None = None  # Monday = 0
    eve: bool = False  # "ليلة الخميس": the night before the named day
    absolute: dt.date | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    time_of_day: str | None = None
    background: bool = False  # "about a week ago", "last month": outside the news window
    period: str | None = None  # "week", "month", "year": a loose "last ..." with no day
    past: bool = False  # "الخميس الماضي": never the publication day itself
    said: bool = False  # the day of a statement telling the act: it dates the act only if nothing else does

    def is_background(self, published: dt.date | None) -> bool:
        """Outside the article's news window: a week or more before publication, or another month."""
        if self.background:
            return True
        offset = self.resolve(published)[1]
        if offset is not None and offset <= -NEWS_WINDOW_DAYS:
            return True
        if self.month is not None and self.day is None and published is not None:
            return (self.year or published.year, self.month) != (published.year, published.month)
        return False

    def resolve(self, published: dt.date | None) -> tuple[dt.date | None, int | None]:
        """(date, day_offset) of the act against the publication date, each None when unknown."""
        if self.month is not None and self.day is None:  # a month alone dates no day
            return None, None
        if self.absolute is not None or self.month is not None:
            day = self.absolute
            if day is None and published is not None and self.day is not None:
                year = published.year if self.month <= published.month else published.year - 1
                day = _safe_date(year, self.month, self.day)
            # "ليلة أمس (29 تشرين الأول 2023)": the date and the offset stated side by side.
            if day is None:
                return None, self.offset
            return day, (day - published).days if published else self.offset
        if self.offset is not None:
            return (published + dt.timedelta(days=self.offset) if published else None), self.offset
        if self.weekday is not None and published is not None:
            offset = self.offset_from(published.weekday())
            return published + dt.timedelta(days=offset), offset
        return None, None

    def offset_from(self, publication_weekday: int) -> int:
        """Days back from a publication on that weekday to the latest such weekday (its eve one more)."""
        back = (publication_weekday - self.weekday) % 7 or (7 if self.past else 0)
        return -back - (1 if self.eve else 0)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_times(sentence: str) -> list[TimeMention]:
    """Every day expression in a normalised sentence, leftmost first, without overlaps."""
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        if not pattern.may_match(sentence):
            continue
        position = 0
        while (m := pattern.compiled.search(sentence, position)) is not None:
            overlap = [e for s, e in taken if m.start() < e and s < m.end()]
            if overlap:
                # "أمس الأحد/الاثنين 29/30 تشرين الأول": the date may begin inside an expression already read.
                position = max(min(overlap), m.start() + 1)
                continue
            position = m.end()
            mention = _mention(kind, m, sentence)
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t.start)


def _mention(kind: str, m: re.Match[str], sentence: str) -> TimeMention | None:
    groups = m.groupdict()
    part = groups.get("part")
    time_of_day = "night" if groups.get("late") else _DAYPARTS.get(part) if part else None
    # "الساعات الأولى من صباح": dawn; "ساعة متأخرة من مساء": night (EVENTS.md v2, as «في وقت متأخر»)
    if groups.get("hour_early") and time_of_day == "morning":
        time_of_day = "dawn"
    elif groups.get("hour_late") and time_of_day == "evening":
        time_of_day = "night"
    named = WEEKDAYS[groups["wd"]] if groups.get("wd") else None
    base = {"start": m.start(), "end": m.end(), "time_of_day": time_of_day}
    if kind == "ago":
        n = groups["n"]
        days = {"يومين": 2, "ثلاثه ايام": 3, "اربعه ايام": 4}.get(n)
        if days is None:  # a week or a month ago lies outside the news window
            return TimeMention(**base, offset={"اسبوع": -7, "اسبوعين": -14}.get(n), background=True)
        return TimeMention(**base, offset=-days)
    if kind in ("moments_ago", "this_part"):
        return TimeMention(**base, offset=0)
    if kind == "last_period":
        # "last week", "last month": outside the news window (EVENTS.md: background).
        period = {"الاسبوع": "week", "الشهر": "month"}.get(groups["period"], "year")
        return TimeMention(start=m.start(), end=m.end(), background=True, period=period)
    if kind == "day_before_yesterday":
        return TimeMention(**base, offset=-2, weekday=named)
    if kind == "last_night":
        return TimeMention(start=m.start(), end=m.end(), offset=-1, time_of_day="night")
    if kind == "yesterday":
        return TimeMention(**base, offset=-1, weekday=named)
    if kind == "today":
        return TimeMention(**base, offset=0, weekday=named)
    if kind == "month":
        year = int(groups["year"]) if groups.get("year") else None
        past = bool(groups.get("past"))
        return TimeMention(**base, month=MONTHS[groups["month"]], year=year, background=past, period="month" if past else None)
    if kind == "part":
        return TimeMention(**base)
    if kind == "date":
        month = MONTHS[groups["month"]]
        day = int(groups["day"]) if groups.get("day") else _ordinal_value(groups["ordinal"])
        if groups.get("year"):
            absolute = _safe_date(int(groups["year"]), month, day)
            return TimeMention(**base, absolute=absolute, weekday=named) if absolute else None
        return TimeMention(**base, month=month, day=day, weekday=named) if 1 <= day <= 31 else None
    # weekday
    if groups.get("dir") in ("المقبل", "القادم") or _FOREIGN_WEEKDAY.search(sentence[: m.start()]):
        return None
    eve = part == "ليله" and groups.get("wd2") is None
    return TimeMention(**base, weekday=named, eve=eve, past=groups.get("dir") == "الماضي")


_NUMERIC_YMD = re.compile(r"(?<!\d)(\d{4})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{1,2})(?!\d)")
_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})\s?[/.\s-]\s?(\d{1,2})\s?[/.\s-]\s?(\d{4})(?!\d)")
_WORDED_DMY = re.compile(rf"(?<!\d)(\d{{1,2}})\s(?:من\s)?{_MONTH}\s?,?\s(\d{{4}})(?!\d)")
_HEADER_LINES = 8
_HEADER_MAX_WORDS = 14


def header_date(text: str) -> dt.date | None:
    """The publication date stated in the article's short header lines, if any.

    Only short lines before the body count: a date inside a paragraph is an event's
    date, not the article's.
    """
    for line in text.splitlines()[:_HEADER_LINES]:
        line = fold(line).strip()
        if not line:
            continue
        if len(line.split()) > _HEADER_MAX_WORDS:
            break
        for pattern, order in ((_NUMERIC_YMD, "ymd"), (_WORDED_DMY, "dmy_word"), (_NUMERIC_DMY, "dmy")):
            m = pattern.search(line)
            if not m:
                continue
            if order == "ymd":
                found = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            elif order == "dmy_word":
                found = _safe_date(int(m.group(3)), MONTHS[m.group("month")], int(m.group(1)))
            else:
                found = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if found is not None:
                return found
    return None


# Between a day and the calendar date that glosses it: "الأحد (18 نيسان 2021)" once normalised.
_GLOSS_GAP = re.compile(r"[\s،,:-]*")


def _glossed(mentions: list[TimeMention], text: str) -> list[tuple[TimeMention, TimeMention]]:
    """(day, date) pairs where a calendar date directly follows a relative day or weekday."""
    return [
        (a, b)
        for a, b in zip(mentions, mentions[1:])
        if (b.absolute is not None or b.day is not None)
        and a.absolute is None
        and a.month is None
        and (a.offset is not None or a.weekday is not None)
        and _GLOSS_GAP.fullmatch(text, a.end, b.start)
    ]


def with_glosses(mentions: list[TimeMention], text: str) -> list[TimeMention]:
    """A relative day and the calendar date glossing it read as one mention.

    «اليوم الثلاثاء 11 نيسان»: the date says which day and the relative word its offset, which
    stands when the year, or the publication date, is unknown.
    """
    glosses = {a.start: b for a, b in _glossed(mentions, text)}
    glossing = {b.start for b in glosses.values()}
    return [
        replace(t, end=g.end, absolute=g.absolute, month=g.month, day=g.day, year=g.year)
        if (g := glosses.get(t.start)) is not None
        else t
        for t in mentions
        if t.start not in glossing
    ]


def stated_publication(text: str) -> dt.date | None:
    """The publication date an article implies by glossing a relative day with a date.

    "ليلة أمس الأحد (29 تشرين الأول 2023)" was written on 30 October 2023.
    """
    mentions = find_times(text)
    for day, date in _glossed(mentions, text):
        if day.offset is not None and date.absolute is not None:
            return date.absolute - dt.timedelta(days=day.offset)
    return None


@dataclass(frozen=True)
class Calendar:
    """What an article's day expressions say together about days its single mentions leave open."""

    published: dt.date | None
    weekday: int | None = None  # the publication's weekday, from "اليوم الأحد", "أمس الخميس"
    weekday_dates: tuple[tuple[int, TimeMention], ...] = ()  # "الأحد (18 نيسان 2021)": the date of a weekday

    def complete(self, time: TimeMention | None) -> TimeMention | None:
        """A bare weekday resolved through the article's calendar when the publication date is unknown."""
        if time is None or self.published is not None or time.weekday is None or time.offset is not None:
            return time
        if time.absolute is not None or time.month is not None:
            return time
        dated = dict(self.weekday_dates).get(time.weekday)
        if dated is not None and not time.eve:
            return replace(time, absolute=dated.absolute, month=dated.month, day=dated.day, year=dated.year)
        if self.weekday is not None:
            return replace(time, offset=time.offset_from(self.weekday))
        return time


def read_calendar(text: str, published: dt.date | None) -> Calendar:
    """The article's calendar from all its day expressions, read only when the publication date is unknown.

    Each "today/yesterday + weekday" pair names the publication's weekday; the most
    frequent answer wins, the first on a tie. A weekday glossed with a date dates
    that weekday wherever else it is named.
    """
    if published is not None:
        return Calendar(published)
    text = normalize(text)
    mentions = find_times(text)
    votes = [
        (t.weekday - t.offset) % 7
        for t in mentions
        if t.offset is not None and t.weekday is not None and t.absolute is None and not t.eve
    ]
    weekday = max(votes, key=lambda w: (votes.count(w), -votes.index(w))) if votes else None
    weekday_dates = [(t.weekday, t) for t in mentions if t.weekday is not None and (t.day is not None or t.absolute is not None)]
    weekday_dates += [(day.weekday, date) for day, date in _glossed(mentions, text) if day.weekday is not None]
    return Calendar(None, weekday, tuple(dict(reversed(weekday_dates)).items()))


# Past this, a text's opening says nothing more about when it was published.
PUBLICATION_SCAN_CHARS = 2_000_000


def publication_date(text: str, manifest_date: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The one publication-date rule (EVENTS.md), for the warehouse and the extractor alike.

    The date the article states in its header, else the manifest's, else the one its text
    implies ("أمس (29 تشرين الأول 2023)"); with where it came from: "text" or "manifest".
    """
    stated = header_date(text)
    if stated is not None:
        return stated, "text"
    if manifest_date is not None:
        return manifest_date, "manifest"
    implied = stated_publication(normalize(text[:PUBLICATION_SCAN_CHARS]))
    return (implied, "text") if implied is not None else (None, None)
