import re

import pytest

from transforms.normalize import fold
from transforms.numbers import NUMBER, parse_number


@pytest.mark.parametrize(
    "text, value",
    [
        ("8", 8),
        ("٤", 4),
        ("۴", 4),
        ("ثلاث", 3),
        ("ثلاثة", 3),
        ("ثمانية", 8),
        ("عشرة", 10),
        ("ثلاثة عشر", 13),
        ("خمسة وعشرين", 25),
        ("مئة", 100),
        ("أربع", 4),
        ("ست", 6),
    ],
)
def test_numbers_in_digits_and_words(text, value):
    assert parse_number(text) == value


def test_not_a_number():
    assert parse_number("صواريخ") is None
    assert parse_number("") is None


def test_number_fragment_matches_whole_word_numbers():
    found = re.search(rf"({NUMBER}) صواريخ", fold("أطلقت ثلاثة عشر صواريخ"))
    assert parse_number(found.group(1)) == 13
