"""Who did it, across sentences: claim frames, short names and the group named last."""

import datetime as dt

from transforms.extract import extract_article

THURSDAY = dt.date(2024, 3, 7)


def actors(text):
    return {e["location_id"]: e["actor"] for e in extract_article(text, "t.txt", THURSDAY)}


def test_the_group_goes_on_speaking_in_the_next_sentence():
    text = (
        "تبنت المقاومة الإسلامية في العراق استهداف قاعدة التنف بطائرة مسيرة فجر اليوم.\n"
        "وأضافت أن مقاتليها استهدفوا أيضاً قاعدة الشدادي بصاروخين."
    )
    assert actors(text) == {"al_tanf": "islamic_resistance_iraq", "al_shaddadi": "islamic_resistance_iraq"}


def test_a_short_form_of_the_name_refers_to_the_group_named_before():
    text = (
        "قصفت المقاومة الإسلامية في العراق مواقع أمريكية شرق سوريا فجر اليوم.\n"
        "كما أعلنت المقاومة مسؤوليتها عن هجوم صاروخي استهدف قاعدة حقل العمر."
    )
    assert actors(text)["al_omar"] == "islamic_resistance_iraq"


def test_a_short_name_with_no_group_named_before_is_the_generic_resistance():
    text = "سقطت صواريخ على قاعدة التنف فجر اليوم.\nوقالت المقاومة في بيان إنها استهدفت القاعدة."
    assert actors(text) == {"al_tanf": "iran_aligned"}
    both = "استهدفت طائرات مسيرة قاعدتي حرير وعين الأسد فجر اليوم، ثم أعلنت الكتائب مسؤوليتها عن الهجومين."
    assert actors(both) == {"harir": "iran_aligned", "ain_al_asad": "iran_aligned"}
    assert actors(text.replace("المقاومة", "المقاومة الفلسطينية")) == {"al_tanf": "unknown"}


def test_continued_speech_without_a_group_speaking_before_names_nobody():
    text = "سقطت ثلاثة صواريخ على قاعدة عين الأسد فجر اليوم بحسب مصدر أمني.\nوأضافت أن صاروخاً رابعاً سقط قرب قاعدة حرير."
    assert set(actors(text).values()) == {"unknown"}


def test_factions_named_vaguely_take_the_one_group_the_article_names():
    text = (
        "استهدفت فصائل موالية لإيران قاعدة التنف بطائرات مسيرة فجر اليوم.\n"
        "وتبنت كتائب حزب الله في بيان استهداف قاعدة الشدادي بصاروخين مساء أمس."
    )
    assert actors(text) == {"al_tanf": "kataib_hezbollah", "al_shaddadi": "kataib_hezbollah"}


def test_with_two_groups_named_vague_attribution_stays_vague():
    text = (
        "استهدفت فصائل موالية لإيران قاعدة التنف بطائرات مسيرة فجر اليوم.\n"
        "وتبنت كتائب حزب الله استهداف قاعدة الشدادي بصاروخين مساء أمس.\n"
        "كما تبنت حركة النجباء استهداف قاعدة حرير بطائرة مسيرة."
    )
    assert actors(text)["al_tanf"] == "iran_aligned"


def kinds(text, published=THURSDAY):
    return sorted((e["event_type"], e["location_id"]) for e in extract_article(text, "t.txt", published))


def test_those_strikes_are_the_strikes_told_before_whatever_day_their_sentence_gives():
    text = (
        "شنت طائرات أمريكية غارات على مواقع للفصائل في البوكمال فجر اليوم.\n"
        "وتأتي تلك الغارات بعد تأكيد مسؤول أمريكي أمس الأربعاء تعرض إحدى قواعدهم لهجوم."
    )
    assert kinds(text) == [("strike", "albu_kamal")]


def test_a_placeless_mention_dated_a_day_apart_is_the_act_it_summarises():
    text = (
        "شنت طائرات أمريكية غارات على مواقع للفصائل في البوكمال مساء أمس.\n"
        "وأعلن البنتاغون اليوم أن قواته نفذت ضربات جوية في سوريا."
    )
    assert kinds(text) == [("strike", "albu_kamal")]


def test_the_country_of_the_attack_a_strike_answers_is_not_the_strikes():
    text = (
        "شنت طائرات أمريكية غارات على مواقع للفصائل في البوكمال فجر اليوم.\n"
        "وشن الجيش الأمريكي ضربات جوية على أهداف في سوريا رداً على هجوم على قاعدة في الأردن."
    )
    assert kinds(text) == [("strike", "albu_kamal")]


