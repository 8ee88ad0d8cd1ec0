"""Clause-level rules of the extractor, each on sentences written for this test."""

import datetime as dt

import pytest

from transforms.events import rejoin_wrapped_lines, split_sentences
from transforms.extract import extract_article

THURSDAY = dt.date(2024, 3, 7)


def keys(text, published=THURSDAY):
    return sorted((e["event_type"], e["location_id"]) for e in extract_article(text, "t.txt", published))


def test_a_hard_wrapped_line_does_not_end_its_sentence():
    body = "سقطت ثلاثة صواريخ من طراز كاتيوشا مساء أمس على قاعدة عين الأسد الجوية في محافظة الأنبار\nغرب العراق، دون وقوع إصابات بين العسكريين الأمريكيين."
    text = "صواريخ على عين الأسد\n\n" + body
    joined = rejoin_wrapped_lines(text)
    assert len(joined) == len(text)
    assert joined.index("الأنبار غرب") > 0
    assert [s.text for s in split_sentences(text)][0] == "صواريخ على عين الأسد"  # a headline stays a line of its own


def test_a_photo_caption_is_no_report():
    text = "قصف صاروخي سابق على قاعدة التنف – أرشيف\n\nاجتمع وزير الخارجية بنظيره لبحث التعاون الاقتصادي."
    assert keys(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وتتعرض قاعدة حرير منذ أسابيع لقصف صاروخي متكرر من فصائل مسلحة.",  # habitual, present tense
        "استنفرت القوات الأمريكية في قاعدة التنف تحسباً لأي هجمات.",  # feared, not told
        "وأجرت القوات الأمريكية تدريبات بالذخيرة الحية في قاعدة الشدادي.",  # a drill as the clause's act
        # the drill told after a long subject: the forces, where they are based, then the drill
        "أجرت قوات التحالف الدولي المتمركزة في قاعدة حقل العمر النفطي بريف دير الزور تدريبات بالصواريخ والمدفعية.",
        "ووثق المرصد منذ مطلع الشهر 12 هجوماً على القواعد، منها قاعدة التنف وقاعدة الشدادي.",  # counted over a period
    ],
)
def test_acts_in_general_feared_or_counted_are_no_events(text):
    assert keys(text) == []


def test_a_tally_governs_its_clause_and_lets_the_next_one_tell_an_act():
    text = "وسجلت عدة هجمات خلال الشهر الماضي، وسقط صاروخان فجر اليوم على قاعدة حرير."
    assert keys(text) == [("attack", "harir")]


def test_a_series_in_a_comment_after_the_act_governs_only_the_comment():
    text = (
        "قتل متعاقد أمريكي في قصف صاروخي طال مساء أمس قاعدة عين الأسد، "
        "في ما عده مسؤول أمريكي أعنف حلقة في سلسلة الهجمات على القوات الأمريكية منذ أكتوبر."
    )
    assert keys(text) == [("attack", "ain_al_asad")]


def test_a_comment_ranking_the_act_governs_only_itself():
    for comment in ("، في أكثر الهجمات دموية ضد القوات الأجنبية منذ سنوات.", "، هو الأعنف منذ أشهر."):
        text = "قتل جنديان أمريكيان في هجوم صاروخي استهدف مساء أمس قاعدة التاجي" + comment
        (event,) = extract_article(text, "t.txt", THURSDAY)
        assert (event["location_id"], event["killed"], event["day_offset"]) == ("taji", 2, -1)


def test_fire_launched_from_inside_a_us_base_toward_militia_positions_is_a_strike_there():
    text = "أُطلقت قذائف من داخل القاعدة الأمريكية في حقل العمر باتجاه مواقع الفصائل في الميادين صباح اليوم."
    assert keys(text) == [("strike", "al_mayadin")]


def test_an_answer_by_watching_is_no_strike():
    text = (
        "سقطت صواريخ على قاعدة حقل العمر مساء أمس.\n"
        "وردت الطائرات الأمريكية على الهجوم من خلال تكثيف طيران الاستطلاع في سماء المنطقة، "
        "ورصد المواقع التي انطلق منها القصف في ريف مدينة الميادين."
    )
    assert keys(text) == [("attack", "al_omar")]


