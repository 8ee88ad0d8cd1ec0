"""The article gate (``events.may_tell_an_act``): an article with violence and a place of this conflict,
but nothing that starts a report, is not read sentence by sentence; one that can tell an act is."""

import datetime as dt
import re
from pathlib import Path

import pytest

from transforms import cues
from transforms.events import _OPENERS, ArticleExtractor, may_tell_an_act, split_sentences
from transforms.extract import extract_article
from transforms.gazetteer import load
from transforms.matcher import Anywhere, relaxed
from transforms.normalize import normalize

DAY = dt.date(2024, 1, 10)
TESTS = Path(__file__).parent
GOLD_SETS = ("gold", "gold_dev", "gold_dev3", "gold_heldout")


@pytest.fixture(scope="module")
def gazetteer():
    return load()


def test_violence_and_a_place_in_different_sentences_start_no_report(gazetteer):
    """The common unrelated article: a violence word ("أطلقت" a campaign) and a capital, each in its own sentence."""
    text = "أطلقت وزارة الصحة حملة لقاح جديدة في المدارس.\nوقال مسؤول في دمشق إن الحملة تشمل الأرياف."
    normalized = normalize(text)
    assert gazetteer.names_any(normalized, frozenset({"location"})) and cues.GATE.search(normalized)  # the old gate let it in
    assert not may_tell_an_act(normalized, gazetteer)
    assert extract_article(text, "campaign", DAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a US agent, no place of the gazetteer
        ("شنت طائرات أمريكية غارات على مواقع لكتائب حزب الله فجر اليوم.\nولم ترد أنباء عن ضحايا.", ("strike", None, "us")),
        # a base of the gazetteer, no US word
        ("سقطت ثلاثة صواريخ على قاعدة عين الأسد فجر اليوم دون إصابات.", ("attack", "ain_al_asad", "unknown")),
        # a named group's claim, no place
        (
            "تبنت المقاومة الإسلامية في العراق هجوماً بطائرة مسيرة فجر اليوم.\nوقالت في بيان إن الهجوم حقق أهدافه.",
            ("attack", None, "islamic_resistance_iraq"),
        ),
        # a US target, no base
        ("تعرضت قوات أمريكية لهجوم بصاروخين فجر اليوم في سوريا.", ("attack", None, "unknown")),
    ],
)
def test_an_article_that_tells_an_act_passes_the_gate(gazetteer, text, expected):
    assert may_tell_an_act(normalize(text), gazetteer)
    records = extract_article(text, "report", DAY)
    assert [(r["event_type"], r["location_id"], r["actor"]) for r in records] == [expected]


def test_a_long_number_lets_the_article_through(gazetteer):
    """Sentences cut runs of ten digits or more to nine, so they are no longer pieces of the article's text."""
    text = "أطلقت وزارة الصحة حملة رقمها 12345678901 في دمشق."
    assert may_tell_an_act(normalize(text), gazetteer)
    assert not may_tell_an_act(normalize(text.replace("12345678901", "1234")), gazetteer)


def test_a_pattern_found_in_a_sentence_is_found_in_its_article():
    """A look-behind that a sentence's start satisfies may fail in the article, where the sentence
    before ends with the word it excludes: the gate asks the pattern freed of its context."""
    pattern = re.compile(r"(?<!تنظيم )(?<![\w])[وف]?القاعده(?![\w])")
    article = normalize("قال إنه لا علاقة له بتنظيم\nالقاعدة تعرضت لهجوم")
    sentence = split_sentences("قال إنه لا علاقة له بتنظيم\nالقاعدة تعرضت لهجوم", article)[1].norm
    assert pattern.search(sentence) and not pattern.search(article)
    assert Anywhere({"base": pattern}).found_in(article) == {"base"}


def test_the_openers_found_in_each_gold_article_hold_those_of_its_sentences():
    """Every opening pattern that matches a sentence of an article of the gold sets is found in the article."""
    checked = 0
    for name in GOLD_SETS:
        for path in sorted((TESTS / name / "articles").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            found = _OPENERS.found_in(normalize(text))
            for sentence in split_sentences(text, normalize(text)):
                for opener in ("US_AGENT", "US_TARGET", "PASSIVE_TARGET", "CLAIM", "SAYS", "ATTRIBUTION", "MILITIA_TARGET"):
                    if getattr(cues, opener).search(sentence.norm):
                        assert opener in found, (path.name, opener, sentence.text)
                        checked += 1
    assert checked > 100


def test_the_gate_keeps_every_article_with_events_in_the_gold_sets(gazetteer):
    extractor = ArticleExtractor(gazetteer)
    for name in GOLD_SETS:
        for path in sorted((TESTS / name / "articles").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if extractor.extract(text, path.name, DAY):
                assert may_tell_an_act(normalize(text), gazetteer), path.name


def test_relaxed_alternatives_open_with_their_words():
    """Optional clitics and look-arounds at either end are dropped, so each alternative opens with words."""
    alternatives = relaxed(re.compile(r"(?<![\w])[وف]?(?:ال)?(?:قصف|غارات)(?![\w])|(?<![\w])(?:علي|ضد)\sالقوات"))
    assert [(c.pattern, o) for c, o in alternatives] == [
        ("(?:قصف|غارات)", frozenset({"قصف", "غارات"})),
        (r"(?:علي|ضد)[\s]القوات", frozenset({"علي", "ضد"})),
    ]
    # one that may open with a single letter, or with anything, is searched for behind its required words
    loose = Anywhere({"forces": re.compile(r"(?:ل|لل)قوات"), "any": re.compile(r"\d+\sصواريخ")})
    assert loose.found_in("هجوم للقوات") == {"forces"} and loose.found_in("اطلاق 3 صواريخ") == {"any"}
    assert Anywhere({"caseless": re.compile(r"(?i:abc)")}).found_in("xyz") == {"caseless"}  # not rewritten: always named


def test_a_strike_from_the_air_on_a_militia_naming_no_striker_passes_the_gate():
    text = "قتل قيادي في كتائب حزب الله جراء قصف بطائرة مسيرة استهدف سيارته في بغداد مساء أمس."
    assert [e["event_type"] for e in extract_article(text, "t.txt", dt.date(2024, 3, 7))] == ["strike"]
