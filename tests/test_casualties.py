"""Casualty figures of an act (PHENOMENA K): invented sentences, one phrase shape each."""

import datetime as dt

from transforms import cues
from transforms.events import _casualty_value, _toll
from transforms.extract import extract_article
from transforms.normalize import normalize

THURSDAY = dt.date(2024, 3, 7)


def only(text):
    found = extract_article(text, "t.txt", THURSDAY)
    assert len(found) == 1, [(e["event_type"], e["location_id"]) for e in found]
    return found[0]


def toll(pattern, sentence):
    return _toll(normalize(sentence), pattern, 0)


def test_victim_nouns_come_from_the_word_list():
    assert _casualty_value("سايق") == 1 and _casualty_value("جنديين") == 2
    assert _casualty_value("شرطيين اثنين") == 2  # a noun counted by the number word after it


def test_coordinated_groups_are_summed():
    assert toll(cues.INJURED, "وأدى القصف إلى إصابة ضابط وثلاثة من عناصر الحماية") == 4
    assert toll(cues.KILLED, "وأسفرت الغارة عن مقتل 3 مقاتلين من الفصيل وشرطيين اثنين ومدني واحد") == 6


def test_number_word_after_the_victim_is_not_a_second_group():
    assert toll(cues.KILLED, "وأسفر الهجوم عن مقتل عنصر واحد وإصابة 12 آخرين") == 1


def test_two_phrases_of_one_kind_joined_by_a_coordinator_add_up():
    assert toll(cues.INJURED, "قُتل جنديان وأصيب أربعة آخرون، إضافة إلى جرح مترجم") == 5
    assert toll(cues.KILLED, "قُتل جنديان وأصيب أربعة آخرون") == 2


def test_a_pronoun_counts_one_with_the_victims_coordinated_to_it():
    assert toll(cues.KILLED, "وأدت الضربة إلى مقتله وشخص آخر كان يرافقه") == 2


def test_verb_after_its_subject():
    assert toll(cues.INJURED, "وقال المتحدث إن 6 جنود أمريكيين جرحوا في القصف") == 6
    assert toll(cues.KILLED, "حارسان اثنان ومتعاقد فرنسي لقوا حتفهم في الهجوم") == 3
    assert toll(cues.INJURED, "وكانت أربعة عناصر من الحراسة قد أصيبوا بجروح طفيفة") == 4


def test_a_unit_number_counts_nobody():
    assert toll(cues.KILLED, "إن اثنين من مقاتلي الفصيل في اللواء 52 قتلا في الغارة") is None


def test_dual_toll_nouns_and_martyrdom():
    assert toll(cues.KILLED, "وأدت الغارة لارتقاء شهيدين من المقاتلين") == 2


def test_a_figure_needs_a_word_of_its_own():
    # "يجرح أحدا" is nobody wounded, not one; "عشرات" is not ten.
    assert toll(cues.INJURED, "سقط الصاروخ خارج السور دون أن يجرح أحدا") is None
    assert toll(cues.KILLED, "وأسفرت الغارات عن مقتل عشرات المسلحين") is None


def test_several_groups_of_one_act_in_an_event():
    e = only("تعرضت قاعدة عين الأسد لهجوم صاروخي أمس أدى إلى إصابة ضابط وثلاثة من عناصر الحماية.")
    assert (e["killed"], e["injured"]) == (None, 4)


def no_casualties(sentence):
    return bool(cues.NO_CASUALTIES.search(normalize(sentence)))


def test_an_explicit_none_gives_zero():
    assert no_casualties("سقطت القذائف قرب القاعدة دون أن يسفر ذلك عن وقوع إصابات")
    assert no_casualties("وسقط الصاروخ في أرض زراعية دون أن يقتل أو يجرح أحداً")
    assert no_casualties("ولم يخلّف القصف خسائر")
    assert not no_casualties("ولم يخلّف القصف سوى خسائر مادية")


