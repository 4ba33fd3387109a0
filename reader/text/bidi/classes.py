"""Bidi_Class of characters as one-letter codes, so whole paragraphs classify at C speed.

A paragraph's classes are a ``str`` with one code per character (``classify``); the rules then
run as string operations over it. Data: Unicode 15.0.0 (``_tables.py``), independent of the
interpreter's ``unicodedata`` version.
"""

from __future__ import annotations

import re

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

EXPLICIT_CODES = "123456789"
REMOVED_BY_X9 = "12345b"  # LRE LRO RLE RLO PDF BN
ISOLATE_INITIATORS = "678"
NEUTRAL_OR_ISOLATE = "BSWO6789"  # NI in N1/N2


def _build_table() -> dict[int, str]:
    """Code point -> code for every non-L code point and for all of ASCII.

    L characters outside ASCII are left unmapped (str.translate keeps them) and turned into
    ``L`` afterwards: a table with every code point would cost tens of megabytes.
    """
    table: dict[int, str] = {cp: "L" for cp in range(0x80)}
    for first, last, name in BIDI_CLASS_RANGES:
        code = CODE_OF_CLASS[name]
        for cp in range(first, last + 1):
            table[cp] = code
    return table


_TABLE = _build_table()
_NOT_A_CODE = re.compile(r"[^\x00-\x7f]")


def classify(text: str) -> str:
    """Return the Bidi_Class codes of *text*, one ASCII letter per character."""
    codes = text.translate(_TABLE)
    if not codes.isascii():
        codes = _NOT_A_CODE.sub("L", codes)
    return codes


def bidi_class(ch: str) -> str:
    """The Unicode 15.0 Bidi_Class name (``"AL"``, ``"NSM"``, ...) of one character."""
    return CLASS_OF_CODE[_TABLE.get(ord(ch), "L")]