def test_a_country_in_a_groups_name_places_nothing():
    text = (
        "استهدفت المقاومة الإسلامية في العراق اليوم قاعدة أميركية في سوريا.\n"
        "وقالت المقاومة الإسلامية إنها استهدفت قاعدة التنف بالطيران المسير."
    )
    assert kinds(text) == [("attack", "al_tanf")]


def test_a_recollection_merged_into_a_news_act_lends_it_no_attacker():
    text = (
        "سقطت عدة قذائف قرب قاعدة القرية الخضراء مساء أمس دون إصابات.\n"
        "وذكر البيان أن القاعدة تعرضت في يناير الماضي لهجوم بثمانية صواريخ من قبل جهات مدعومة من إيران."
    )
    news = [e for e in extract_article(text, "t.txt", THURSDAY) if not e["background"]]
    assert [(e["location_id"], e["actor"]) for e in news] == [("green_village", "unknown")]


def test_a_group_without_an_id_of_its_own_is_iran_aligned():
    assert actors("أعلنت جماعة الثوريون مسؤوليتها عن الهجوم الصاروخي على قاعدة عين الأسد مساء أمس.") == {
        "ain_al_asad": "iran_aligned"
    }


def test_an_iranian_made_drone_tells_an_iran_aligned_attacker():
    assert actors("تعرضت قاعدة التنف مساء أمس لهجوم بواسطة طائرات إيرانية مسيرة.") == {"al_tanf": "iran_aligned"}


def test_the_coalition_named_with_a_clitic_is_the_striker():
    text = "وقالت الشبكة إن الدفاعات التابعة للتحالف ردت على الهجوم باستهداف مواقع للمليشيات في مدينة الميادين."
    assert actors(text)["al_mayadin"] == "coalition"


def test_factions_that_threaten_and_a_group_whose_commander_was_killed_are_not_the_attacker():
    text = "سقطت صواريخ على قاعدة حرير فجر اليوم، وسط تهديد فصائل مسلحة عراقية بالرد على اغتيال القائد في الحشد الشعبي."
    assert actors(text) == {"harir": "unknown"}


def test_the_said_entity_is_the_group_named_before():
    text = (
        "قصفت المقاومة الإسلامية في العراق مواقع أمريكية شرق سوريا يوم السبت.\n"
        "وأفاد بيان للكيان المذكور أن قاعدة خراب الجير تعرضت لعدة صواريخ."
    )
    assert actors(text) == {"kharab_al_jir": "islamic_resistance_iraq"}


def test_the_us_owning_up_to_its_strike_claims_no_attack():
    text = (
        "وأمس، تبنت القوات الأمريكية رسمياً الهجوم الذي استهدف مقرات كتائب حزب الله في جرف الصخر.\n"
        "وكانت القوات الأمريكية قد ردت على هجوم استهدف قاعدة عين الأسد."
    )
    assert actors(text).get("ain_al_asad") == "unknown"


def test_the_factions_that_answer_a_strike_did_the_attack():
    text = (
        "شنت طائرات التحالف غارات على مواقع في مدينة الميادين مساء أمس.\n"
        "ومن جانبها، ردت الفصائل الإيرانية على الغارات بثلاثة صواريخ استهدفت قاعدة حقل العمر.\n"
        "يذكر أن مجموعة محلية تابعة للحرس الثوري الإيراني كانت المسؤولة عن استهداف قواعد التحالف في حقل العمر."
    )
    assert actors(text)["al_omar"] == "iran_aligned"


def test_a_base_attacked_again_is_another_act():
    text = "سقطت ثلاثة صواريخ على قاعدة حقل كونيكو ظهر اليوم.\nثم استُهدفت قاعدة حقل كونيكو مجدداً بطائرة مسيرة."
    found = [(e["location_id"], e["weapon"]) for e in extract_article(text, "t.txt", THURSDAY)]
    assert found == [("conoco", "rocket"), ("conoco", "drone")]


def test_a_base_attacked_again_in_the_next_clause_is_another_act():
    text = "سقطت ثلاثة صواريخ على قاعدة حقل كونيكو ظهر اليوم، ثم استُهدفت القاعدة مجدداً بطائرة مسيرة مساءً."
    found = [(e["location_id"], e["weapon"], e["munition_count"]) for e in extract_article(text, "t.txt", THURSDAY)]
    assert found == [("conoco", "rocket", 3), ("conoco", "drone", 1)]


def test_the_same_base_told_twice_without_a_renewal_is_one_act():
    text = (
        "سقطت ثلاثة صواريخ على قاعدة حقل كونيكو ظهر اليوم.\nوأفاد مصدر بأن الصواريخ التي استهدفت قاعدة حقل كونيكو لم توقع إصابات."
    )
    assert [e["location_id"] for e in extract_article(text, "t.txt", THURSDAY)] == ["conoco"]


