"""Rules P2-I2 for one paragraph: the fast path when it applies, else the general one."""

from __future__ import annotations

import re

from . import fast
from .classes import classify
from .paragraph import BidiParagraph

_EXPLICIT = re.compile(r"[1-9]")
_FIRST_STRONG_OR_END = re.compile(r"[LRAB]")
_REMOVED_RUNS = re.compile(r"b+")


def _base_level(classes: str, base_level: int | None, default_level: int, explicit: bool) -> int:
    """Rules P2/P3 (or the caller's choice)."""
    if base_level is not None:
        if base_level not in (0, 1):
            raise ValueError(f"base_level must be 0, 1 or None, not {base_level!r}")
        return base_level
    if explicit:
        from . import reference  # (explicit formatting is rare: imported when it comes)

        found = reference.first_strong_level(classes)
    else:
        match = _FIRST_STRONG_OR_END.search(classes)
        found = None if match is None or match.group() == "B" else int(match.group() != "L")
    return default_level if found is None else found


def paragraph_levels(
    text: str, base_level: int | None = None, default_level: int = 1
) -> BidiParagraph:
    """Resolve the embedding levels of one paragraph of *text*.

    *base_level* 0 or 1 forces the paragraph direction; ``None`` applies rules P2/P3 (first
    strong letter outside isolates) with *default_level* for paragraphs without one (1, right
    to left, suits Arabic documents; the Unicode default is 0).
    """
    classes = classify(text)
    # Class codes are letters except the digits of explicit formatting characters.
    explicit = not classes.isalpha() and _EXPLICIT.search(classes) is not None
    base = _base_level(classes, base_level, default_level, explicit)
    if explicit:
        from . import reference

        levels = bytes(reference.resolve_levels(text, classes, base))
    elif "b" not in classes:
        levels = fast.resolve_implicit(text, classes, base)
    else:
        levels = _without_removed(text, classes, base)
    return BidiParagraph(text, base, levels, classes)


def _without_removed(text: str, classes: str, base: int) -> bytes:
    """The fast path with BN characters (ZWJ, ZWNJ, soft hyphen...) taken out (rule X9) and
    put back with the level of the character before them."""
    runs = [(run.start(), run.end()) for run in _REMOVED_RUNS.finditer(classes)]
    kept_text = []
    kept_classes = []
    position = 0
    for start, end in runs:
        kept_text.append(text[position:start])
        kept_classes.append(classes[position:start])
        position = end
    kept_text.append(text[position:])
    kept_classes.append(classes[position:])
    kept = fast.resolve_implicit("".join(kept_text), "".join(kept_classes), base)
    levels = bytearray()
    position = kept_position = 0
    for start, end in runs:
        kept_position += start - position
        levels += kept[kept_position - (start - position) : kept_position]
        previous = levels[-1] if levels else base
        levels += bytes([previous]) * (end - start)
        position = end
    levels += kept[kept_position:]
    return bytes(levels)


def paragraph_levels_general(
    text: str, base_level: int | None = None, default_level: int = 1
) -> BidiParagraph:
    """:func:`paragraph_levels` always through the general implementation (for tests)."""
    from . import reference

    classes = classify(text)
    base = _base_level(classes, base_level, default_level, explicit=True)
    return BidiParagraph(text, base, bytes(reference.resolve_levels(text, classes, base)), classes)
