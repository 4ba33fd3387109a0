"""Line_Break classes of a whole paragraph as one-letter codes, at C speed.

Wrapping asks UAX #14 about every paragraph, but almost every word of a text holds only
letters, digits, marks and sentence punctuation, for which the answer is known without
running the rules. :func:`line_break_codes` classifies a paragraph in a few
``bytes.translate`` passes (one table per block of 256 code points present, as
:mod:`reader.text.bidi.classes` does for Bidi_Class) so that a regex finds the few words
that need the rules.
"""

from __future__ import annotations

from functools import cache

from .properties import LINE_BREAK

__all__ = ["CODES", "code_of", "line_break_codes"]

#: letters (AL, HL), digits (NU), marks (CM, ZWJ), spaces, IS, EX, OP, CP, QU; else "x"
_CODE = {
    "AL": "A", "HL": "A", "NU": "N", "CM": "M", "ZWJ": "M", "SP": " ", "IS": "I", "EX": "E",
    "OP": "O", "CP": "C", "QU": "Q",
}


#: every code :func:`line_break_codes` gives
CODES = "ANMIEOCQx "


def code_of(ch: str) -> str:
    """The code of one character (see :func:`line_break_codes`)."""
    return _CODE.get(LINE_BREAK[ch], "x")


@cache
def _block(high: int) -> bytes:
    """Per low byte, the code of the character ``high * 256 + low``."""
    return bytes(
        ord(_CODE.get(LINE_BREAK[chr(high << 8 | low)], "x")) for low in range(256)
    )


@cache
def _select(high: int) -> bytes:
    return bytes(0xFF if byte == high else 0 for byte in range(256))


def line_break_codes(text: str) -> str:
    """One code per character of ``text``: ``A`` letter, ``N`` digit, ``M`` mark, `` ``
    space, ``I`` infix separator (IS), ``E`` exclamation (EX), ``O`` opening and ``C``
    closing bracket (OP, CP; not the East Asian wide ones), ``Q`` quotation mark (QU),
    ``x`` anything else."""
    data = text.encode("utf-16-be", "surrogatepass")
    if len(data) != 2 * len(text):  # beyond the Basic Multilingual Plane: one by one
        return "".join(_CODE.get(LINE_BREAK[ch], "x") for ch in text)
    high, low = data[0::2], data[1::2]
    blocks = set(high)
    if len(blocks) == 1:
        return low.translate(_block(blocks.pop())).decode("ascii")
    combined = 0
    for block in blocks:
        codes = int.from_bytes(low.translate(_block(block)), "big")
        combined |= codes & int.from_bytes(high.translate(_select(block)), "big")
    return combined.to_bytes(len(text), "big").decode("ascii")
