"""Matchers for the cue patterns side by side, on the sentences of a generated corpus.

    python -m benchmarks.matchers CORPUS [--repeat 3]

CORPUS is a folder of ``benchmarks.generate_corpus``. Its articles are split into sentences as the
extractor splits them, and two questions are answered for every sentence by each candidate:

* gate: does the sentence name violence or a weapon (``cues.GATE``), the test every sentence takes;
* cue set: which of the patterns of ``transforms.cues`` match it (the work of a sentence pass that
  asked every cue).

Candidates: Python ``re`` one pattern at a time; the literal prefilter of ``transforms.matcher``
(one Aho-Corasick pass for the words every match needs, ``re`` confirming); Hyperscan (the
``hyperscan`` wheel, when installed) scanning one database per sentence of the patterns with their
look-arounds and anchors dropped, a superset, ``re`` confirming what it reports. Every candidate
must give ``re``'s answers; the figures are articles per CPU-second (the corpus's readable articles
over the CPU time of the question), best of ``--repeat`` runs, plus the time to build the matcher.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import ahocorasick

from benchmarks.run import _read, work_list
from transforms import cues
from transforms.events import split_sentences
from transforms.ingest import RejectedFile, decoded
from transforms.matcher import Prefiltered, relaxed, required_literals


def sentences_of(corpus: Path) -> tuple[int, list[str]]:
    """(readable articles, the normalised sentences of them all) of a generated corpus."""
    articles, sentences = 0, []
    for landed, _ in _read(work_list(corpus / "landing")):
        try:
            text, _ = decoded(landed)
        except RejectedFile:
            continue
        articles += 1
        sentences.extend(s.norm for s in split_sentences(text))
    return articles, sentences


# Patterns the extractor only tries at one position (``match``, ``fullmatch``): searching a whole
# sentence for them is no work it does (DATELINE_AFTER searched so would take most of the time).
POSITIONAL = frozenset(
    {
        "DATELINE_AFTER", "COORDINATION", "QUOTE_OPENS", "TELLING_AFTER", "CASUALTY_DENIAL", "APPOSED", "MORE_VICTIMS",
        "CLOCK_AFTER", "OTHER_TARGET", "AND_BETWEEN", "AIMED_AT", "NOT_FIRED_AFTER", "INSIDE", "STRIKE_VERB_FIRST",
        "LOCATOR_BETWEEN", "_STRIKE_NOUN_START",
    }
)  # fmt: skip


def cue_patterns() -> dict[str, re.Pattern[str]]:
    """The patterns of ``transforms.cues`` the sentence pass searches sentences for."""
    found = {name: getattr(value, "compiled", value) for name, value in vars(cues).items() if name not in POSITIONAL}
    return {name: value for name, value in found.items() if isinstance(value, re.Pattern)}


# --- the cue set: which patterns match each sentence -----------------------------------------
def re_cue_set(patterns: list[re.Pattern[str]]) -> Callable[[str], frozenset[int]]:
    def matching(sentence: str) -> frozenset[int]:
        return frozenset(i for i, p in enumerate(patterns) if p.search(sentence))

    return matching


def literal_cue_set(patterns: list[re.Pattern[str]]) -> Callable[[str], frozenset[int]]:
    """One automaton of every pattern's required literals; patterns with none are always confirmed."""
    automaton = ahocorasick.Automaton()
    owners: dict[str, set[int]] = {}
    always = set()
    for i, pattern in enumerate(patterns):
        literals = required_literals(pattern)
        if literals is None:
            always.add(i)
            continue
        for literal in literals:
            owners.setdefault(literal, set()).add(i)
    for literal, ids in owners.items():
        automaton.add_word(literal, frozenset(ids))
    automaton.make_automaton()

    def matching(sentence: str) -> frozenset[int]:
        candidates = set(always)
        for _, ids in automaton.iter(sentence):
            candidates |= ids
        return frozenset(i for i in candidates if patterns[i].search(sentence))

    return matching


def superset_pattern(pattern: re.Pattern[str]) -> str | None:
    """The pattern without look-arounds and anchors (Hyperscan supports neither), ``matcher.relaxed``'s
    alternatives in one: it matches wherever the pattern does, and more. None for constructs it cannot write."""
    alternatives = relaxed(pattern)
    return None if alternatives is None else "|".join(f"(?:{compiled.pattern})" for compiled, _ in alternatives)


