"""Arabic normalisation for matching.

Matching runs on a folded copy of each sentence, never on the original: evidence
offsets always point into the original text. Two levels:

* ``fold``: letters, digits, diacritics and invisible marks only. It is also
  applied to the rule patterns and gazetteer spellings, so they are written in
  ordinary Arabic and still meet the text in the same form.
* ``normalize``: ``fold`` plus punctuation: typographic quotes and brackets become
  spaces, dash and slash variants become ``-`` and ``/``, runs of white space one space.
"""

from __future__ import annotations

import re

_DELETE = (
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, shadda, sukun, small marks
    + ["\u0670", "\u0640"]  # superscript alef, tatweel
    + ["\u06d6", "\u06d7", "\u06d8", "\u06d9", "\u06da", "\u06db", "\u06dc", "\u06df", "\u06e0"]
    + ["\u06e1", "\u06e2", "\u06e3", "\u06e4", "\u06e7", "\u06e8", "\u06ea", "\u06eb", "\u06ec", "\u06ed"]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad", "\u2060"]
    + [chr(c) for c in range(0x202A, 0x202F)]  # bidi embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # bidi isolates
)

_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ئ": "ي",
    "ی": "ي",
    "ې": "ي",
    "ۍ": "ي",
    "ے": "ي",
    "ة": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "ۃ": "ه",
    "ؤ": "و",
    "ک": "ك",
    "ڪ": "ك",
    "گ": "ك",
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    "ڤ": "ف",
    "ڨ": "ق",
}

_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}

_FOLD_TABLE = str.maketrans({**{c: None for c in _DELETE}, **_LETTERS, **_DIGITS})

_PUNCT = {
    **{q: " " for q in "\"'“”„‟«»‹›″‶‘’‚‛`´()[]{}<>"},
    **{d: "-" for d in "‐‑‒–—―−"},
    **{s: "/" for s in "⁄∕／\\"},
    "٫": ".",
    "٬": ",",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\t": " ",
    "\r": " ",
    "\n": " ",
}

_NORMALIZE_TABLE = str.maketrans({**{c: None for c in _DELETE}, **_LETTERS, **_DIGITS, **_PUNCT})
_SPACES = re.compile(r" {2,}")


def fold(text: str) -> str:
    """Fold letter variants, digits and marks; keep every other character as it is."""
    return text.translate(_FOLD_TABLE)


def normalize(text: str) -> str:
    """The form the extractor matches against: folded, quotes gone, spaces collapsed."""
    return _SPACES.sub(" ", text.translate(_NORMALIZE_TABLE)).strip()


# A tatweel is deleted by ``normalize``, so it can stand in for every character that is.
_DELETED = "\u0640"
_ALIGNED_TABLE = str.maketrans({**{c: _DELETED for c in _DELETE}, **_LETTERS, **_DIGITS, **_PUNCT})


def aligned(text: str) -> str:
    """``text`` mapped as ``normalize`` maps it, one character for one (a deleted one becomes a
    tatweel), so a slice of it is the mapped slice of the text: ``from_aligned(aligned(text)[a:b])
    == normalize(text[a:b])``. Mapping a text once spares mapping each of its pieces."""
    return text.translate(_ALIGNED_TABLE)


def from_aligned(mapped: str) -> str:
    """``normalize`` of a text, given ``aligned`` of it (or of a text it is a slice of, sliced)."""
    return _SPACES.sub(" ", mapped.replace(_DELETED, "")).strip()


def match_key(normalized: str) -> str:
    """Same length as ``normalized``; hyphens and slashes read as spaces for name matching."""
    return normalized.replace("-", " ").replace("/", " ")
