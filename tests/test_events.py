"""Event assembly on short articles written for these tests: one behaviour each."""

import datetime as dt

import pytest

from transforms.events import IN_SCOPE_NAMES
from transforms.extract import extract_article
from transforms.gazetteer import load
from transforms.normalize import normalize

THURSDAY = dt.date(2024, 3, 7)


def events(text, published=THURSDAY):
    return extract_article(text, "t.txt", published)


def only(text, published=THURSDAY):
    found = events(text, published)
    assert len(found) == 1, [(e["event_type"], e["location_id"]) for e in found]
    return found[0]


def test_passive_voice_attack_with_dual_count_and_day():
    e = only("تعرضت قاعدة الشدادي الأمريكية لهجوم بصاروخين مساء أمس، دون وقوع إصابات.")
    assert (e["event_type"], e["location_id"], e["weapon"], e["munition_count"]) == ("attack", "al_shaddadi", "rocket", 2)
    assert (e["day_offset"], e["date"], e["time_of_day"]) == (-1, dt.date(2024, 3, 6), "evening")
    assert (e["killed"], e["injured"]) == (0, 0)


def test_claim_by_a_named_group_sets_actor_and_claimed():
    e = only("تبنت المقاومة الإسلامية في العراق استهداف قاعدة حرير بطائرة مسيرة فجر اليوم.")
    assert (e["actor"], e["claimed"], e["weapon"], e["munition_count"], e["time_of_day"]) == (
        "islamic_resistance_iraq",
        True,
        "drone",
        1,
        "dawn",
    )


def test_attribution_by_others_is_not_a_claim():
    text = "سقطت أربعة صواريخ على قاعدة عين الأسد ليلة الأربعاء. واتهم مسؤول أمريكي فصائل موالية لإيران بالوقوف وراء الهجوم."
    e = only(text)
    assert (e["actor"], e["claimed"], e["munition_count"]) == ("iran_aligned", False, 4)
    assert (e["day_offset"], e["time_of_day"]) == (-2, "night")  # ليلة الأربعاء is Tuesday night


def test_intercepted_drone():
    e = only("أسقطت الدفاعات الجوية في قاعدة التنف طائرة مسيّرة حاولت استهداف القاعدة اليوم.")
    assert (e["location_id"], e["outcome"], e["weapon"]) == ("al_tanf", "intercepted", "drone")


def test_one_strike_round_on_three_places_is_three_events():
    found = events("شنت مقاتلات أمريكية فجر اليوم غارات على مواقع للحرس الثوري في البوكمال والميادين والقائم.")
    assert sorted(e["location_id"] for e in found) == ["al_mayadin", "al_qaim", "albu_kamal"]
    assert {(e["event_type"], e["actor"], e["weapon"], e["day_offset"]) for e in found} == {("strike", "us", "airstrike", 0)}


def test_repeated_mentions_merge_and_keep_each_source_figure():
    text = (
        "قالت وكالة رويترز إن 5 صواريخ سقطت على قاعدة عين الأسد أمس. "
        "فيما نقلت وكالة فرانس برس عن مصدر أمني أن 3 صواريخ أصابت قاعدة عين الأسد."
    )
    e = only(text)
    assert e["munition_count"] == 5
    assert {(c["source"], c["munition_count"]) for c in e["claims"]} == {("reuters", 5), ("afp", 3)}


def test_a_tally_of_attacks_is_not_an_event():
    assert events("تعرضت القوات الأمريكية لـ 66 هجوماً منذ منتصف تشرين الأول، بينها 12 على قاعدة التنف.") == []


def test_threats_and_vague_history_are_not_events():
    assert events("هددت الفصائل باستهداف القواعد الأمريكية إذا لم تنسحب.") == []
    assert events("يذكر أن الفصائل سبق أن هاجمت قاعدتي كونيكو والعمر.") == []


