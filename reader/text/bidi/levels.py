"""Rules P2-I2 for one paragraph: chooses the fast path when it applies."""

from __future__ import annotations

from . import reference
from .classes import classify
from .paragraph import BidiParagraph


def paragraph_levels(
    text: str, base_level: int | None = None, default_level: int = 1
) -> BidiParagraph:
    """Resolve the embedding levels of one paragraph of *text*.

    *base_level* 0 or 1 forces the paragraph direction; ``None`` applies rules P2/P3 (first
    strong letter outside isolates) with *default_level* for paragraphs without one (1, right
    to left, suits Arabic documents; the Unicode default is 0).
    """
    classes = classify(text)
    if base_level is None:
        found = reference.first_strong_level(classes)
        base_level = default_level if found is None else found
    elif base_level not in (0, 1):
        raise ValueError(f"base_level must be 0, 1 or None, not {base_level!r}")
    levels = reference.resolve_levels(text, classes, base_level)
    return BidiParagraph(text, base_level, bytes(levels), classes)


def paragraph_levels_general(
    text: str, base_level: int | None = None, default_level: int = 1
) -> BidiParagraph:
    """:func:`paragraph_levels` always through the general implementation (for tests)."""
    classes = classify(text)
    if base_level is None:
        found = reference.first_strong_level(classes)
        base_level = default_level if found is None else found
    levels = reference.resolve_levels(text, classes, base_level)
    return BidiParagraph(text, base_level, bytes(levels), classes)