def test_a_denial_for_civilians_only_says_nothing_of_those_hit():
    strike = "استهدفت طائرات التحالف أمس راجمات صواريخ للفصائل قرب الميادين، حيث لم تسجل مقتل أو إصابة أي مدني."
    assert (only(strike)["killed"], only(strike)["injured"]) == (None, None)
    assert only(strike.replace("مقتل أو إصابة أي مدني", "أي إصابات"))["killed"] == 0


def test_the_toll_of_the_act_a_strike_answers_is_not_the_strike_s():
    text = (
        "شنت القوات الأمريكية غارات على مواقع قرب البوكمال فجر اليوم، بعد هجوم بطائرة مسيرة أسفر عن مقتل متعاقد وإصابة ستة آخرين."
    )
    strike = next(e for e in extract_article(text, "t.txt", THURSDAY) if e["event_type"] == "strike")
    assert (strike["killed"], strike["injured"]) == (None, None)


def test_us_troops_hurt_are_no_casualties_of_a_us_strike():
    text = (
        "شنت طائرات أمريكية غارات على مواقع لفصائل موالية لإيران قرب البوكمال فجر اليوم.\n"
        "وقالت وزارة الدفاع إن اثنين من أفراد الخدمة الأمريكيين أصيبوا بجروح طفيفة."
    )
    assert only(text)["injured"] is None


def test_not_knowing_is_not_none():
    assert not no_casualties("ولم ترد تقارير عن إصابات في صفوف الجنود")
    assert not no_casualties("ولم تتضح بعد حصيلة الإصابات")


def test_a_denial_of_casualties_is_not_a_denial_of_the_attack():
    e = only("تعرضت قاعدة حرير لهجوم بطائرة مسيرة فجر اليوم، ونفى مسؤول في التحالف تسجيل أي إصابات.")
    assert (e["location_id"], e["killed"], e["injured"]) == ("harir", 0, 0)
    assert extract_article("نفى مسؤول عراقي تعرض قاعدة حرير لأي هجوم.", "t.txt", THURSDAY) == []


def test_a_toll_updated_later_takes_the_update():
    text = (
        "تعرضت قاعدة عين الأسد لهجوم صاروخي فجر اليوم أدى إلى إصابة 3 جنود. "
        "وارتفعت حصيلة الجرحى لاحقاً إلى 9 بحسب مسؤول في التحالف."
    )
    e = only(text)
    assert (e["killed"], e["injured"]) == (None, 9)


def test_a_lower_bound_gives_its_number():
    assert toll(cues.INJURED, "وأسفر القصف عن إصابة أكثر من 12 شخصاً") == 12
    assert toll(cues.KILLED, "ما أدى إلى مقتل 4 جنود على الأقل") == 4


def test_a_figure_of_the_other_kind_is_not_coordinated_into_this_one():
    assert toll(cues.KILLED, "وقال المتحدث إن الغارات خلفت 12 شهيداً و30 جريحاً") == 12
    assert toll(cues.INJURED, "وقال المتحدث إن الغارات خلفت 12 شهيداً و30 جريحاً") == 30
    assert toll(cues.KILLED, "وقال المتحدث إن الغارات خلفت 30 جريحاً") is None


def test_figures_for_several_places_together_go_to_claims_only():
    text = "قال المرصد السوري إن الغارات الأمريكية على منطقتي البوكمال والميادين فجر اليوم خلفت 12 قتيلاً و20 جريحاً."
    found = extract_article(text, "t.txt", THURSDAY)
    assert [(e["location_id"], e["killed"], e["injured"]) for e in found] == [
        ("albu_kamal", None, None),
        ("al_mayadin", None, None),
    ]
    assert {"source": "sohr", "killed": 12, "injured": 20} in [c for e in found for c in e["claims"]]


