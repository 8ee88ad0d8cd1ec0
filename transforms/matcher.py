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
from collections.abc import Iterator

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