def test_a_clause_that_describes_a_place_tells_no_act():
    text = "سقط صاروخان داخل المنطقة الخضراء فجر اليوم، والتي توجد فيها السفارة الأمريكية."
    assert ("attack", "us_embassy_baghdad") not in keys(text)


def test_the_base_us_fire_comes_from_is_no_target():
    text = "وقالت مصادر إن القوات الأمريكية المتمركزة في حقل العمر النفطي استهدفت بقذائف مدفعية مواقع للميليشيات في بلدة الجفرة."
    assert keys(text) == [("strike", "al_jafra")]


def test_fire_aimed_at_a_militias_positions_is_a_strike():
    text = "وتصدت دفاعات التحالف الدولي للمسيرة، ثم ردت باستهداف مواقع للميليشيات في مدينة الميادين."
    assert ("strike", "al_mayadin") in keys(text)


def test_a_strike_on_the_islamic_state_is_outside_the_conflict():
    text = "أعلنت القيادة المركزية الأمريكية مقتل قيادي في تنظيم داعش بغارة جوية شنها الجيش الأمريكي في ريف دير الزور."
    assert keys(text) == []


def test_the_coalition_named_against_the_islamic_state_still_strikes():
    text = "شن التحالف الدولي لمحاربة داعش غارات جوية على مواقع لكتائب حزب الله في مدينة البوكمال."
    assert keys(text) == [("strike", "albu_kamal")]


def test_a_place_north_of_a_town_takes_the_specific_base_the_article_names():
    text = "استهداف قاعدة جوية أمريكية شمالي بغداد بثلاث قذائف هاون.\nوقال الجيش إن القذائف سقطت صباح اليوم على قاعدة بلد الجوية."
    assert keys(text) == [("attack", "balad")]


def test_a_place_north_of_a_town_is_the_town_when_nothing_more_specific_is_given():
    text = "قتل قيادي في كتائب حزب الله بضربة أمريكية بطائرة مسيرة استهدفت سيارته شرقي بغداد مساء أمس."
    assert keys(text) == [("strike", "baghdad")]


def test_a_force_named_bare_as_subject_is_no_target():
    text = "قوات التحالف الدولي تنفذ إنزالاً جوياً على منازل في ريف دير الزور وتحذر الأهالي."
    assert all(kind != "attack" for kind, _ in keys(text))


def test_where_munitions_were_launched_from_is_no_target():
    text = "وقالت مصادر أمنية إن خمسة صواريخ أُطلقت من مدينة الموصل باتجاه قاعدة عسكرية أمريكية في سوريا فجر اليوم."
    assert keys(text) == [("attack", None)]


def test_a_launch_site_near_a_town_is_struck_near_that_town():
    text = "وأكد مسؤول أمريكي تنفيذ ضربة استهدفت موقعا يستخدم لإطلاق الطائرات المسيرة بالقرب من مدينة كركوك أمس."
    assert keys(text) == [("strike", "kirkuk")]


def test_the_governorate_after_a_place_relative_to_a_town_locates_it():
    text = "استهدفت قوات التحالف أمس بغارة جوية راجمات صواريخ جنوب مدينة الميادين في ريف دير الزور الشرقي."
    assert keys(text) == [("strike", "al_mayadin")]


def test_a_crossing_named_after_a_town_across_the_border_is_not_that_town():
    text = "استهدف الطيران الأمريكي بغارات جوية بوابة القائم في مدينة البوكمال فجر اليوم."
    assert keys(text) == [("strike", "albu_kamal")]


def test_every_item_of_a_list_of_struck_places_is_a_strike():
    text = "شنت الولايات المتحدة هجوماً واسعاً على مواقع للفصائل في دير الزور والبوكمال وعين الأسد فجر اليوم."
    assert keys(text) == [("strike", "ain_al_asad"), ("strike", "albu_kamal"), ("strike", "deir_ez_zor")]


