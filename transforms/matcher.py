"""A literal prefilter in front of a compiled pattern: text that holds none of the words every
match must contain is answered at C speed by one Aho-Corasick pass, and only the rest is handed
to ``re``, so results are ``re``'s own.

Python's ``re`` tries a pattern that opens with a look-behind and a long alternation at every
position of the text; most news holds none of its words. The words come from the pattern itself
(``required_literals``), so a word added to a pattern or to a data file it is built from is
prefiltered without further care. ``benchmarks.matchers`` measures this against ``re`` alone and
against Hyperscan.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
import sys
from collections.abc import Callable, Iterator

import ahocorasick

# A literal shorter than this occurs in too many words to spare ``re`` any work.
MIN_LITERAL_CHARS = 2
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one; None when no such set of
    strings of at least MIN_LITERAL_CHARS characters follows from the pattern's structure."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _sequence(sre_parse.parse(pattern.pattern, pattern.flags))


def _sequence(items) -> frozenset[str] | None:
    """The best required set among a sequence's parts: runs of literals, groups, branches, repeats."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in list(items) + [(None, None)]:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if len(run) >= MIN_LITERAL_CHARS:
            candidates.append(frozenset({"".join(run)}))
        run = []
        found = _item(op, arg)
        if found is not None:
            candidates.append(found)
    # The set whose shortest string is longest rules out the most text; fewer strings break ties.
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _item(op, arg) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        _, add_flags, _, items = arg
        return None if add_flags & re.IGNORECASE else _sequence(items)  # "(?i:...)" matches other cases too
    if op is sre.ATOMIC_GROUP:
        return _sequence(arg)
    if op is sre.BRANCH:
        branches = [_sequence(branch) for branch in arg[1]]
        return None if any(b is None for b in branches) else frozenset().union(*branches)
    if op in _REPEATS and arg[0] >= 1:
        return _sequence(arg[2])
    return None  # a class, an anchor, a look-around or an optional part: nothing it must contain


