"""The literal prefilter (transforms.matcher) gives re's answers, faster; the matcher benchmark's candidates agree."""

import pickle
import re

import pytest

from benchmarks.generate_corpus import generate
from benchmarks.matchers import cue_patterns, literal_cue_set, re_cue_set, sentences_of, superset_pattern
from transforms import cues
from transforms.events import split_sentences
from transforms.matcher import Anywhere, Prefiltered, required_literals
from transforms.normalize import normalize

SAMPLE_ARTICLES = 30


@pytest.fixture(scope="module")
def sentences(tmp_path_factory) -> list[str]:
    """Sentences of two small generated corpora: reports of this conflict, and the realistic feed's unrelated news."""
    found = []
    for feed in ("relevant", "realistic"):
        folder = tmp_path_factory.mktemp(feed)
        generate(folder, SAMPLE_ARTICLES, seed=11, feed=feed)
        found += sentences_of(folder)[1]
    return found


def test_required_literals_are_what_every_match_contains():
    assert required_literals(re.compile(r"(?<!\w)(?:ال)?(?:قصف\w*|غارات)(?!\w)")) == {"قصف", "غارات"}
    # the longest guaranteed run wins over a shorter one
    assert required_literals(re.compile(r"ab\s?cdef")) == {"cdef"}
    # a repeated part is needed once; an optional one is not needed at all
    assert required_literals(re.compile(r"(?:xyz)+q?")) == {"xyz"}
    assert required_literals(re.compile(r"(?:xyz)?\d+")) is None
    # a branch without a literal leaves nothing every match needs
    assert required_literals(re.compile(r"هجوم|\d+")) is None
    assert required_literals(re.compile(r"abc", re.IGNORECASE)) is None
    assert required_literals(re.compile(r"(?i:abc)d")) is None
    assert required_literals(re.compile(r"(?>xyz)\d")) == {"xyz"}


def test_a_text_without_the_words_is_answered_without_running_the_pattern():
    gate = Prefiltered(re.compile(r"(?<!\w)قصف\w*"))
    assert not gate.may_match(normalize("أطلقت الحكومة حملة تلقيح في المدينة"))
    assert gate.search(normalize("وقصفت المدفعية")) is None  # the word is there, inside another: re says no
    assert gate.search(normalize("قصفت المدفعية المواقع")).group() == "قصفت"
    # a window: only the part searched counts
    text = normalize("قصفت المدفعية المواقع")
    assert not gate.may_match(text, 5) and gate.search(text, 5) is None
    assert gate.pattern == r"(?<!\w)قصف\w*"  # the wrapped pattern's attributes are its own
    copied = pickle.loads(pickle.dumps(gate))  # worker processes may receive one
    assert copied.search(text).group() == "قصفت" and not copied.may_match(text, 5)


def test_every_cue_pattern_answers_as_re_on_generated_sentences(sentences):
    assert isinstance(cues.GATE, Prefiltered) and isinstance(cues.TRIGGER, Prefiltered)
    prefiltered = {name: p for name, p in vars(cues).items() if isinstance(p, Prefiltered)}
    assert len(prefiltered) > 50
    for name, pattern in prefiltered.items():
        compiled = pattern.compiled
        for sentence in sentences:
            windows = [(0, len(sentence)), (len(sentence) // 3, len(sentence)), (0, len(sentence) // 2)]
            for pos, endpos in windows:
                assert _span(pattern.search(sentence, pos, endpos)) == _span(compiled.search(sentence, pos, endpos)), name
                assert _span(pattern.match(sentence, pos, endpos)) == _span(compiled.match(sentence, pos, endpos)), name
                assert [m.span() for m in pattern.finditer(sentence, pos, endpos)] == [
                    m.span() for m in compiled.finditer(sentence, pos, endpos)
                ], name


def _span(match):
    return match.span() if match else None


def test_the_benchmarks_literal_cue_set_matches_re(sentences):
    patterns = list(cue_patterns().values())
    by_re, by_literals = re_cue_set(patterns), literal_cue_set(patterns)
    assert [by_literals(s) for s in sentences] == [by_re(s) for s in sentences]


def test_hyperscan_superset_matches_wherever_the_pattern_does(sentences):
    """The form given to Hyperscan drops look-arounds and anchors: run by re, it must find a match
    in every sentence the cue pattern matches (Hyperscan itself is optional and not installed in CI)."""
    for name, pattern in cue_patterns().items():
        written = superset_pattern(pattern)
        if written is None:
            continue
        superset = re.compile(written)
        for sentence in sentences:
            if pattern.search(sentence):
                assert superset.search(sentence), (name, written)


def test_sentences_split_with_the_normalised_text_are_the_same():
    """Given the article normalised, the splitter skips the line-by-line search for links to other
    stories when the text holds none of their opening words; the sentences are the same either way."""
    linked = "قصفت طائرات أمريكية مواقع في البوكمال.\nاقرأ أيضاً: غارات على الميادين\nولم ترد أنباء عن إصابات."
    plain = "قصفت طائرات أمريكية مواقع في البوكمال.\nولم ترد أنباء عن إصابات."
    for text in (linked, plain):
        assert split_sentences(text, normalize(text)) == split_sentences(text)
    assert "الميادين" not in " ".join(s.text for s in split_sentences(linked, normalize(linked)))


def test_anywhere_finds_each_cue_pattern_in_any_text_around_a_sentence_it_matches(sentences):
    """``Anywhere`` tries each alternative only where its opening words stand; it must still find every
    cue pattern, in a text that holds a sentence the pattern matches, whatever stands around it."""
    patterns = {name: p.compiled for name, p in vars(cues).items() if isinstance(p, Prefiltered)}
    anywhere = Anywhere(patterns)
    for sentence in sentences:
        matching = {name for name, pattern in patterns.items() if pattern.search(sentence)}
        for text in (sentence, "وقال تنظيم " + sentence + "الاميركيه من"):
            assert matching <= anywhere.found_in(text), sentence
