"""Weapons, munition counts and outcome of an act (PHENOMENA M, EVENTS.md v2): invented sentences."""

import csv
import datetime as dt

import pytest

from transforms import cues
from transforms.extract import extract_article
from transforms.gazetteer import GAZETTEER_DIR
from transforms.normalize import normalize

THURSDAY = dt.date(2024, 3, 7)


def only(text):
    found = extract_article(text, "t.txt", THURSDAY)
    assert len(found) == 1, [(e["event_type"], e["location_id"]) for e in found]
    return found[0]


def test_every_weapon_an_act_is_told_with_opens_the_gate():
    with open(GAZETTEER_DIR / "weapons.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    closed = [r["term"] for r in rows if not cues.GATE.search(normalize("وذكر المصدر أن " + r["term"] + " شوهدت"))]
    # Only the aircraft of an air strike stay out: flying is no act.
    assert all(r["weapon"] == "airstrike" for r in rows if r["term"] in closed), closed
    assert cues.GATE.search(normalize("وانفجرت طائرة مفخخة")) and cues.GATE.search(normalize("بالطائرات بدون طيار"))
    assert not cues.GATE.search(normalize("وحلقت طائرات حربية فوق المدينة"))


def test_a_sentence_with_only_a_weapon_word_is_read():
    e = only("انفجرت طائرة مفخخة في محيط قاعدة حرير فجر اليوم.")
    assert (e["event_type"], e["location_id"], e["weapon"], e["munition_count"]) == ("attack", "harir", "drone", 1)


def test_named_warplanes_are_an_air_strike_even_beside_drones():
    e = only("شنت طائرات حربية أمريكية ترافقها طائرات مسيرة غارات على مستودعات في الميادين فجر اليوم.")
    assert (e["event_type"], e["location_id"], e["weapon"]) == ("strike", "al_mayadin", "airstrike")


def test_a_bare_strike_noun_gives_way_to_the_drone_that_carried_it_out():
    e = only("شنت الولايات المتحدة غارة بطائرة مسيرة على سيارة في القائم فجر اليوم.")
    assert (e["event_type"], e["location_id"], e["weapon"]) == ("strike", "al_qaim", "drone")


def test_aviation_alone_is_an_air_strike():
    e = only("استهدف الطيران الأمريكي مواقع للفصائل في البوكمال فجر اليوم.")
    assert (e["event_type"], e["location_id"], e["weapon"]) == ("strike", "albu_kamal", "airstrike")


def test_rockets_a_strike_is_carried_out_with_are_its_means():
    e = only("قصفت القوات الأمريكية مواقع للفصائل في الميادين بصواريخ شديدة الانفجار فجر اليوم.")
    assert (e["event_type"], e["weapon"]) == ("strike", "rocket")
    e = only("قصفت مروحيات أمريكية بالرشاشات الثقيلة مواقع للفصائل في الميادين فجر اليوم.")
    assert (e["event_type"], e["weapon"]) == ("strike", "gunfire")


def test_weapon_and_count_of_a_follow_up_sentence_go_to_the_act():
    text = "تعرضت قاعدة حرير لهجوم فجر اليوم. وأحصى سكان سقوط ست قذائف هاون في بساتين مجاورة."
    e = only(text)
    assert (e["location_id"], e["weapon"], e["munition_count"]) == ("harir", "artillery", 6)


def test_a_follow_up_aimed_at_another_target_adds_nothing():
    text = "تعرضت قاعدة حرير لهجوم فجر اليوم. وصاروخ على قاعدة بعيدة في الصحراء بعد ساعة."
    e = only(text)
    assert (e["location_id"], e["weapon"], e["munition_count"]) == ("harir", None, None)


def test_a_weapon_belongs_to_every_place_of_its_list():
    text = "قصفت القوات الأمريكية فجر اليوم مواقع للفصائل قرب البوكمال والميادين بصواريخ شديدة الانفجار، بعد هجوم على قاعدة حرير."
    found = {(e["event_type"], e["location_id"]): e["weapon"] for e in extract_article(text, "t.txt", THURSDAY)}
    assert found == {("strike", "albu_kamal"): "rocket", ("strike", "al_mayadin"): "rocket", ("attack", "harir"): None}


def test_a_weapon_in_the_strikers_own_phrase_is_the_strikes():
    text = "ويوم أمس، قصفت مدفعية التحالف الدولي في قاعدة حرير مواقع للفصائل قرب مدينة الميادين."
    found = extract_article(text, "t.txt", THURSDAY)
    assert ("strike", "al_mayadin", "artillery") in [(e["event_type"], e["location_id"], e["weapon"]) for e in found]
    assert all(e["weapon"] is None for e in found if e["event_type"] == "attack")


def test_aircraft_of_unnamed_kind_strike_from_the_air():
    e = only("استهدفت طائرات أمريكية مقاتلة مقرات للفصائل في البوكمال فجر اليوم.")
    assert (e["event_type"], e["location_id"], e["weapon"]) == ("strike", "albu_kamal", "airstrike")
    e = only("شنت الولايات المتحدة غارة بطائرات مسيرة على سيارة في القائم فجر اليوم.")
    assert e["weapon"] == "drone"


def test_outcome_of_a_strike_is_a_hit_when_it_did_harm():
    e = only("شنت طائرات أمريكية غارات على مقر للفصائل في القائم فجر اليوم أسفرت عن مقتل 3 مقاتلين.")
    assert (e["event_type"], e["outcome"]) == ("strike", "hit")
    e = only("شنت طائرات أمريكية غارات على مقر للفصائل في القائم فجر اليوم.")
    assert e["outcome"] is None


def test_outcome_of_an_attack_from_damage_and_its_absence():
    assert only("سقط صاروخ على قاعدة حرير فجر اليوم وتسبب بأضرار في أحد المباني.")["outcome"] == "hit"
    assert only("سقط صاروخ على قاعدة حرير فجر اليوم دون أن يلحق ضرراً بالمعدات.")["outcome"] == "no_damage"
    assert only("قالت الفصائل إن هجومها على قاعدة حرير فجر اليوم أصاب الهدف بدقة.")["outcome"] == "hit"


def test_a_weapon_spoken_of_is_not_the_means_of_the_act():
    e = only("وقال سكان إن أصوات المسيرات أرعبتهم قبل سقوط أربعة صواريخ على قاعدة حرير فجر اليوم.")
    assert (e["weapon"], e["munition_count"]) == ("rocket", 4)
    e = only("استهدفت المقاومة قاعدة حرير فجر اليوم بعد أيام من قصف مخازن للصواريخ والطائرات المسيرة.")
    assert (e["weapon"], e["munition_count"]) == (None, None)


def test_a_type_named_later_gives_the_weapon_and_the_first_word_the_count():
    e = only("وأكد المصدر أن الصواريخ التي سقطت على قاعدة عين الأسد فجر اليوم من نوع صواريخ فاتح الإيرانية.")
    assert (e["weapon"], e["munition_count"]) == ("missile", None)
    e = only("تعرضت قاعدة حرير فجر اليوم لقصف بصاروخين من نوع كاتيوشا.")
    assert (e["weapon"], e["munition_count"]) == ("rocket", 2)


def test_an_accusative_ballistic_missile_is_a_missile():
    e = only("وأطلقت الفصائل صاروخاً باليستياً قصير المدى على قاعدة عين الأسد فجر اليوم.")
    assert (e["weapon"], e["munition_count"]) == ("missile", 1)


def test_a_strike_told_as_rocket_fire_is_rocket_fire():
    e = only("وردت القوات الأمريكية بقصف صاروخي على مواقع للفصائل في الميادين فجر اليوم.")
    assert (e["event_type"], e["weapon"]) == ("strike", "rocket")


def test_a_dual_of_drone_aviation_counts_two():
    e = only("استهدفت المقاومة قاعدة حرير فجر اليوم بطيرانين مسيرين.")
    assert (e["weapon"], e["munition_count"]) == ("drone", 2)


def test_the_outcome_told_in_a_sentence_of_its_own():
    text = "استهدفت طائرة مسيرة قاعدة حرير فجر اليوم. وأفاد مصدر أن الدفاعات الجوية تصدت للهجوم."
    assert only(text)["outcome"] == "intercepted"


def test_rockets_aimed_at_a_base_are_not_guided_missiles():
    e = only("وعثرت قوة أمنية على منصة تحتوي على أربعة صواريخ موجهة نحو قاعدة حرير فجر اليوم.")
    assert e["weapon"] == "rocket"
    e = only("وأطلقت الفصائل صواريخ موجهة على قاعدة حرير فجر اليوم.")
    assert e["weapon"] == "missile"


def test_a_later_word_of_the_same_weapon_counts_a_salvo():
    e = only("أطلقت رشقة صاروخية على قاعدة حرير فجر اليوم، انفجر صاروخان على الأقل منها قرب السور.")
    assert (e["weapon"], e["munition_count"]) == ("rocket", 2)


def test_the_defences_interceptors_are_not_the_attacks_weapon():
    e = only("أطلقت منظومة الدفاع في قاعدة حرير صواريخ اعتراضية فجر اليوم للتصدي لثلاثة صواريخ.")
    assert (e["weapon"], e["munition_count"]) == ("rocket", 3)


def test_a_count_stays_with_the_act_it_stands_beside():
    text = "سقطت ثلاثة صواريخ على قاعدة حرير فجر اليوم، بعد يوم شهد هجوماً على قاعدة عين الأسد."
    found = {e["location_id"]: (e["weapon"], e["munition_count"]) for e in extract_article(text, "t.txt", THURSDAY)}
    assert found["harir"] == ("rocket", 3) and found["ain_al_asad"][1] is None


def test_strikes_of_one_round_told_without_their_means_take_the_round_s_one_means():
    text = (
        "شنت الولايات المتحدة هجوماً على مواقع للفصائل في البوكمال والقائم فجر اليوم.\n"
        "وقتل ستة مسلحين في غارات على منطقة الحيدرية ببادية الميادين."
    )
    found = {e["location_id"]: e["weapon"] for e in extract_article(text, "t.txt", dt.date(2024, 3, 7))}
    assert found == {"albu_kamal": "airstrike", "al_qaim": "airstrike", "al_haydariyah": "airstrike"}


def test_a_count_between_the_instrument_clitic_and_the_weapon():
    text = "وقالت مصادر إن القوات الأمريكية المتمركزة في حقل العمر استهدفت بثلاثة صواريخ بادية الميادين."
    (e,) = extract_article(text, "t.txt", dt.date(2024, 3, 7))
    assert (e["event_type"], e["location_id"], e["weapon"], e["munition_count"]) == ("strike", "al_mayadin", "rocket", 3)


@pytest.mark.parametrize(
    "text, weapon",
    [
        ("وقال مصدر أمني إن طيرانا مسيرا أمريكيا نفذ فجر اليوم ضربات على مقرات للحشد في جرف الصخر.", "drone"),
        ("أطلقت الفصائل صاروخا باليستيا على قاعدة عين الأسد فجر اليوم.", "missile"),
    ],
)
def test_an_indefinite_weapon_in_the_accusative_is_read_on_every_word(text, weapon):
    (event,) = extract_article(text, "t.txt", dt.date(2024, 3, 6))
    assert event["weapon"] == weapon


def test_a_strikes_drone_is_the_aircraft_not_a_munition():
    event = only("استهدفت طائرة مسيرة أمريكية سيارة تقل قياديين في جرف الصخر مساء أمس.")
    assert (event["weapon"], event["munition_count"]) == ("drone", None)


def test_what_a_strikes_drone_fires_is_counted():
    event = only("قصفت طائرة مسيرة أمريكية بثلاثة صواريخ سيارة في جرف الصخر مساء أمس.")
    assert event["munition_count"] == 3


def test_a_definite_singular_munition_counts_none_and_an_indefinite_one_counts_one():
    assert only("أظهر مقطع مصور إطلاق القذيفة على قاعدة حقل العمر مساء أمس.")["munition_count"] is None
    assert only("سقطت قذيفة على قاعدة حقل العمر مساء أمس.")["munition_count"] == 1


def test_munitions_readied_on_a_launcher_or_found_count_none():
    readied = "أحبطت القوات الأمنية هجوما على قاعدة عين الأسد أمس، بعد العثور على منصة مع صاروخين معدين للإطلاق."
    assert only(readied)["munition_count"] is None
    assert only("سقط صاروخان على قاعدة عين الأسد أمس.")["munition_count"] == 2


def test_two_means_told_for_several_bases_give_none_of_them_a_weapon():
    text = "واستهدفت الفصائل بالطائرات المسيرة والصواريخ قاعدتي حقل العمر والشدادي مساء أمس."
    found = {e["location_id"]: e["weapon"] for e in extract_article(text, "t.txt", THURSDAY)}
    assert found == {"al_omar": None, "al_shaddadi": None}
    assert only("واستهدفت الفصائل قاعدة عين الأسد بعدة صواريخ وطائرة مسيرة مساء أمس.")["weapon"] == "rocket"


def test_two_means_in_a_clause_of_no_place_give_none_of_the_bases_a_weapon():
    text = (
        "واستهدفت الفصائل قاعدتي حقل العمر وكونيكو وقاعدة الشدادي مساء أمس، "
        "في قصف مكثف بالصواريخ والطائرات المسيرة طال القواعد الأمريكية شرقي سوريا."
    )
    found = {e["location_id"]: e["weapon"] for e in extract_article(text, "t.txt", THURSDAY)}
    assert found == {"al_omar": None, "conoco": None, "al_shaddadi": None}


def test_means_told_of_one_base_of_a_pair_named_again_are_that_base_s_only():
    text = (
        "وفي ريف الحسكة جرى استهداف قاعدتي خراب الجير والشدادي صباح اليوم، "
        "وأفاد مراسلنا في مدينة الشدادي بأن انفجارات دوت قرابة السابعة صباحاً داخل القاعدة الأمريكية جراء استهدافها بصاروخين."
    )
    found = {e["location_id"]: (e["weapon"], e["munition_count"]) for e in extract_article(text, "t.txt", THURSDAY)}
    assert found == {"kharab_al_jir": (None, None), "al_shaddadi": ("rocket", 2)}


def test_the_aircraft_after_a_drone_is_that_drone_and_keeps_its_day():
    text = (
        "أفاد مصدر أمني، فجر اليوم، بأن الدفاعات الجوية تصدت لطائرة مسيرة فوق أطراف المدينة.\n\n"
        "وقال المصدر إن الطائرة أسقطت أثناء توجهها نحو قاعدة حرير."
    )
    event = only(text)
    assert (event["location_id"], event["weapon"], event["outcome"], event["day_offset"]) == ("harir", "drone", "intercepted", 0)


def test_the_aircraft_with_no_drone_before_it_tells_nothing():
    assert extract_article("وقال المصدر إن الطائرة هبطت في مطار أربيل.", "t.txt", THURSDAY) == []


def test_the_aircraft_noun_with_its_clitic_counts_the_drones():
    assert only("استهدف هجوم بطائرات مسيرة انتحارية قاعدة التنف مساء أمس.")["munition_count"] is None
    assert only("استهدف هجوم بطائرتين مسيرتين قاعدة التنف مساء أمس.")["munition_count"] == 2
    assert only("تعرضت قاعدة التنف مساء أمس لقصف بواسطة طائرات إيرانية مسيرة.")["munition_count"] is None


def test_a_count_told_once_for_a_list_of_places_is_no_one_place_s():
    strike = "قال المرصد السوري إن مدفعية القوات الأمريكية قصفت بأربع قذائف مواقع لفصائل موالية لإيران في مدينتي الميادين والبوكمال صباح اليوم."
    found = extract_article(strike, "t.txt", THURSDAY)
    assert {e["location_id"]: e["munition_count"] for e in found} == {"al_mayadin": None, "albu_kamal": None}
    assert any(c.get("munition_count") == 4 for e in found for c in e["claims"])
    assert only(strike.replace("في مدينتي الميادين والبوكمال", "في مدينة الميادين"))["munition_count"] == 4
    attack = "سقطت ثلاثة صواريخ على قاعدتي حقل العمر وكونيكو مساء أمس."
    assert {e["location_id"]: e["munition_count"] for e in extract_article(attack, "t.txt", THURSDAY)} == {
        "al_omar": None,
        "conoco": None,
    }
    # a base inside another place is one target, not a list
    assert only("سقط صاروخان على قاعدة فكتوريا داخل مطار بغداد مساء أمس.")["munition_count"] == 2


def test_rockets_answering_a_raid_are_the_answering_attack_s():
    text = (
        "شنت طائرات التحالف غارات على مقرات لفصائل موالية لإيران في الميادين مساء أمس.\n"
        "وردت الفصائل على الغارات بـ 4 صواريخ استهدفت فيها قاعدة التحالف الدولي في حقل العمر."
    )
    attack = next(e for e in extract_article(text, "t.txt", THURSDAY) if e["event_type"] == "attack")
    assert (attack["location_id"], attack["weapon"], attack["munition_count"]) == ("al_omar", "rocket", 4)
    bare = text.replace("قاعدة التحالف الدولي في حقل العمر", "قاعدة حقل العمر")
    assert [(e["event_type"], e["location_id"]) for e in extract_article(bare, "t.txt", THURSDAY)] == [
        ("strike", "al_mayadin"),
        ("attack", "al_omar"),
    ]


def test_a_drone_strike_counts_the_rockets_it_fired():
    strike = only("استهدفت طائرة مسيرة أمريكية بثلاثة صواريخ سيارة لقيادي في الفصائل شرقي بغداد مساء أمس.")
    assert (strike["weapon"], strike["munition_count"]) == ("drone", 3)


def test_shells_a_us_force_fires_from_its_base_are_its_artillery():
    text = "أطلقت القوات الأمريكية من قاعدتها في حقل العمر صباح اليوم قذائف نحو مواقع للفصائل في بلدة الميادين."
    strike = only(text)
    assert (strike["event_type"], strike["location_id"], strike["weapon"]) == ("strike", "al_mayadin", "artillery")


def test_a_count_and_a_toll_told_once_for_a_list_of_places_both_go_to_claims():
    text = (
        "قال المرصد السوري إن مدفعية القوات الأمريكية قصفت مواقع لفصائل موالية لإيران "
        "في مدينتي الميادين والبوكمال بأربع قذائف صباح اليوم، ما أدى إلى مقتل خمسة مقاتلين."
    )
    found = extract_article(text, "t.txt", THURSDAY)
    assert {(e["location_id"], e["munition_count"], e["killed"]) for e in found} == {
        ("al_mayadin", None, None),
        ("albu_kamal", None, None),
    }
    assert {"source": "sohr", "munition_count": 4, "killed": 5} in [c for e in found for c in e["claims"]]