def test_a_concretely_dated_past_attack_is_background():
    e = only("وكانت قاعدة البرج 22 قد تعرضت في 28 كانون الثاني لهجوم بطائرة مسيرة أدى إلى مقتل ثلاثة جنود أمريكيين.")
    assert (e["location_id"], e["background"], e["killed"], e["date"]) == ("tower_22", True, 3, dt.date(2024, 1, 28))


def test_the_same_base_again_on_another_day_is_another_event():
    text = "استهدفت طائرة مسيرة قاعدة قسرك اليوم. وكانت القاعدة ذاتها قد تعرضت قبل يومين لهجوم بطائرتين مسيرتين."
    found = events(text)
    assert sorted((e["location_id"], e["day_offset"], e["munition_count"]) for e in found) == [
        ("qasrak", -2, 2),
        ("qasrak", 0, 1),
    ]


def test_us_response_is_a_strike_and_the_base_an_attack():
    text = "تعرضت قاعدة كونيكو لقصف صاروخي مساء أمس، وردت المدفعية الأمريكية بقصف مواقع في بلدة الميادين."
    found = {(e["event_type"], e["location_id"], e["actor"], e["weapon"]) for e in events(text)}
    assert found == {("attack", "conoco", "unknown", "rocket"), ("strike", "al_mayadin", "us", "artillery")}


def test_number_words_and_digit_scripts():
    assert only("سقطت ثلاثة عشر صاروخاً على قاعدة بلد الجوية اليوم.")["munition_count"] == 13
    assert only("استهدفت ٤ صواريخ قاعدة عين الأسد اليوم.")["munition_count"] == 4
    assert only("استهدفت رشقات صاروخية قاعدة عين الأسد اليوم.")["munition_count"] is None


def test_day_offset_without_publication_date():
    e = only("سقط صاروخ على قاعدة حرير أمس.", published=None)
    assert (e["date"], e["day_offset"]) == (None, -1)


def test_a_denial_is_not_an_attack():
    assert events("أكد جهاز مكافحة الإرهاب عدم تعرض قاعدة حرير لأي هجوم، وأن الصوت ناجم عن تفجير مسيطر عليه.") == []


def test_a_named_group_saying_it_launched_the_drone_claims_the_attack():
    text = (
        "أسقطت الدفاعات الجوية طائرة مسيرة فوق مطار أربيل اليوم. "
        "وقالت المقاومة الإسلامية في العراق إنها أطلقت الطائرة المسيرة نحو القاعدة."
    )
    e = only(text)
    assert (e["location_id"], e["actor"], e["claimed"], e["outcome"]) == (
        "erbil_airport",
        "islamic_resistance_iraq",
        True,
        "intercepted",
    )


def test_israeli_and_unattributed_strikes_are_not_us_strikes():
    assert events("قتل عشرة عناصر من المليشيات في قصف إسرائيلي على مدينة البوكمال فجر اليوم.") == []
    assert events("شنت طائرات مجهولة غارات على مواقع الميليشيات قرب البوكمال اليوم.") == []


def test_explosions_explained_as_a_drill_are_no_attack():
    text = (
        "سمع دوي انفجارات من داخل قاعدة حقل العمر مساء أمس. "
        "وأوضح المرصد أن الانفجارات ناجمة عن تدريبات بالأسلحة الثقيلة في محيط القاعدة."
    )
    assert events(text) == []


def test_a_strike_on_a_training_facility_is_still_a_strike():
    e = only("قتل سبعة أشخاص بالضربة الأمريكية على منشأة تدريب قرب مدينة البوكمال مساء الأحد.")
    assert (e["event_type"], e["location_id"], e["actor"], e["killed"]) == ("strike", "albu_kamal", "us", 7)


