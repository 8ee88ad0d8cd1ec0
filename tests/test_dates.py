import datetime as dt

import pytest

from transforms.dates import find_times, header_date, read_calendar, stated_publication, with_glosses
from transforms.normalize import normalize

FRIDAY = dt.date(2024, 7, 26)


def resolve(text, published=FRIDAY):
    times = find_times(normalize(text))
    assert len(times) == 1, times
    date, offset = times[0].resolve(published)
    return date, offset, times[0].time_of_day


@pytest.mark.parametrize(
    "text, offset, part",
    [
        ("أمس", -1, None),
        ("مساء أمس السبت", -1, "evening"),
        ("فجر اليوم", 0, "dawn"),
        ("اليوم الجمعة", 0, None),
        ("أول أمس", -2, None),
        ("الليلة الماضية", -1, "night"),
        ("منذ يومين", -2, None),
        ("قبل يومين", -2, None),
        ("ليل الخميس", -1, "night"),
        ("فجر الجمعة", 0, "dawn"),
        ("صباح الخميس", -1, "morning"),
        ("ليل الخميس/الجمعة", -1, "night"),
        ("ليل الأربعاء-الخميس", -2, "night"),
        ("في ساعة متأخرة من ليل الخميس", -1, "night"),
        ("يوم أمس الأول", -2, None),
        ("في الساعات الأولى من صباح اليوم", 0, "dawn"),
        ("في ساعة متأخرة من مساء أمس", -1, "night"),
        ("هذا الصباح", 0, "morning"),
    ],
)
def test_relative_days(text, offset, part):
    date, got_offset, got_part = resolve(text)
    assert got_offset == offset
    assert date == FRIDAY + dt.timedelta(days=offset)
    assert got_part == part


def test_eve_of_a_weekday_is_the_night_before():
    # EVENTS.md: "ليلة الجمعة" is Thursday night.
    date, offset, part = resolve("ليلة الجمعة")
    assert (date, offset, part) == (dt.date(2024, 7, 25), -1, "night")


def test_weekday_is_the_latest_such_day_on_or_before_publication():
    assert resolve("يوم الاثنين")[0] == dt.date(2024, 7, 22)
    assert resolve("الجمعة")[0] == FRIDAY


def test_relative_day_without_publication_date_keeps_its_offset():
    assert resolve("أمس", published=None) == (None, -1, None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("28 كانون الثاني 2024", dt.date(2024, 1, 28)),
        ("في 5 شباط/فبراير 2024", dt.date(2024, 2, 5)),
        ("يوم ٣ آذار ٢٠٢٣", dt.date(2023, 3, 3)),
        ("في الـ17 من تشرين الأول", dt.date(2023, 10, 17)),
        ("في 17 أكتوبر", dt.date(2023, 10, 17)),
        ("فجر الثامن من كانون الثاني 2020", dt.date(2020, 1, 8)),
        ("في الحادي والعشرين من آذار", dt.date(2023, 3, 21)),
        ("السابع عشر من تشرين الأول", dt.date(2023, 10, 17)),
    ],
)
def test_explicit_dates_in_both_month_systems(text, expected):
    assert resolve(text, published=dt.date(2024, 2, 10))[0] == expected


def test_future_weekdays_and_prayers_are_not_dates():
    assert find_times(normalize("سيعقد اجتماعاً يوم الاثنين المقبل")) == []
    assert find_times(normalize("بعد صلاة الجمعة")) == []


def test_month_alone_marks_background():
    (time,) = find_times(normalize("في شباط/فبراير"))
    assert time.resolve(FRIDAY) == (None, None)
    assert time.is_background(FRIDAY)


@pytest.mark.parametrize(
    "header, expected",
    [
        ("تقارير | 4 02 2024\nنص", dt.date(2024, 2, 4)),
        ("الجمعة 2024/07/26\n\nعنوان", dt.date(2024, 7, 26)),
        ("الأحد ١٤ كانون الثاني ٢٠٢٤\nعنوان", dt.date(2024, 1, 14)),
        ("12-03-2023\nعنوان", dt.date(2023, 3, 12)),
    ],
)
def test_header_dates(header, expected):
    assert header_date(header) == expected


def test_a_date_inside_the_body_is_not_the_publication_date():
    body = (
        "عنوان الخبر\n"
        + "قال المتحدث إن القوات تعرضت لهجوم في 28 كانون الثاني 2024 أدى إلى مقتل ثلاثة جنود أمريكيين في قاعدة البرج 22 شمال شرقي الأردن قرب الحدود السورية."
    )
    assert header_date(body) is None


