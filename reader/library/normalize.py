"""Arabic text folded for searching: the index holds this form, the user sees the original.

SQLite's own tokenizer keeps harakat (and splits words at them), counts tatweel
as a letter and knows nothing of hamza spellings, so ``عقد`` would not find
``عُقد`` nor ``اسرائيل`` find ``إسرائيل``. Everything the index stores and every
query therefore goes through :func:`normalize` first.

Pure functions on strings: no database, no files.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reader.text.sanitize import BIDI_CONTROLS

# Marks a reader does not type when searching: harakat, superscript alef, Quranic
# annotation signs, extended Arabic marks, Latin combining accents.
_MARKS = [
    *range(0x0610, 0x061B),
    *range(0x064B, 0x0660),
    0x0670,
    *range(0x06D6, 0x06DD),
    *range(0x06DF, 0x06E5),
    0x06E7,
    0x06E8,
    *range(0x06EA, 0x06EE),
    *range(0x08D3, 0x0900),
    *range(0x0300, 0x0370),
]
_INVISIBLE = [
    0x0640,  # tatweel: a stretching stroke, not a letter
    0x200B,  # zero width space
    0x200C,  # zero width non-joiner
    0x200D,  # zero width joiner
    0x2060,  # word joiner
    0xFEFF,  # zero width no-break space
    0x00AD,  # soft hyphen
    0x034F,  # combining grapheme joiner
    *(ord(c) for c in BIDI_CONTROLS),
]
_LETTER_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",  # sites write "وزير الرى" for الري
    "ی": "ي",  # Persian yeh
    "ک": "ك",  # keheh
}
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}

_TABLE: dict[int, str | None] = (
    {c: None for c in _MARKS}
    | {c: None for c in _INVISIBLE}
    | {ord(k): v for k, v in _LETTER_FOLDS.items()}
    | _DIGITS
)
_TABLE_TEH = _TABLE | {ord("ة"): "ه"}
# Hamza on waw and on yeh are spelt both ways in news titles (مسؤول / مسئول).
_HAMZA_SEATS = {ord("ؤ"): "ء", ord("ئ"): "ء"}
_TABLE_TITLE = _TABLE_TEH | _HAMZA_SEATS

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
    """Fold *text* to its search form.

    NFKC (presentation forms and ligatures to letters), harakat, Quranic marks,
    tatweel, bidi controls and joiners dropped, أ إ آ ٱ to ا, ى to ي,
    Arabic-Indic and Eastern digits to ASCII, lower case. ``fold_teh_marbuta``
    also folds ة to ه (informal spelling), at some cost in precision.
    """
    return _fold(text, _TABLE_TEH if fold_teh_marbuta else _TABLE)


def _fold(text: str, table: dict[int, str | None]) -> str:
    return _folder(table)(unicodedata.normalize("NFKC", text)).lower()


class _Folder:
    """``str.translate(table)`` by C-level whole-text passes: one regex removal of the
    dropped characters, then one ``str.replace`` per folded character the text holds.
    The same result (no fold yields a character another step acts on), ten times
    faster on Arabic: translate looks every non-ASCII character up in a dict."""

    def __init__(self, table: dict[int, str | None]) -> None:
        dropped = "".join(chr(c) for c, to in table.items() if to is None)
        self.drop = re.compile("[" + re.escape(dropped) + "]")
        self.folds = [(chr(c), to) for c, to in table.items() if to is not None]
        if any(to in table or ord(to) in table for _, to in self.folds if len(to) == 1):
            raise ValueError("a fold yields a character the table acts on")

    def __call__(self, text: str) -> str:
        if len(text) > _FOLD_PIECE:  # re.sub holds a string per match: a piece at a time
            return "".join(map(self, map(text.__getitem__, map(
                slice, range(0, len(text), _FOLD_PIECE),
                range(_FOLD_PIECE, len(text) + _FOLD_PIECE, _FOLD_PIECE)))))
        if self.drop.search(text):
            text = self.drop.sub("", text)
        for char, to in self.folds:
            if char in text:
                text = text.replace(char, to)
        return text


#: Characters folded at a time (each character folds alone, so any cut is safe): a
#: 50 MB vocalised text folded whole peaked at a gigabyte.
_FOLD_PIECE = 1 << 20

_FOLDERS: dict[int, _Folder] = {}


def _folder(table: dict[int, str | None]) -> _Folder:
    folder = _FOLDERS.get(id(table))
    if folder is None:
        folder = _FOLDERS[id(table)] = _Folder(table)
    return folder


def title_words(text: str) -> list[str]:
    """The words of a title as titles are compared: :func:`normalize`, and also ة as
    ه and ؤ ئ as ء (sites spell these both ways; folding them costs little
    precision when whole titles are compared); punctuation and quotes dropped."""
    return _NORMAL_WORD_RE.findall(_fold(text, _TABLE_TITLE))


def title_key(text: str) -> str:
    """The form two titles are compared in to tell whether they name one article:
    :func:`title_words` run together, since spacing differs too (``عبد الله`` /
    ``عبدالله``, ``بـ «الصباح»`` / ``بـ«الصباح»``), with a space kept only
    between two numbers (``3.5`` is not ``35``)."""
    key = []
    previous = ""
    for word in title_words(text):
        if previous[-1:].isdigit() and word[:1].isdigit():
            key.append(" ")
        key.append(word)
        previous = word
    return "".join(key)


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
