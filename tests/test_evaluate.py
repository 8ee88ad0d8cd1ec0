"""The scorer's figures on small hand-made gold and prediction records."""

import json
import subprocess
import sys

import pytest
from conftest import GOLD, REPO, SAMPLE_LANDING

from transforms.evaluate import Score, evaluate, pair_events, score_article


def event(location_id="conoco", **fields):
    record = {
        "event_type": "attack",
        "location_id": location_id,
        "date": "2024-02-04",
        "day_offset": 0,
        "weapon": "rocket",
        "munition_count": None,
        "actor": "iran_aligned",
        "killed": None,
        "injured": None,
        "background": False,
        "optional": False,
    }
    return record | fields


def scored(gold, predicted, article="a.txt"):
    score = Score()
    score_article(article, gold, predicted, score)
    return score


def test_exact_events_need_every_scored_field_to_agree():
    gold = [event("conoco"), event("al_omar"), event("al_tanf")]
    predicted = [event("conoco"), event("al_omar", weapon="drone"), event("harir")]
    score = scored(gold, predicted)
    assert (score.true_positives, score.false_positives, score.false_negatives) == (2, 1, 1)
    assert score.exact_events == 1
    # exact precision 1/3 and recall 1/3, as the AGREEMENT.md figures are computed
    assert score.exact_f1 == pytest.approx(1 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_a_null_gold_field_does_not_stop_an_event_being_exact():
    score = scored([event(killed=None)], [event(killed=2)])
    assert score.exact_events == 1
    assert score.exact_f1 == 1.0


def test_values_predicted_where_the_gold_has_none_are_counted_per_field_not_scored():
    gold = [event("conoco", killed=None, injured=None, munition_count=3), event("al_omar", date=None)]
    predicted = [event("conoco", killed=0, injured=2, munition_count=3), event("al_omar", date="2024-02-04")]
    score = scored(gold, predicted)
    assert dict(score.predicted_where_gold_none) == {"killed": 1, "injured": 1, "date": 1}
    assert "killed" not in score.field_accuracy()
    assert score.field_accuracy()["munition_count"] == 1.0
    assert any("killed gold None, got 0" in miss for miss in score.misses)


def test_an_optional_gold_event_counts_neither_way_nor_in_exact_or_values_where_none():
    score = scored([event(optional=True, killed=None)], [event(killed=4)])
    assert (score.true_positives, score.false_positives, score.false_negatives, score.exact_events) == (0, 0, 0, 0)
    assert sum(score.predicted_where_gold_none.values()) == 0
    assert scored([event(optional=True)], []).false_negatives == 0


def test_a_background_gold_event_is_matched_and_scored_like_any_other():
    score = scored([event(background=True, day_offset=-30, date=None)], [event(background=False, day_offset=0, date=None)])
    assert score.true_positives == 1
    assert score.field_accuracy()["background"] == 0.0
    assert score.exact_events == 0


def test_the_duplicate_agreeing_on_more_fields_takes_the_gold_event_whatever_its_order():
    gold = [event(weapon="drone", munition_count=2, day_offset=-1, date="2024-02-03")]
    worse = event(weapon="rocket", munition_count=None, day_offset=-1, date="2024-02-03")
    better = event(weapon="drone", munition_count=2, day_offset=-1, date="2024-02-03")
    for predicted in ([worse, better], [better, worse]):
        score = scored(gold, predicted)
        assert (score.true_positives, score.false_positives, score.exact_events) == (1, 1, 1)
        assert set(score.field_accuracy().values()) == {1.0}


def test_equally_good_duplicates_pair_by_prediction_order():
    gold = [event()]
    first, second = event(), event()
    assert pair_events(gold, [first, second]) == {0: gold[0]}


def test_a_prediction_pairs_with_the_gold_event_it_agrees_with_not_the_optional_one_listed_first():
    # No day on either side, so the day cannot decide: the fields must.
    recalled = event(optional=True, background=True, day_offset=None, date=None, weapon="drone")
    news = event(day_offset=None, date=None)
    predicted = event(day_offset=None, date=None)
    assert pair_events([recalled, news], [predicted]) == {0: news}
    assert scored([recalled, news], [predicted]).exact_events == 1


def test_as_dict_holds_every_figure_and_the_misses_by_article():
    score = Score()
    score_article("a.txt", [event("conoco", killed=None)], [event("conoco", killed=0), event("harir")], score)
    score_article("b.txt", [event("al_omar")], [event("al_omar")], score)
    figures = json.loads(json.dumps(score.as_dict()))
    events = figures["events"]
    assert (events["true_positives"], events["false_positives"], events["false_negatives"]) == (2, 1, 0)
    assert (events["precision"], events["recall"]) == (pytest.approx(2 / 3), 1.0)
    assert figures["exact_events"] == {"f1": pytest.approx(0.8), "exact": 2}
    assert figures["fields"]["weapon"] == {"accuracy": 1.0, "hits": 2, "scored": 2}
    assert figures["predicted_where_gold_none"]["total"] == 1
    assert figures["predicted_where_gold_none"]["fields"]["killed"] == 1
    assert list(figures["misses"]) == ["a.txt"]
    assert len(figures["misses"]["a.txt"]) == 2


def test_cli_writes_json_with_the_printed_figures(tmp_path):
    out = tmp_path / "score.json"
    printed = subprocess.run(
        [
            sys.executable,
            "-m",
            "transforms.evaluate",
            str(GOLD / "sample_events.jsonl"),
            str(SAMPLE_LANDING),
            "--summary",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout.splitlines()
    figures = json.loads(out.read_text(encoding="utf-8"))
    events = figures["events"]
    assert printed[0].startswith(
        f"events: precision {events['precision']:.3f}  recall {events['recall']:.3f}  F1 {events['f1']:.3f}"
        f"  exact F1 {figures['exact_events']['f1']:.3f}"
    )
    assert printed[2].startswith(f"values where the gold has none: {figures['predicted_where_gold_none']['total']}")
    assert events["true_positives"] > 0


@pytest.mark.parametrize("encoding", ["windows-1256", "utf-16"])
def test_an_article_scores_as_its_utf8_copy_whatever_its_encoding(tmp_path, encoding):
    name = "001_conoco_sohr_rockets.txt"
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(
            line
            for line in (GOLD / "events.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
            if json.loads(line)["article"] == name
        ),
        encoding="utf-8",
    )
    text = (GOLD / "articles" / name).read_text(encoding="utf-8")
    scores = {}
    for label, data in (("utf-8", text.encode("utf-8")), (encoding, text.encode(encoding))):
        (tmp_path / label).mkdir()
        (tmp_path / label / name).write_bytes(data)
        scores[label] = evaluate(gold, [str(tmp_path / label)]).as_dict()
    assert scores["utf-8"]["events"]["true_positives"] > 0
    assert scores[encoding] == scores["utf-8"]