@pytest.mark.parametrize(
    "text, offset, part",
    [
        ("في وقت متأخر من الليلة الفائتة", -1, "night"),
        ("الليلة المنصرمة", -1, "night"),
        ("في وقت متأخر من يوم الخميس", -1, "night"),
        ("مساء الأمس", -1, "evening"),
    ],
)
def test_late_in_the_day_and_last_night_variants(text, offset, part):
    assert resolve(text)[1:] == (offset, part)


def test_last_weekday_named_on_that_weekday_is_a_week_back():
    assert resolve("يوم الجمعة الماضي")[1] == -7
    assert resolve("يوم الخميس الماضي")[1] == -1


def test_a_night_over_two_dates_is_the_first_dates_night():
    (night, date) = find_times(normalize("قُصفت المواقع ليلة أمس السبت/الأحد (13/14 آذار 2021) بصواريخ"))
    assert (night.offset, night.time_of_day, night.weekday) == (-1, "night", 5)
    assert date.absolute == dt.date(2021, 3, 13)


def test_a_relative_day_glossed_by_a_date_gives_the_publication_date():
    assert stated_publication(normalize("سقطت القذائف أمس الثلاثاء (9 آذار 2021) قرب المطار")) == dt.date(2021, 3, 10)
    assert stated_publication(normalize("سقطت القذائف أمس قرب المطار في 9 آذار 2021 وفق المصدر")) is None


def test_today_and_a_weekday_name_the_publication_weekday():
    calendar = read_calendar("قالت المصادر اليوم الأربعاء إن القاعدة تعرضت لهجوم يوم الاثنين", None)
    assert calendar.weekday == 2
    (_, monday) = find_times(normalize("قالت المصادر اليوم الأربعاء إن القاعدة تعرضت لهجوم يوم الاثنين"))
    assert calendar.complete(monday).resolve(None) == (None, -2)


def test_the_most_frequent_publication_weekday_wins():
    text = "أعلن الجيش أمس الخميس. وقال المتحدث اليوم الجمعة. وأكد مصدر أمس الأربعاء"
    assert read_calendar(text, None).weekday == 4


def test_a_weekday_glossed_by_a_date_dates_that_weekday_elsewhere():
    text = normalize("قال المحافظ الثلاثاء (6 نيسان 2021) إن صاروخين سقطا مساء الثلاثاء على القاعدة")
    calendar = read_calendar(text, None)
    (_, evening) = find_times(text)
    assert calendar.complete(evening).resolve(None) == (dt.date(2021, 4, 6), None)


def test_a_known_publication_date_leaves_nothing_to_complete():
    text = normalize("قالت المصادر اليوم الأربعاء إن القاعدة تعرضت لهجوم يوم الاثنين")
    (_, monday) = find_times(text)
    assert read_calendar(text, FRIDAY).complete(monday) is monday


def test_a_month_named_as_past_is_background():
    from transforms.dates import find_times
    from transforms.normalize import normalize

    (t,) = find_times(normalize("تعرضت القاعدة في يناير الماضي لهجوم"))
    assert (t.month, t.background, t.period) == (1, True, "month")


def test_people_killed_as_the_result_of_an_act_die_on_its_day():
    from transforms.extract import extract_article

    text = "قتل قياديان في فصيل مسلح، أمس، إثر قصف جوي أمريكي استهدف مقرا لهم في جرف الصخر."
    (event,) = extract_article(text, "t.txt", dt.date(2024, 3, 7))
    assert (event["location_id"], event["day_offset"]) == ("jurf_al_sakhar", -1)


def test_a_part_of_the_day_in_the_adverbial_accusative_is_read():
    assert [t.time_of_day for t in find_times(normalize("سقطت القذائف ليلاً بعد أن هدأ القصف فجراً"))] == ["night", "dawn"]


def test_a_relative_day_glossed_by_a_date_is_one_mention_keeping_its_offset():
    text = normalize("شنت قوات التحالف، اليوم الثلاثاء 11 نيسان / أبريل، غارة جوية")
    (glossed,) = with_glosses(find_times(text), text)
    assert (glossed.offset, glossed.month, glossed.day) == (0, 4, 11)
    assert glossed.resolve(None) == (None, 0)
    assert glossed.resolve(dt.date(2023, 4, 11)) == (dt.date(2023, 4, 11), 0)