def test_the_strikes_told_again_without_their_agent():
    text = (
        "شنت القوات الأمريكية ليل الجمعة سلسلة غارات جوية على مواقع للحرس الثوري في سوريا والعراق. "
        "وأفاد المرصد بأن الغارات طالت مستودعات في مدينة الميادين. "
        "وقال متحدث حكومي إن الضربات استهدفت مواقع في منطقتي عكاشات والقائم."
    )
    found = events(text, published=dt.date(2024, 2, 3))
    assert sorted(e["location_id"] for e in found) == ["akashat", "al_mayadin", "al_qaim"]
    assert {(e["event_type"], e["actor"], e["day_offset"]) for e in found} == {("strike", "us", -1)}


def test_a_bare_weekday_is_dated_through_the_publication_weekday_the_text_gives():
    found = events("سقطت قذيفة على قاعدة حرير اليوم الأحد. وكانت قاعدة عين الأسد تعرضت لهجوم يوم الخميس الماضي.", published=None)
    assert {e["location_id"]: e["day_offset"] for e in found} == {"harir": 0, "ain_al_asad": -3}


def test_a_weekday_and_yesterday_agree_through_the_solved_weekday():
    e = only(
        "تعرضت قاعدة حرير لهجوم بطائرة مسيرة يوم السبت. وقال مسؤول أمس السبت إن الطائرة سقطت داخل قاعدة حرير.", published=None
    )
    assert e["day_offset"] == -1


def test_a_weekday_and_today_that_cannot_be_compared_do_not_split_an_act():
    e = only("سقطت صواريخ على قاعدة حرير يوم السبت. وقال المتحدث إن قاعدة حرير تعرضت اليوم لهجوم صاروخي.", published=None)
    assert e["day_offset"] == 0


def test_a_day_told_before_a_cause_word_is_the_consequences_day():
    e = only("رفعت القوات حالة التأهب اليوم بعد الهجوم الذي تعرضت له قاعدة حرير. وكان صاروخان قد سقطا على قاعدة حرير أمس.")
    assert e["day_offset"] == -1


def test_after_midnight_is_a_time_not_a_cause():
    e = only("تعرضت قاعدة حرير أمس بعد منتصف الليل لهجوم بطائرة مسيرة.")
    assert e["day_offset"] == -1


def test_the_relative_day_of_a_statement_telling_the_act_dates_it():
    e = only("وقالت الفصائل في بيان في وقت متأخر من الليلة الماضية إنها استهدفت قاعدة حرير بطائرة مسيرة.")
    assert (e["day_offset"], e["time_of_day"]) == (-1, "night")


def test_a_statements_day_does_not_split_an_act_dated_by_its_own_mention():
    e = only(
        "أعلنت القيادة أن قاعدة حرير تعرضت مساء أمس لهجوم بصاروخ. "
        "وقالت القيادة في بيان صدر فجر اليوم، إن الصاروخ سقط خارج قاعدة حرير دون أن يلحق ضررا."
    )
    assert (e["day_offset"], e["time_of_day"]) == (-1, "evening")


def test_a_day_inside_what_a_statement_says_is_the_acts():
    e = only("وقال المرصد في بيان صحفي الخميس: سمع دوي انفجار في قاعدة حرير، ليل الأربعاء/الخميس.")
    assert (e["day_offset"], e["time_of_day"]) == (-1, "night")


def test_the_day_of_a_verb_of_telling_yields_to_the_acts_own_day():
    e = only(
        "وكانت الفصائل، يوم الأربعاء، قد أعلنت مسؤوليتها عن الهجوم على قاعدة حرير. "
        "وقالت الفصائل إنها استهدفت قاعدة حرير مساء الثلاثاء بطائرة مسيرة."
    )
    assert (e["day_offset"], e["time_of_day"]) == (-2, "evening")


def test_the_day_of_a_verb_of_telling_dates_an_act_nothing_else_dates():
    e = only("أعلنت المقاومة الإسلامية في العراق، الأربعاء، استهداف قاعدة حرير بطائرة مسيرة.")
    assert e["day_offset"] == -1


