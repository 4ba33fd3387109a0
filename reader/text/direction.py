"""A paragraph's base direction (UAX #9 rules P2 and P3).

The first strong character (L, R or AL) decides, skipping the text inside
isolates (LRI, RLI, FSI up to the matching PDI). A paragraph with no strong
character (a number, a date, punctuation) takes the document's direction,
right-to-left for an Arabic article, so a line of digits between Arabic
paragraphs is aligned like its neighbours.

This is the cheap path the ``terminal`` mode needs (it has no levels to
compute); ``app`` mode gets the same answer from :mod:`reader.text.bidi`. Both read
the engine's Unicode 15.0 Bidi_Class table, not the interpreter's :mod:`unicodedata`
(Unicode 14.0 in Python 3.11, where letters added in 15.0 have no class), so every
part of the reader decides a paragraph's direction alike.
"""

from __future__ import annotations

from reader.text.bidi.classes import bidi_class
from reader.text.isolates import without_addresses

__all__ = ["base_level", "is_rtl_direction"]

_ISOLATE_OPEN = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI
_PDI = "\u2069"
_STRONG: dict[str, int] = {}  # char -> 0 (L), 1 (R, AL) or -1 (not strong); filled lazily


def is_rtl_direction(direction: str) -> bool:
    """``"rtl"`` -> True, ``"ltr"`` -> False; anything else is a programming error."""
    if direction not in ("rtl", "ltr"):
        raise ValueError(f"direction must be 'rtl' or 'ltr', not {direction!r}")
    return direction == "rtl"


def base_level(text: str, default_level: int = 1) -> int:
    """0 (left-to-right) or 1 (right-to-left) for one paragraph, by rules P2/P3 (which
    skip isolates: the addresses the layout isolates too, see :mod:`reader.text.isolates`)."""
    text = without_addresses(text)
    depth = 0
    strong = _STRONG
    for ch in text:
        level = strong.get(ch)
        if level is None:
            kind = bidi_class(ch)
            level = 0 if kind == "L" else 1 if kind in ("R", "AL") else -1
            strong[ch] = level
        if level >= 0:
            if depth == 0:
                return level
        elif ch in _ISOLATE_OPEN:
            depth += 1
        elif ch == _PDI and depth:
            depth -= 1
    return default_level
