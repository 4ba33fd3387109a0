"""Arabic text folded for searching: the index holds this form, the user sees the original.

SQLite's own tokenizer keeps harakat (and splits words at them), counts tatweel
as a letter and knows nothing of hamza spellings, so ``عقد`` would not find
``عُقد`` nor ``اسرائيل`` find ``إسرائيل``. Everything the index stores and every
query therefore goes through :func:`normalize` first.

Pure functions on strings: no database, no files.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.text.folding import fold

# A word in ORIGINAL text: letters and digits with any marks, tatweel and joiners
# inside it (``عُقد`` is one word, not ``ع`` + ``قد``).
_IN_WORD = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0300-\u036f"
    "\u0640\u200b-\u200d\u2060\ufeff\u00ad\u034f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
)
# A word has at least one letter or digit: a lone mark or bidi control is not one.
WORD_RE = re.compile(rf"[{_IN_WORD}]*[^\W_](?:[^\W_]|[{_IN_WORD}])*")
# A word in NORMALISED text: what SQLite's unicode61 tokenizer calls a token.
_NORMAL_WORD_RE = re.compile(r"[^\W_]+")


def normalize(text: str, *, fold_teh_marbuta: bool = False) -> str:
    """Fold *text* to its search form (:func:`reader.text.folding.fold`)."""
    return fold(text, teh_marbuta=fold_teh_marbuta)


def title_words(text: str) -> list[str]:
    """The words of a title as titles are compared: :func:`normalize`, and also ة as
    ه and ؤ ئ as ء (sites spell these both ways; folding them costs little
    precision when whole titles are compared); punctuation and quotes dropped."""
    return _NORMAL_WORD_RE.findall(fold(text, title=True))


def title_key(text: str, words: list[str] | None = None) -> str:
    """The form two titles are compared in to tell whether they name one article:
    :func:`title_words` run together, since spacing differs too (``عبد الله`` /
    ``عبدالله``, ``بـ «الصباح»`` / ``بـ«الصباح»``), with a space kept only
    between two numbers (``3.5`` is not ``35``). *words*: the title's words, when
    the caller has them already.

    Not an order: run together, ``116 مليون`` (``116مليون``) sorts before ``11 ألف``
    (``11الف``). The list sorts by :func:`title_order`."""
    key = []
    previous = ""
    for word in title_words(text) if words is None else words:
        if previous[-1:].isdigit() and word[:1].isdigit():
            key.append(" ")
        key.append(word)
        previous = word
    return "".join(key)


def title_order(text: str, words: list[str] | None = None) -> str:
    """The key the article list sorts titles by: :func:`title_words` one space apart,
    so a word sorts before every longer word it begins (``11 ألف`` before ``116
    مليون``, ``عبد الله`` before ``عبدالرحمن``), harakat, hamza seats, tatweel and
    punctuation ignored; and numbers by their value (``(1217)`` before ``(10217)``,
    in Eastern Arabic digits too, which fold to Western ones: :func:`_by_value`).
    *words*: the title's words, when the caller has them already."""
    joined = " ".join(title_words(text) if words is None else words)
    return _DIGIT_RUN.sub(_by_value, joined) if _DIGIT_RUN.search(joined) else joined


_DIGIT_RUN = re.compile(r"[0-9]+")
#: Numbers up to this many digits have their length in one character ("1" to ">").
_SHORT_NUMBER = 15


def _by_value(match: re.Match[str]) -> str:
    return _number_key(match.group())


def _number_key(run: str) -> str:
    """A run of digits as text that sorts as the number does (the list is sorted by
    SQLite, which compares text code point by code point): its length without leading
    zeros, as one character from "1" on, then the digits. A longer number has "?"
    and its length written the same way. These characters sort before every letter,
    as the digits did."""
    digits = run.lstrip("0") or "0"
    if len(digits) < _SHORT_NUMBER:
        return chr(ord("0") + len(digits)) + digits
    return "?" + _number_key(str(len(digits))) + digits


def normalized_words(text: str) -> list[str]:
    """The words of *text* in search form, as the index tokenizes them."""
    return _NORMAL_WORD_RE.findall(normalize(text))


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """:func:`normalize` for one word of original text (cached: words repeat)."""
    return normalize(word)


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of ORIGINAL text, marks and tatweel included."""
    return [m.span() for m in WORD_RE.finditer(text)]