def test_a_follow_up_sentence_dates_the_acts_just_told():
    e = only(
        "شهدت قاعدة حرير ليلة مشتعلة بعد استهدافها بطائرات مسيرة. "
        "وأوضح المراسل أن هذه التطورات جاءت بعد الساعة الثامنة من مساء أمس."
    )
    assert (e["day_offset"], e["time_of_day"]) == (-1, "evening")


def test_a_follow_up_day_outside_the_news_window_dates_nothing():
    e = only("استهدفت طائرة مسيرة قاعدة حرير. ولم تسجل خسائر بشرية قبل هذا الهجوم منذ السابع من تشرين الأول.")
    assert e["background"] is False


def test_the_dawn_of_a_day_named_by_its_eve_is_that_night():
    found = events(
        "قتل ثلاثة في غارات أمريكية ليلة الخميس على البوكمال. "
        "وقال الجيش في بيان: فجر اليوم استهدفت طائرات أمريكية مواقع في البوكمال والميادين."
    )
    assert {e["location_id"]: (e["day_offset"], e["time_of_day"]) for e in found} == {
        "albu_kamal": (-1, "night"),
        "al_mayadin": (-1, "night"),
    }


def test_a_dawn_without_a_named_eve_stays_dawn():
    e = only("استهدفت طائرات أمريكية مواقع في البوكمال فجر اليوم.")
    assert (e["day_offset"], e["time_of_day"]) == (0, "dawn")


def test_earlier_today_is_news_and_earlier_this_year_background():
    e = only("وتعرضت قاعدة حرير في وقت سابق من اليوم لهجوم بطائرة مسيرة.")
    assert (e["background"], e["day_offset"]) == (False, 0)
    # Earlier this year is a recollection: kept as background (a named base and weapon), with no day of its own.
    e = only("وتعرضت قاعدة حرير في وقت سابق من هذا العام لهجوم بطائرة مسيرة.")
    assert (e["background"], e["day_offset"], e["weapon"]) == (True, None, "drone")


def test_a_day_after_two_coordinated_places_dates_both():
    found = events(
        "قال المتحدث، يوم السبت، إن الغارات الأمريكية على منطقتي البوكمال والميادين، أمس الجمعة، أوقعت قتلى.",
        published=dt.date(2024, 3, 9),
    )
    assert {e["location_id"]: e["day_offset"] for e in found} == {"albu_kamal": -1, "al_mayadin": -1}


def test_today_inside_a_quoted_statement_counts_from_the_statements_day():
    e = only("أعلنت الفصائل يوم الاثنين الماضي: استهدفنا اليوم قاعدة حرير بطائرة مسيرة.")
    assert e["day_offset"] == -3
    e = only("قالت الفصائل أمس: استهدفنا اليوم قاعدة حرير بطائرة مسيرة.")
    assert e["day_offset"] == -1


def test_the_scope_gate_needs_a_place_or_party_of_this_conflict():
    gazetteer = load()
    assert not gazetteer.names_any(
        normalize("قصفت طائرات حربية أحياء في مدينة الفاشر وأطلقت الحكومة حملة تلقيح."), IN_SCOPE_NAMES
    )
    assert gazetteer.names_any(normalize("سقط صاروخ قرب قاعدة حرير."), IN_SCOPE_NAMES)
    assert gazetteer.names_any(normalize("قصفت طائرات أمريكية مواقع للفصائل."), IN_SCOPE_NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "طائرة أمريكية تغتال مسؤولا ميدانيا في جرف الصخر اليوم",  # an assassination verb, present tense, headline order
        "ذكر ناشطون أن قصفاً صاروخياً أمريكياً طال مقراً للفصائل في البوكمال اليوم",  # the strike noun in the accusative
    ],
)
def test_us_strikes_told_as_an_assassination_or_with_an_accusative_noun(text):
    assert [(e["event_type"], e["actor"]) for e in extract_article(text, "t.txt", THURSDAY)] == [("strike", "us")]


def test_an_interception_that_failed_is_no_interception():
    e = only("استهدفت صواريخ قاعدة حقل العمر مساء أمس وسقطت داخل القاعدة، ولم تنجح الدفاعات الجوية في اعتراضها.")
    assert e["outcome"] == "hit"