def test_a_placeless_toll_told_after_several_places_goes_to_claims_only():
    text = (
        "أعلن مسؤول أمريكي أن طائرات حربية أمريكية قصفت فجر اليوم مواقع لفصائل موالية لإيران قرب البوكمال والميادين.\n\n"
        "وقال المرصد السوري إن سبعة مقاتلين قتلوا وأصيب ثلاثة في الضربات الأمريكية."
    )
    found = extract_article(text, "t.txt", THURSDAY)
    assert [(e["location_id"], e["killed"], e["injured"]) for e in found] == [
        ("albu_kamal", None, None),
        ("al_mayadin", None, None),
    ]
    assert {"source": "sohr", "killed": 7, "injured": 3} in [c for e in found for c in e["claims"]]
    one_place = text.replace("قرب البوكمال والميادين", "قرب البوكمال")
    assert [(e["location_id"], e["killed"], e["injured"]) for e in extract_article(one_place, "t.txt", THURSDAY)] == [
        ("albu_kamal", 7, 3)
    ]


def test_one_place_named_twice_keeps_its_figures():
    text = "قال المرصد إن الغارات الأمريكية استهدفت ليل أمس مواقع في مدينة البوكمال وبادية البوكمال، ما أدى لسقوط 3 قتلى وإصابة 4 آخرين."
    assert [(e["location_id"], e["killed"], e["injured"]) for e in extract_article(text, "t.txt", THURSDAY)] == [
        ("albu_kamal", 3, 4)
    ]


def test_a_place_told_further_on_keeps_its_own_figures():
    text = (
        "شنت القوات الأمريكية غارات على موقع في القائم أسفرت عن مقتل مقاتل وإصابة اثنين آخرين "
        "وأضاف المصدر أن غارة أخرى استهدفت البوكمال."
    )
    found = {e["location_id"]: (e["killed"], e["injured"]) for e in extract_article(text, "t.txt", THURSDAY)}
    assert found["al_qaim"] == (1, 2)


def test_the_act_as_subject_of_active_toll_verbs():
    text = (
        "سقطت صواريخ على قاعدة عين الأسد مساء أمس.\n"
        "وقال التحالف إن الهجوم أودى بحياة متعاقد مدني وأصاب ثلاثة من أفراد الخدمة الأمريكيين واثنين من عناصر الأمن."
    )
    event = only(text)
    assert (event["killed"], event["injured"]) == (1, 5)


def test_a_time_between_the_verb_and_its_toll_and_the_count_as_subject():
    text = (
        "كشفت مصادر تفاصيل الهجوم الذي أودى فجر الأحد بحياة ثلاثة جنود أمريكيين في قاعدة التنف.\n"
        "وقالت متحدثة إن عدد المصابين بلغ 25 جندياً معظمهم بجروح طفيفة."
    )
    event = only(text)
    assert (event["killed"], event["injured"]) == (3, 25)


def test_a_number_after_the_verb_to_hit_is_what_hit_not_whom():
    event = only("سقط صاروخان داخل قاعدة عين الأسد مساء أمس فيما أصاب اثنان محيطها، دون وقوع إصابات.")
    assert (event["killed"], event["injured"]) == (0, 0)


def test_another_one_is_one():
    assert toll(cues.INJURED, "قتل اثنان من المقاتلين وأصيب آخر نتيجة القصف") == 1
    assert toll(cues.KILLED, "وقتل 3 جنود وآخرون") == 3  # "N and others" is N


def test_one_victim_in_the_accusative_or_after_the_acts_pronoun():
    assert toll(cues.INJURED, "وقال المتحدث إن متعاقداً مدنياً أصيب بجروح طفيفة") == 1
    assert toll(cues.INJURED, "الهجوم الذي أصيب فيه موظف عراقي يعمل لدى الشركة") == 1
    assert toll(cues.KILLED, "سقط صاروخ قرب عنصر من الحراسة") is None


def test_female_and_civilian_victim_nouns():
    assert toll(cues.KILLED, "حين قُتل جنديان أمريكيان ومجندة فرنسية بسقوط صواريخ") == 3
    assert toll(cues.KILLED, "ما أسفر عن مقتل جنديين وعامل مدني") == 3