def days(text):
    return {e["location_id"]: (e["date"], e["date_basis"], e["date_not_after"]) for e in extract_article(text, "t.txt", THURSDAY)}


def test_an_act_told_as_before_that_is_bounded_by_the_act_it_preceded_and_stays_undated():
    text = "استهدفت صواريخ قاعدة حقل العمر مساء أمس الأربعاء.\nوسبق ذلك هجوم بطائرة مسيرة على قاعدة الشدادي."
    assert days(text) == {
        "al_omar": (dt.date(2024, 3, 6), "stated", None),
        "al_shaddadi": (None, "before", dt.date(2024, 3, 6)),
    }


def test_an_act_told_in_the_pluperfect_is_bounded_by_the_act_told_before_and_stays_undated():
    for earlier in (
        "وكانت القاعدة الأمريكية في حقل كونيكو قد تعرضت لهجوم بالصواريخ.",
        "وكانت هزت انفجارات قاعدة حقل كونيكو بعد استهدافها بالصواريخ.",
    ):
        text = "استهدفت صواريخ قاعدة حقل العمر مساء أمس الأربعاء.\n" + earlier
        assert days(text)["conoco"] == (None, "before", dt.date(2024, 3, 6))


def test_a_day_told_after_the_act_comes_after_another_dates_the_other():
    text = (
        "شنت طائرات أمريكية غارات على مواقع لفصائل موالية لإيران قرب البوكمال.\n"
        "وتأتي هذه الغارات بعد تأكيد مسؤول أمريكي، أمس الأربعاء، تعرض إحدى قواعد بلاده شرقي سوريا لهجوم صاروخي."
    )
    assert days(text)["albu_kamal"] == (None, None, None)


def test_a_bare_weekday_of_saying_dates_no_act_and_a_relative_one_does():
    said = "قال مسؤول في البنتاغون، الخميس، إن القوات الأمريكية أحبطت هجوما بطائرة مسيرة على قاعدة عين الأسد."
    assert days(said)["ain_al_asad"] == (None, None, None)
    assert days(said.replace("الخميس", "أمس"))["ain_al_asad"][0] == dt.date(2024, 3, 6)


def test_the_date_of_a_wire_report_quoted_dates_no_act():
    text = "وقالت مصادر عسكرية إن صاروخين سقطا على قاعدة عين الأسد، وفق ما ذكرت وكالة رويترز الثلاثاء 5 آذار 2024."
    assert days(text)["ain_al_asad"] == (None, None, None)


def test_an_undated_act_told_after_another_takes_its_day():
    text = "استهدفت صواريخ قاعدة حقل العمر مساء أمس الأربعاء.\nوردت القوات الأمريكية بقصف مواقع في الميادين."
    assert days(text)["al_mayadin"] == (dt.date(2024, 3, 6), "context", None)


def test_an_undated_act_another_party_reports_on_its_own_takes_no_day():
    text = (
        "استهدفت صواريخ قاعدة حقل العمر مساء أمس الأربعاء.\n"
        "من جانبه، أفاد موقع محلي بأن القوات الأمريكية قصفت بالمدفعية مواقع في الميادين."
    )
    assert days(text)["al_mayadin"] == (None, None, None)


def test_an_act_with_no_day_word_stays_undated_and_so_does_the_act_told_after_it():
    # EVENTS.md v2: nothing relative to publication and no date: the record states no day.
    text = "سقطت صواريخ على قاعدة حقل العمر شرقي دير الزور.\nوردت القوات الأمريكية بقصف مواقع في الميادين."
    assert days(text) == {"al_omar": (None, None, None), "al_mayadin": (None, None, None)}


def test_a_set_of_bases_named_with_a_day_dates_each_base_it_sums_up():
    text = (
        "استهدفت المقاومة الإسلامية في العراق جيبين عسكريين أمريكيين شرقي سوريا يوم الثلاثاء بالصواريخ.\n"
        "وقال بيان إن القوات الأمريكية في قاعدة حقل العمر تعرضت لعدة صواريخ.\n"
        "كما أعلنت مسؤوليتها عن هجوم مماثل على قاعدة الشدادي."
    )
    found = days(text)
    assert found["al_omar"][:2] == (dt.date(2024, 3, 5), "stated")
    assert found["al_shaddadi"][:2] == (dt.date(2024, 3, 5), "stated")


def test_a_moment_ago_is_the_publication_day_but_hours_before_another_act_is_no_day():
    assert days("أفاد مصدر قبل قليل بسماع دوي انفجارين في قاعدة حرير بعد هجوم بطائرة مسيرة.")["harir"][:2] == (THURSDAY, "stated")
    text = "تعرضت قاعدة حرير لهجوم بطائرة مسيرة، وكان الجنود قد غادروا المكان قبل ساعات من الهجوم."
    assert days(text)["harir"] == (None, None, None)