def test_attacks_that_target_us_forces_are_the_subject_not_the_forces():
    text = (
        "دمرت مقاتلات أمريكية مخازن تابعة للكتائب في جرف الصخر، رداً على هجمات استهدفت القوات الأمريكية، "
        "آخرها هجوم بصواريخ على قاعدة عين الأسد مساء أمس."
    )
    assert ("attack", "ain_al_asad") in keys(text)
    assert ("strike", "ain_al_asad") not in keys(text)


def test_a_place_a_distance_from_a_town_is_not_the_town():
    text = "استهدف القصف الأمريكي فجر اليوم نقاطاً في بلدة السيال، على بعد 10 كم عن البوكمال."
    assert keys(text) == [("strike", "al_siyal")]


def test_us_soldiers_named_in_passing_are_no_target():
    text = "وقال وزير الدفاع الأمريكي إن الضربة جاءت بأمر من الرئيس الذي تعد سلامة الجنود الأمريكيين من أولوياته."
    assert all(kind != "attack" for kind, _ in keys(text))


def test_us_forces_something_befalls_are_a_target():
    text = "تعرضت قوات التحالف الدولي في ريف الحسكة لهجوم صاروخي مساء أمس، دون وقوع إصابات."
    assert keys(text) == [("attack", "hasakah")]


def test_a_town_named_to_locate_a_place_inside_it_is_no_place_of_its_own():
    text = "وقتل خمسة عناصر من الميليشيات في غارات أمريكية على منطقة الحيدرية ببادية الميادين فجر اليوم."
    assert keys(text) == [("strike", "al_haydariyah")]


def test_a_capital_that_comments_is_not_struck():
    text = "ولم يصدر تعليق من دمشق على العدوان الأمريكي الذي طال مواقع في بلدة السيال فجر اليوم."
    assert keys(text) == [("strike", "al_siyal")]


def test_us_aggression_is_how_some_outlets_tell_a_us_strike():
    text = "وأفادت قناة محلية بأن عدواناً أمريكياً استهدف ليل الثلاثاء مواقع على أطراف مدينة البوكمال."
    assert keys(text) == [("strike", "albu_kamal")]


def test_a_time_set_off_by_commas_does_not_end_the_clause():
    e = extract_article("سقطت ثلاث قذائف، فجر اليوم، على حقل العمر النفطي الذي يضم قاعدة للتحالف.", "t.txt", THURSDAY)
    assert [(x["location_id"], x["time_of_day"], x["day_offset"]) for x in e] == [("al_omar", "dawn", 0)]


def test_the_strike_that_prevented_an_attack_takes_the_base_it_protected():
    text = "قال مصدر إن ضربة جوية أمريكية استهدفت قاذفة صواريخ مساء أمس، ما حال دون وقوع هجوم على قاعدة عين الأسد."
    assert keys(text) == [("strike", "ain_al_asad")]


def test_a_foreign_word_describing_a_source_is_no_foreign_striker():
    text = (
        "شنت طائرات أمريكية غارات على مواقع للفصائل في سوريا مساء اليوم.\n"
        "وذكرت وكالة الأناضول التركية أن القصف الجوي استهدف مقرين للفصائل جنوب مدينة القائم."
    )
    assert ("strike", "al_qaim") in keys(text)


def test_the_place_of_an_attack_a_strike_answers_is_the_attacks():
    text = "وقال المتحدث إن الضربات الأمريكية جاءت رداً على الهجمات الأخيرة، ومنها سقوط صاروخين على المنطقة الخضراء يوم الاثنين."
    assert ("strike", "green_zone") not in keys(text)


def test_the_answer_to_an_attack_strikes_the_place_it_targets():
    text = "وبحسب المرصد، رد التحالف على الهجوم باستهداف صحراء مدينة الميادين التي انطلقت منها الصواريخ."
    assert keys(text) == [("strike", "al_mayadin")]


