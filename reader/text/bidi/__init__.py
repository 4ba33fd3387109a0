"""The Unicode Bidirectional Algorithm (UAX #9, Unicode 15.0.0), in pure Python.

- :func:`paragraph_levels` resolves the embedding levels of one paragraph (rules P2-I2);
- :func:`reorder_line` gives the visual order of one line of it (rules L1-L3);
- :func:`mirror_char` is rule L4 (Bidi_Mirroring_Glyph), applied by the layout.

The whole algorithm is implemented exactly, and conformance is checked against all of
BidiTest.txt and BidiCharacterTest.txt.
"""

from __future__ import annotations

from .classes import bidi_class, classify
from .levels import paragraph_levels
from .mirroring import has_mirror_glyph, is_mirrored, mirror_char
from .paragraph import BidiParagraph
from .reorder import reorder_line

__all__ = [
    "BidiParagraph",
    "bidi_class",
    "classify",
    "has_mirror_glyph",
    "is_mirrored",
    "mirror_char",
    "paragraph_levels",
    "reorder_line",
]