def hyperscan_cue_set(patterns: list[re.Pattern[str]]) -> Callable[[str], frozenset[int]]:
    """One Hyperscan database of every pattern's superset; ``re`` confirms each pattern it reports."""
    import hyperscan

    flags = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    expressions, ids, always = [], [], set()
    for i, pattern in enumerate(patterns):
        written = superset_pattern(pattern)
        if written is None or not _compiles(hyperscan, written.encode("utf-8"), flags):
            always.add(i)  # left to re alone: Hyperscan cannot write it, or refuses it (too long once expanded)
        else:
            expressions.append(written.encode("utf-8"))
            ids.append(i)
    database = hyperscan.Database()
    database.compile(expressions=expressions, ids=ids, elements=len(expressions), flags=[flags] * len(expressions))

    def matching(sentence: str) -> frozenset[int]:
        candidates = set(always)
        database.scan(sentence.encode("utf-8"), match_event_handler=lambda i, *_: candidates.add(i))
        return frozenset(i for i in candidates if patterns[i].search(sentence))

    return matching


def _compiles(hyperscan, expression: bytes, flags: int) -> bool:
    try:
        hyperscan.Database().compile(expressions=[expression], ids=[0], elements=1, flags=[flags])
    except hyperscan.error:
        return False
    return True


def hyperscan_gate(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    matching = hyperscan_cue_set([pattern])
    return lambda sentence: bool(matching(sentence))


def _literal_gate(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    prefiltered = Prefiltered(pattern)
    return lambda sentence: bool(prefiltered.search(sentence))


# --- measuring --------------------------------------------------------------------------------
def best_cpu_seconds(work: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.process_time()
        result = work()
        best = min(best, time.process_time() - started)
    return best, result


def measure(label: str, build: Callable[[], Callable], sentences: list[str], articles: int, repeat: int, expected) -> dict:
    started = time.process_time()
    try:
        matcher = build()
    except ImportError as missing:
        print(f"  {label:<34} not measured: {missing}", flush=True)
        return {"label": label, "missing": str(missing)}
    built = time.process_time() - started
    seconds, answers = best_cpu_seconds(lambda: [matcher(s) for s in sentences], repeat)
    same = expected is None or answers == expected
    print(
        f"  {label:<34} {articles / seconds:>9,.0f} articles per CPU-second  ({seconds:.3f} s CPU; built in {built:.2f} s)"
        f"  {'same answers as re' if same else 'DIFFERENT ANSWERS'}",
        flush=True,
    )
    return {
        "label": label,
        "seconds": seconds,
        "articles_per_cpu_s": articles / seconds,
        "built_s": built,
        "same": same,
        "answers": answers,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.matchers", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder written by benchmarks.generate_corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    articles, sentences = sentences_of(args.corpus)
    patterns = list(cue_patterns().values())
    unfiltered = sum(required_literals(p) is None for p in patterns)
    print(
        f"{articles:,} articles, {len(sentences):,} sentences; {len(patterns)} cue patterns "
        f"({unfiltered} without required literals); load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    failed = False
    print("gate (cues.GATE on every sentence):")
    gate = cues.GATE.compiled
    base = measure("re", lambda: lambda s: bool(gate.search(s)), sentences, articles, args.repeat, None)
    for label, build in (
        ("literal prefilter + re", lambda: _literal_gate(gate)),
        ("hyperscan prefilter + re", lambda: hyperscan_gate(gate)),
    ):
        failed |= measure(label, build, sentences, articles, args.repeat, base["answers"]).get("same") is False
    print("cue set (which cue patterns match each sentence):")
    base = measure("re, one pattern at a time", lambda: re_cue_set(patterns), sentences, articles, args.repeat, None)
    for label, build in (
        ("literal prefilter + re", lambda: literal_cue_set(patterns)),
        ("hyperscan, one database + re", lambda: hyperscan_cue_set(patterns)),
    ):
        failed |= measure(label, build, sentences, articles, args.repeat, base["answers"]).get("same") is False
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