def test_a_recollection_with_a_named_place_is_kept_as_background():
    text = (
        "سقطت صواريخ على قاعدة عين الأسد فجر اليوم.\n"
        "وتعرضت القواعد الأمريكية لمئات الهجمات، بعد مقتل 3 جنود أمريكيين في قاعدة البرج 22 بطائرة مسيرة في شباط الماضي."
    )
    found = {(e["event_type"], e["location_id"]): e for e in extract_article(text, "t.txt", THURSDAY)}
    assert set(found) == {("attack", "ain_al_asad"), ("attack", "tower_22")}
    assert found[("attack", "tower_22")]["background"] and not found[("attack", "ain_al_asad")]["background"]


def test_the_deadliest_since_an_earlier_attack_is_no_count():
    text = "ومساء الأربعاء، قتل ثلاثة جنود عندما تعرضت قاعدة التاجي لهجوم هو الأكثر دموية منذ هجوم صاروخي في أواخر ديسمبر، وأطلق ذلك سلسلة من الهجمات."
    assert ("attack", "taji") in keys(text)


def test_a_coalition_named_with_a_clitic_tells_whose_fire_hits_militia_positions():
    text = "وقالت الشبكة إن الدفاعات التابعة للتحالف ردت على الهجوم باستهداف مواقع للمليشيات قرب مطار دير الزور العسكري."
    assert ("strike", "deir_ez_zor_airport") in keys(text)


@pytest.mark.parametrize("link", ["اقرأ أيضاً: ", "إقرأ أيضا - ", "ذات صلة: ", "طالع أيضاً: "])
def test_a_line_linking_another_story_tells_no_act(link):
    text = f"{link}الطائرات الأمريكية تقصف مواقع في البوكمال.\nسقط صاروخان على قاعدة حقل العمر مساء أمس."
    found = extract_article(text, "t.txt", dt.date(2024, 3, 7))
    assert [e["location_id"] for e in found] == ["al_omar"]


def test_shells_a_title_calls_foreign_stay_foreign_in_the_next_sentence():
    text = "قذائف إسرائيلية تسقط قرب قاعدة أمريكية في ريف الحسكة\n\nسقطت عدة قذائف قرب القاعدة الأمريكية في الشدادي دون إصابات."
    assert extract_article(text, "t.txt", THURSDAY) == []
    # Without the foreign title the same sentence tells an attack.
    assert [e["location_id"] for e in extract_article(text.split("\n")[-1], "t.txt", THURSDAY)] == ["al_shaddadi"]


def test_one_day_dates_both_bases_of_a_coordinated_pair():
    text = "واستُهدفت قاعدتا حرير وعين الأسد بطائرات مسيرة فجر اليوم."
    found = {e["location_id"]: e["day_offset"] for e in extract_article(text, "t.txt", THURSDAY)}
    assert found == {"harir": 0, "ain_al_asad": 0}


def test_sirens_at_a_base_are_no_attack_on_it_when_the_rockets_fell_at_another():
    text = "ودوت صافرات الإنذار في السفارة الأمريكية بعد سقوط صاروخين قرب مطار بغداد فجر اليوم."
    assert keys(text) == [("attack", "baghdad_airport")]
    # With no other base, the sirens' place is where the act is told ("a rocket heading to its compound").
    text = "ودوت صافرات الإنذار في السفارة الأمريكية بعدما اعترضت الدفاعات صاروخا كان متجها نحو مجمعها."
    assert keys(text) == [("attack", "us_embassy_baghdad")]


def test_a_drill_explains_its_own_explosions_not_an_attack_told_beside_it_at_another_time():
    text = "وأوضح مصدر أن الانفجارات التي سمعت ظهراً في قاعدة التنف ناجمة عن رماية تدريبية، فيما تعرضت القاعدة ليلاً لقصف صاروخي."
    assert keys(text) == [("attack", "al_tanf")]
    # A report the drill refutes names no time of its own: no act.
    text = "وكتبت صفحات أن قاعدة التنف تعرضت لقصف بعدة صواريخ، قبل أن يتبين أن الأصوات ناجمة عن تدريبات عسكرية."
    assert keys(text) == []
