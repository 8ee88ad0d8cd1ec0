"""The scorer's figures on small hand-made gold and prediction records."""

from transforms.evaluate import Score, pair_events, score_article


def event(location_id="conoco", **fields):
    record = {"event_type": "attack", "location_id": location_id, "date": "2024-02-04", "day_offset": 0,
              "weapon": "rocket", "munition_count": None, "actor": "iran_aligned", "killed": None, "injured": None,
              "background": False, "optional": False}
    return record | fields


def scored(gold, predicted, article="a.txt"):
    score = Score()
    score_article(article, gold, predicted, score)
    return score


def test_the_duplicate_agreeing_on_more_fields_takes_the_gold_event_whatever_its_order():
    gold = [event(weapon="drone", munition_count=2, day_offset=-1, date="2024-02-03")]
    worse = event(weapon="rocket", munition_count=None, day_offset=-1, date="2024-02-03")
    better = event(weapon="drone", munition_count=2, day_offset=-1, date="2024-02-03")
    for predicted in ([worse, better], [better, worse]):
        score = scored(gold, predicted)
        assert (score.true_positives, score.false_positives) == (1, 1)
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
    assert scored([recalled, news], [predicted]).true_positives == 1