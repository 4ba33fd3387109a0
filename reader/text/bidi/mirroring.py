"""Bidi_Mirroring_Glyph (rule L4) and bracket pairs (rule N0), Unicode 15.0.0."""

from __future__ import annotations

import unicodedata

from ._tables import BRACKET_PAIRS, MIRRORING_GLYPHS

#: Bidi_Mirroring_Glyph of each character that has one (every one is of class ON)
MIRROR_GLYPHS: dict[str, str] = {chr(code): chr(glyph) for code, glyph in MIRRORING_GLYPHS}
# str.translate table for mirroring a whole run at once.
MIRROR_TABLE: dict[int, int] = dict(MIRRORING_GLYPHS)

# Bidi_Paired_Bracket_Type Open/Close, mapped to a key shared by both brackets of a pair.
# U+2329/U+232A are canonically equivalent to U+3008/U+3009 and pair with them (BD16).
_CANONICAL = {0x2329: 0x3008, 0x232A: 0x3009}
OPENING_BRACKETS: dict[str, int] = {}
CLOSING_BRACKETS: dict[str, int] = {}
for _opening, _closing in BRACKET_PAIRS:
    OPENING_BRACKETS[chr(_opening)] = _CANONICAL.get(_opening, _opening)
    CLOSING_BRACKETS[chr(_closing)] = _CANONICAL.get(_opening, _opening)
del _opening, _closing
BRACKET_CHARS = frozenset(OPENING_BRACKETS) | frozenset(CLOSING_BRACKETS)


def mirror_char(ch: str) -> str:
    """The Bidi_Mirroring_Glyph of *ch*, or *ch* itself when it has none (rule L4)."""
    return MIRROR_GLYPHS.get(ch, ch)


def has_mirror_glyph(ch: str) -> bool:
    """Whether *ch* has a Bidi_Mirroring_Glyph, i.e. draws differently at an odd level."""
    return ch in MIRROR_GLYPHS


def is_mirrored(ch: str) -> bool:
    """The Bidi_Mirrored property (identical in Unicode 14.0 and 15.0: no 15.0 addition has it).

    Some mirrored characters (such as U+2211 N-ARY SUMMATION) have no mirroring glyph; a
    renderer would need a mirrored font glyph for them, which a terminal cannot draw.
    """
    return unicodedata.mirrored(ch) == 1
