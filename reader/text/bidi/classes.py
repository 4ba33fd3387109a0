"""Bidi_Class of characters as one-letter codes, so whole paragraphs classify at C speed.

A paragraph's classes are a ``str`` with one code per character (``classify``); the rules then
run as string operations over it. Data: Unicode 15.0.0 (``_tables.py``), independent of the
interpreter's ``unicodedata`` version.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ._tables import BIDI_CLASS_RANGES

# One ASCII letter per Bidi_Class. Explicit formatting characters are digits so that
# "has any explicit embedding, override or isolate" is one regex test.
CODE_OF_CLASS: dict[str, str] = {
    "L": "L", "R": "R", "AL": "A", "EN": "E", "ES": "s", "ET": "t", "AN": "n", "CS": "c",
    "NSM": "m", "BN": "b", "B": "B", "S": "S", "WS": "W", "ON": "O",
    "LRE": "1", "LRO": "2", "RLE": "3", "RLO": "4", "PDF": "5",
    "LRI": "6", "RLI": "7", "FSI": "8", "PDI": "9",
}
CLASS_OF_CODE: dict[str, str] = {code: name for name, code in CODE_OF_CLASS.items()}

REMOVED_BY_X9 = "12345b"  # LRE LRO RLE RLO PDF BN
ISOLATE_INITIATORS = "678"


def _build_table() -> dict[int, str]:
    """Code point -> code for every non-L code point and for all of ASCII.

    L characters outside ASCII are left unmapped (str.translate keeps them) and turned into
    ``L`` afterwards: a table with every code point would cost tens of megabytes. Built on
    first use (a few milliseconds): :func:`classify` reads the per-block tables instead.
    """
    table: dict[int, str] = {cp: "L" for cp in range(0x80)}
    for first, last, name in BIDI_CLASS_RANGES:
        code = CODE_OF_CLASS[name]
        for cp in range(first, last + 1):
            table[cp] = code
    return table


_TABLE: dict[int, str] = {}
_NOT_A_CODE = re.compile(r"[^\x00-\x7f]")
_RANGE_STARTS = [first for first, _last, _name in BIDI_CLASS_RANGES]

# For the fast classification: per block of 256 code points (the high bits), a
# bytes.translate table from the low byte to the code, and a table that selects (0xFF)
# that high byte. Built from the ranges for the blocks text actually uses.
_LOW_TABLES: dict[int, bytes] = {}
_SELECT: dict[int, bytes] = {}
_COMMON_BLOCKS = b"\x00\x06"  # ASCII/Latin-1 and Arabic
_SHORT = 24  # below this length the per-character lookup costs less than the set-up


def _low_table(high: int) -> bytes:
    table = _LOW_TABLES.get(high)
    if table is None:
        base, end = high << 8, (high << 8) | 0xFF
        codes = bytearray(b"L" * 256)
        index = max(0, bisect_right(_RANGE_STARTS, base) - 1)
        for first, last, name in BIDI_CLASS_RANGES[index:]:
            if first > end:
                break
            low, high_cp = max(first, base), min(last, end)
            if low <= high_cp:
                codes[low - base : high_cp - base + 1] = (
                    CODE_OF_CLASS[name].encode("ascii") * (high_cp - low + 1)
                )
        table = bytes(codes)
        _LOW_TABLES[high] = table
        if high < 0x100:
            _SELECT[high] = bytes(0xFF if byte == high else 0 for byte in range(256))
    return table


def _classify_by_dict(text: str) -> str:
    """The classes through one dict of every non-L code point (the reference the
    per-block tables are tested against)."""
    if not _TABLE:
        _TABLE.update(_build_table())
    codes = text.translate(_TABLE)
    if not codes.isascii():
        codes = _NOT_A_CODE.sub("L", codes)
    return codes


def _classify_short(text: str) -> str:
    return "".join([chr(_low_table(cp >> 8)[cp & 0xFF]) for cp in map(ord, text)])


def classify(text: str) -> str:
    """Return the Bidi_Class codes of *text*, one ASCII letter per character.

    Characters of the Basic Multilingual Plane are classified with ``bytes.translate`` on
    the low bytes of their UTF-16 code units, one table per high byte (block of 256) present,
    combined with masks: a handful of C-speed passes instead of a dict lookup per character.
    """
    if text.isascii():
        return text.encode("ascii").translate(_low_table(0)).decode("ascii")
    if len(text) < _SHORT:
        return _classify_short(text)
    data = text.encode("utf-16-be", "surrogatepass")
    size = len(text)
    if len(data) != 2 * size:  # characters beyond the BMP (surrogate pairs)
        return _classify_short(text)
    high = data[0::2]
    low = data[1::2]
    rest = high.translate(None, _COMMON_BLOCKS)
    blocks = [block for block in _COMMON_BLOCKS if bytes((block,)) in high]
    if rest:
        blocks.extend(set(rest))
    if len(blocks) == 1:
        return low.translate(_low_table(blocks[0])).decode("ascii")
    combined = 0
    for block in blocks:
        codes = int.from_bytes(low.translate(_low_table(block)), "big")
        combined |= codes & int.from_bytes(high.translate(_SELECT[block]), "big")
    return combined.to_bytes(size, "big").decode("ascii")


def bidi_class(ch: str) -> str:
    """The Unicode 15.0 Bidi_Class name (``"AL"``, ``"NSM"``, ...) of one character."""
    cp = ord(ch)
    return CLASS_OF_CODE[chr(_low_table(cp >> 8)[cp & 0xFF])]