def test_two_days_before_another_event_is_not_two_days_ago():
    text = "سقطت صواريخ على قاعدة عين الأسد.\nويأتي القصف قبل يومين من زيارة مرتقبة لوزير الخارجية."
    assert days(text)["ain_al_asad"] == (None, None, None)


def test_a_known_act_named_by_its_noun_and_a_day_takes_that_day():
    text = "تعرضت القوات الأمريكية في قاعدة حقل العمر لهجوم صاروخي.\nوخلف الهجوم مساء أمس أضرارا مادية في المعدات."
    assert days(text)["al_omar"][:2] == (dt.date(2024, 3, 6), "stated")


def test_an_attack_placed_in_a_series_a_group_wages_is_that_groups():
    text = (
        "سقطت ثلاثة صواريخ على قاعدة حقل العمر مساء أمس.\n"
        "وردت القوات الأمريكية بقصف مواقع في الميادين.\n"
        "ويأتي هذا الاستهداف ضمن سلسلة من الهجمات التي تشنها الميليشيات المدعومة من إيران على القواعد الأمريكية."
    )
    assert actors(text) == {"al_omar": "iran_aligned", "al_mayadin": "us"}


def test_attacks_a_group_wages_in_general_name_no_attacker_of_this_one():
    text = (
        "سقطت ثلاثة صواريخ على قاعدة حقل العمر مساء أمس.\n"
        "وتتعرض القواعد الأمريكية منذ أشهر لهجمات تشنها الميليشيات المدعومة من إيران."
    )
    assert actors(text) == {"al_omar": "unknown"}


def test_the_militia_holding_the_launch_site_is_the_attacker():
    text = "سقطت قذائف على قاعدة التنف فجر اليوم.\nوبحسب ناشطين فإن القذائف أُطلقت من بادية تسيطر عليها مجموعات موالية لإيران."
    assert actors(text) == {"al_tanf": "iran_aligned"}


def test_a_group_announcing_attacks_to_come_is_not_the_attacker():
    text = (
        "سقطت صواريخ على قاعدة عين الأسد فجر اليوم، في وقت أعلن فيه قيادي في حركة النجباء "
        "بدء العد التنازلي لشن هجمات على القوات الأمريكية."
    )
    assert actors(text) == {"ain_al_asad": "unknown"}


def test_the_group_of_a_commander_killed_long_ago_is_not_the_attacker():
    text = "وتعرضت قاعدة عين الأسد لقصف صاروخي فجر اليوم، بعد أسابيع من اغتيال المهندس نائب قائد الحشد الشعبي."
    assert actors(text) == {"ain_al_asad": "unknown"}


def test_a_base_only_named_does_not_take_over_from_the_base_attacked():
    text = (
        "سقطت ثلاثة صواريخ على قاعدة فيكتوريا فجر اليوم.\n"
        "وذكرت مصادر أن الصواريخ سقطت داخل المنطقة الخضراء، والتي توجد فيها السفارة الأمريكية.\n"
        "وأطلقت الصواريخ على القاعدة من منطقة زراعية."
    )
    assert "us_embassy_baghdad" not in actors(text)


def test_a_day_after_two_coordinated_bases_dates_both_the_first_one_located():
    text = (
        "أفادت مصادر عن تعرض القاعدتين الأمريكيتين في حقل العمر بدير الزور والتنف في ريف حمص مساء الأربعاء لهجوم بطائرات مسيرة."
    )
    assert {k: v[0] for k, v in days(text).items()} == {"al_omar": dt.date(2024, 3, 6), "al_tanf": dt.date(2024, 3, 6)}


def test_acts_this_one_comes_after_take_the_interval_told_or_a_bound():
    text = (
        "سقطت صواريخ على قاعدة حرير مساء أمس الأربعاء.\n"
        "ويأتي الهجوم بعد يوم واحد من استهداف قاعدة عين الأسد بطائرة مسيرة، "
        "تزامناً مع إسقاط طائرة مسيرة قرب السفارة الأمريكية في بغداد."
    )
    assert days(text) == {
        "harir": (dt.date(2024, 3, 6), "stated", None),
        "ain_al_asad": (dt.date(2024, 3, 5), "context", None),
        "us_embassy_baghdad": (dt.date(2024, 3, 5), "context", None),
    }
    vague = text.replace("بعد يوم واحد من", "بعد أقل من أسبوع على")
    assert days(vague)["ain_al_asad"] == (None, "before", dt.date(2024, 3, 6))