class Prefiltered:
    """A compiled pattern behind its required literals, used as the ``re.Pattern`` it wraps.

    ``search``, ``match``, ``fullmatch``, ``finditer`` and ``findall`` run the pattern only when
    the part of the text they may match in (``pos`` to ``endpos``) holds one of the literals, and
    otherwise answer "no match" as the pattern would; everything else is the pattern's own.
    A pattern with no usable literals is always run.
    """

    def __init__(self, compiled: re.Pattern[str]):
        self.compiled = compiled
        literals = required_literals(compiled)
        self._automaton: ahocorasick.Automaton | None = None
        if literals:
            self._automaton = ahocorasick.Automaton()
            for literal in literals:
                self._automaton.add_word(literal, literal)
            self._automaton.make_automaton()

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "compiled":
            raise AttributeError(name)  # pickle and copy probe the bare instance: no delegation before __init__
        return getattr(self.compiled, name)  # pattern, flags, groups, sub, split ...

    def __repr__(self) -> str:
        return f"Prefiltered({self.compiled!r})"

    def may_match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only when no match of the pattern can lie in ``text[pos:endpos]``."""
        if self._automaton is None:
            return True
        if pos == 0 and endpos >= len(text):  # the common call: the whole text
            return next(self._automaton.iter(text), None) is not None
        return next(self._automaton.iter(text, max(pos, 0), min(endpos, len(text))), None) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos) if self.may_match(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos) if self.may_match(text, pos, endpos) else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, pos, endpos) if self.may_match(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos) if self.may_match(text, pos, endpos) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return self.compiled.findall(text, pos, endpos) if self.may_match(text, pos, endpos) else []


# --- a pattern freed of its context --------------------------------------------------------
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


class _Unsupported(Exception):
    """A construct ``relaxed`` does not rewrite; the caller then has no relaxed pattern."""


def relaxed(pattern: re.Pattern[str]) -> list[tuple[re.Pattern[str], frozenset[str] | None]] | None:
    """``pattern`` freed of its context, as alternatives, each with the strings its matches open with
    when it has such (``_first_literals``); None for a construct it does not rewrite.

    The pattern without its look-arounds and anchors (a back-reference becomes "any text", an atomic
    group or possessive repeat an ordinary one), and without the optional parts it may do without at
    either end: what it asks of the text around a match is dropped, what it asks of the match is
    kept. So when ``pattern`` matches in a piece of a text, one of the alternatives matches in the
    whole text, and when none does, ``pattern`` matches in no piece of it.
    """
    try:
        items = _core(list(sre_parse.parse(pattern.pattern, pattern.flags)))
        alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is sre.BRANCH else [items]
        flags = pattern.flags & ~re.MULTILINE
        caseless = bool(flags & re.IGNORECASE)  # its openings stand in other cases too
        return [(re.compile(_unparse(a), flags), None if caseless else _first_literals(a)) for a in alternatives]
    except _Unsupported:
        return None


class Anywhere:
    """Which of some patterns may match in a piece of a text, asked once of the whole text.

    ``found_in`` answers with the names of the patterns whose ``relaxed`` form matches in the text
    (a pattern it cannot relax is always named). One Aho-Corasick pass finds every place where an
    alternative can open and tries it there only, anchored: ``re`` scanning for a pattern that opens
    with a long alternation tries every alternative at every position of the text. An alternative
    that opens with no such words (or with a single letter) is searched for behind its required
    literals.
    """

    def __init__(self, patterns: dict[str, re.Pattern[str]]):
        self._always: set[str] = set()
        self._scanned: list[tuple[str, Prefiltered]] = []
        anchored: dict[str, list[tuple[str, Callable]]] = {}
        for name, pattern in patterns.items():
            alternatives = relaxed(pattern)
            if alternatives is None:
                self._always.add(name)
                continue
            for compiled, openings in alternatives:
                if openings and min(map(len, openings)) >= MIN_LITERAL_CHARS:
                    for opening in openings:
                        anchored.setdefault(opening, []).append((name, compiled.match))
                else:
                    self._scanned.append((name, Prefiltered(compiled)))
        self._automaton = ahocorasick.Automaton()
        for opening, matchers in anchored.items():
            self._automaton.add_word(opening, (len(opening), matchers))
        self._automaton.make_automaton()

    def found_in(self, text: str) -> set[str]:
        found = set(self._always)
        for name, pattern in self._scanned:
            if name not in found and pattern.search(text):
                found.add(name)
        if len(self._automaton):
            for end, (length, matchers) in self._automaton.iter(text):
                for name, match in matchers:
                    if name not in found and match(text, end + 1 - length):
                        found.add(name)
        return found


def _first_literals(items) -> frozenset[str] | None:
    """Strings of which every match of the sequence opens with one; None when that does not follow."""
    if not items:
        return None
    op, arg = items[0]
    if op is sre.LITERAL:
        run = ""
        for next_op, next_arg in items:
            if next_op is not sre.LITERAL:
                break
            run += chr(next_arg)
        return frozenset({run})
    if op is sre.BRANCH:
        branches = [_first_literals(branch) for branch in arg[1]]
        return None if any(b is None for b in branches) else frozenset().union(*branches)
    if op is sre.SUBPATTERN and not (arg[1] or arg[2]):
        return _first_literals(arg[3])
    if op in _REPEATS and arg[0] >= 1:
        return _first_literals(arg[2])
    return None


def _core(items: list) -> list:
    """The sequence without what it may do without at either end (look-arounds, anchors, optional
    parts), its alternatives each trimmed so: a text holds a match of it wherever it holds one of the
    sequence. Patterns then open with their words, which ``re`` looks for faster than clitics."""
    items = [(op, arg) for op, arg in items if op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT)]
    while items and items[0][0] in _REPEATS and items[0][1][0] == 0:
        items = items[1:]
    while items and items[-1][0] in _REPEATS and items[-1][1][0] == 0:
        items = items[:-1]
    if len(items) == 1 and items[0][0] is sre.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
        return _core(list(items[0][1][3]))
    if len(items) == 1 and items[0][0] is sre.BRANCH:
        return [(sre.BRANCH, (None, [_core(list(branch)) for branch in items[0][1][1]]))]
    return items


def _unparse(items) -> str:
    return "".join(_unparse_item(op, arg) for op, arg in items)


def _unparse_item(op, arg) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(arg))
    if op is sre.NOT_LITERAL:
        return "[^" + re.escape(chr(arg)) + "]"
    if op is sre.ANY:
        return "."
    if op is sre.IN:
        return "[" + "".join(_unparse_set_item(o, a) for o, a in arg) + "]"
    if op is sre.BRANCH:
        return "(?:" + "|".join(_unparse(branch) for branch in arg[1]) + ")"
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, items = arg
        if add_flags or del_flags:
            raise _Unsupported("inline flags")
        return "(?:" + _unparse(items) + ")"
    if op is sre.ATOMIC_GROUP:
        return "(?:" + _unparse(arg) + ")"
    if op in _REPEATS:
        low, high, items = arg  # lazy or greedy, a repeat matches the same strings
        return "(?:" + _unparse(items) + ")" + "{" + f"{low},{'' if high == sre.MAXREPEAT else high}" + "}"
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return ""  # context, not match: anchors and look-arounds are what is dropped
    if op is sre.GROUPREF:
        return r"[\s\S]*"  # the text a group took may be any text
    raise _Unsupported(str(op))


def _unparse_set_item(op, arg) -> str:
    if op is sre.NEGATE:
        return "^"
    if op is sre.LITERAL:
        return re.escape(chr(arg))
    if op is sre.RANGE:
        return re.escape(chr(arg[0])) + "-" + re.escape(chr(arg[1]))
    if op is sre.CATEGORY and arg in _CATEGORIES:
        return _CATEGORIES[arg]
    raise _Unsupported(str(op))