def test_a_foiled_attack_told_as_the_time_of_this_one_is_another_act_s_outcome():
    e = only("استهدفت ميليشيات بثلاث قذائف قاعدة حقل العمر مساء أمس، وذلك غداة إحباط هجوم مماثل على قاعدة أخرى.")
    assert e["outcome"] != "foiled"


def test_a_us_act_told_with_attack_vocabulary_is_a_strike():
    e = only("وأوضحت المصادر أن الهجوم الأمريكي استهدف آلية قرب مطار بغداد اليوم.")
    assert (e["event_type"], e["location_id"], e["actor"]) == ("strike", "baghdad_airport", "us")


def test_two_drones_that_hit_their_targets_hit():
    e = only("استهدفت طائرتان مسيرتان قاعدة عين الأسد اليوم، وأصابتا أهدافهما بشكل مباشر.")
    assert e["outcome"] == "hit"


def test_a_sentence_telling_what_followed_the_attack_is_no_new_act():
    text = (
        "سقطت ثلاثة صواريخ على مطار أربيل الدولي ليل أمس.\n\n"
        "وأُغلق مطار أربيل أمام حركة الملاحة لساعات عقب الهجوم، قبل أن يستأنف العمل صباح اليوم."
    )
    e = only(text)
    assert (e["location_id"], e["day_offset"]) == ("erbil_airport", -1)


def test_the_second_place_after_a_dual_noun_is_named_without_it():
    text = "استهدف قصف صاروخي مساء أمس قاعدتي التحالف في حقلي كونيكو والعمر شرقي دير الزور."
    assert sorted(e["location_id"] for e in events(text)) == ["al_omar", "conoco"]


def test_a_strike_from_the_air_on_a_militia_that_names_no_striker_is_an_unknown_strike():
    text = "قتل قيادي في كتائب حزب الله ومرافقه جراء قصف بطائرة مسيرة استهدف سيارتهما في بغداد مساء أمس."
    e = only(text)
    assert (e["event_type"], e["location_id"], e["actor"], e["weapon"], e["killed"]) == (
        "strike",
        "baghdad",
        "unknown",
        "drone",
        2,
    )
    named_later = text + "\nوأكد مسؤول في البنتاغون أن القوات الأمريكية نفذت الضربة دفاعاً عن النفس."
    assert only(named_later)["actor"] == "us"


def test_a_sentence_putting_the_victims_in_a_base_locates_the_placeless_attack_before_it():
    text = (
        "قتل ثلاثة جنود أمريكيين في هجوم بطائرة مسيرة على موقع عسكري أمريكي شمال شرق الأردن.\n\n"
        "ونقلت الشبكة أن الجنود كانوا في البرج 22 قرب الحدود مع سوريا."
    )
    e = only(text)
    assert (e["location_id"], e["killed"]) == ("tower_22", 3)


def test_a_day_in_the_relative_clause_of_another_act_is_that_act_s():
    text = (
        "شنت القوات الأمريكية غارات على مواقع للفصائل قرب البوكمال، لحماية قواتها من هجمات مثل تلك التي وقعت في 26 شباط الماضي."
    )
    e = only(text)
    assert (e["location_id"], e["day_offset"], e["background"]) == ("albu_kamal", None, False)


def test_a_contractor_is_a_victim():
    assert only("قتل مقاول أمريكي في هجوم صاروخي على قاعدة عين الأسد مساء أمس.")["killed"] == 1


def test_a_convoy_of_a_contractor_working_for_the_coalition_is_a_target():
    e = only("استهدفت عبوة ناسفة، مساء أمس، رتلا لشركة عراقية متعاقدة مع التحالف الدولي في محافظة بابل.")
    assert (e["event_type"], e["location_id"], e["weapon"], e["day_offset"]) == ("attack", "babil", None, -1)
