"""Arabic folded for matching: one home for search, in-article find and title matching.

A reader searching types ``اسرائيل`` for ``إسرائيل``, ``عقد`` for ``عُقد``, ``2015`` for
``٢٠١٥``, and never a tatweel; a title linked from another site may spell ``مسئول`` for
``مسؤول``. :func:`fold` is the one form every matcher compares: NFKC (presentation forms
and ligatures to letters), harakat, Quranic marks, tatweel, bidi controls and joiners
dropped, أ إ آ ٱ to ا, ى to ي, Persian yeh and keheh to their Arabic letters,
Arabic-Indic and Eastern digits to ASCII, accented Latin letters to their base letters
(``café`` is found by ``cafe``, as in any search box), lower case. ``teh_marbuta`` also folds ة to ه
(informal spelling) and ``title`` ؤ ئ to ء: those cost precision in free search but not
when whole titles are compared.

:func:`fold_with_map` gives the same folded text with, for each of its characters, the
index of the grapheme cluster it came from, so a match found in the folded form maps
back to whole clusters of the original (a letter is highlighted with its harakat).
Library search and in-article find both fold with :func:`fold`, so every word the
library finds in an article, find finds there too (a property test over the corpus).

Pure functions on strings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reader.text.breaks.graphemes import cluster_starts
from reader.text.sanitize import BIDI_CONTROLS

__all__ = ["fold", "fold_with_map"]

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
_DIGITS: dict[int, str | None] = {
    base + i: str(i) for base in (0x0660, 0x06F0) for i in range(10)
}


def _latin_base_letters() -> dict[int, str | None]:
    """Each precomposed Latin letter with accents (é, Ç, ş, ạ…) to its base letter: NFKC
    composes them, so dropping the combining accents alone would keep them. Only Latin:
    decomposing Arabic would turn ؤ into و and ئ into ي, which are other words."""
    folds: dict[int, str | None] = {}
    for c in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        parts = unicodedata.normalize("NFD", chr(c))
        if len(parts) > 1 and parts[0].isascii() and all(
                unicodedata.combining(mark) for mark in parts[1:]):
            folds[c] = parts[0]
    return folds


_LATIN_FOLDS = _latin_base_letters()

_TABLE: dict[int, str | None] = (
    {c: None for c in _MARKS}
    | {c: None for c in _INVISIBLE}
    | {ord(k): v for k, v in _LETTER_FOLDS.items()}
    | _DIGITS
    | _LATIN_FOLDS
)
_TABLE_TEH = _TABLE | {ord("ة"): "ه"}
# Hamza on waw and on yeh are spelt both ways in news titles (مسؤول / مسئول).
_HAMZA_SEATS = {ord("ؤ"): "ء", ord("ئ"): "ء"}
_TABLE_TITLE = _TABLE_TEH | _HAMZA_SEATS



def fold(text: str, *, teh_marbuta: bool = False, title: bool = False) -> str:
    """The folded form of ``text`` (see the module docstring)."""
    table = _TABLE_TITLE if title else _TABLE_TEH if teh_marbuta else _TABLE
    return _fold(text, table)


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
        folds = {c: to for c, to in table.items() if to is not None}
        if any(ord(to) in table for to in folds.values() if len(to) == 1):
            raise ValueError("a fold yields a character the table acts on")
        # The few Arabic and digit folds by replace; the hundreds of accented Latin
        # letters (rare in this text) by one translate, only when one is there.
        self.folds = [(chr(c), to) for c, to in folds.items() if c not in _LATIN_FOLDS]
        self.latin_table = {c: to for c, to in folds.items() if c in _LATIN_FOLDS}
        latin = "".join(map(chr, self.latin_table))
        self.latin = re.compile("[" + re.escape(latin) + "]") if latin else None

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
        if self.latin is not None and self.latin.search(text):
            text = text.translate(self.latin_table)
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




@lru_cache(maxsize=8192)
def _fold_cluster(cluster: str) -> str:
    return _fold(cluster, _TABLE)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """:func:`fold` of ``text`` and, for each folded character, the start of the grapheme
    cluster of ``text`` it comes from (folding never looks across clusters: NFKC
    composes a letter with its marks, which one cluster holds)."""
    starts = cluster_starts(text)
    chars: list[str] = []
    where: list[int] = []
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        folded = _fold_cluster(text[a:b])
        chars.append(folded)
        where.extend([a] * len(folded))
    return "".join(chars), where
