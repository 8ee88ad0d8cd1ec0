"""Cardinal numbers in folded Arabic text: digits and number words.

Works on text already passed through ``normalize.fold`` (so ة is ه, أ is ا and
every digit is ASCII). ``NUMBER`` is a regex fragment matching one cardinal;
``parse_number`` turns its text into an int.
"""

from __future__ import annotations

import re

from transforms.normalize import fold

_UNITS = {
    "واحد": 1,
    "واحده": 1,
    "احد": 1,
    "احدي": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "اثنا": 2,
    "اثني": 2,
    "اثنتا": 2,
    "اثنتي": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانيه": 8,
    "تسع": 9,
    "تسعه": 9,
}
_TENS = {
    "عشر": 10,
    "عشره": 10,
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "اربعون": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
}
_HUNDREDS = {"مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200}

_UNITS, _TENS, _HUNDREDS = ({fold(k): v for k, v in table.items()} for table in (_UNITS, _TENS, _HUNDREDS))
_ORDER = sorted([*_UNITS, *_TENS, *_HUNDREDS], key=len, reverse=True)
_WORD = "(?:" + "|".join(_ORDER) + ")"
# "ثلاثه عشر", "خمسه وعشرين", "مئه وعشرين": a word, optionally followed by "عشر"/"و<word>".
_WORD_NUMBER = rf"{_WORD}(?:\s+عشر[هة]?)?(?:\s+و{_WORD})*"
NUMBER = rf"(?:\d+(?:[.,]\d+)?|{_WORD_NUMBER})"
_WORD_RE = re.compile(_WORD)


def parse_number(text: str) -> int | None:
    """Value of a cardinal written in digits or words; None when it is not one."""
    text = fold(text).strip()
    if not text:
        return None
    if text[0].isdigit():
        digits = re.match(r"\d+", text)
        return int(digits.group()) if digits else None
    total = 0
    parts = [p for p in re.split(r"\s+", text) if p]
    i = 0
    while i < len(parts):
        word = parts[i]
        if word.startswith("و") and word[1:] in {**_UNITS, **_TENS, **_HUNDREDS}:
            word = word[1:]
        if word in _UNITS:
            value = _UNITS[word]
            if i + 1 < len(parts) and parts[i + 1] in ("عشر", "عشره"):
                value += 10
                i += 1
            total += value
        elif word in _TENS:
            total += _TENS[word]
        elif word in _HUNDREDS:
            total += _HUNDREDS[word]
        else:
            return None
        i += 1
    return total or None


def is_number_word(word: str) -> bool:
    return bool(_WORD_RE.fullmatch(word))
