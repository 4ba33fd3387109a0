"""Find a query in the logical text of paragraphs, forgiving harakat and letter variants.

Matches are logical ranges ``(paragraph, start, end)`` in the paragraph text the
engine laid out; the view turns them into screen cells through each line's
``logical_to_visual`` map, so highlighting is right in any bidi mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

# Folded away: harakat, Quranic marks, superscript alef, tatweel, bidi controls, joiners.
_IGNORED = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)
_FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "\u00a0": " "}


class Match(NamedTuple):
    paragraph: int
    start: int  # logical, in the paragraph text
    end: int


def fold(text: str) -> tuple[str, list[int]]:
    """The searchable form of *text* and, for each of its characters, the source index."""
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char in _IGNORED:
            continue
        folded = _FOLD.get(char, char).casefold()
        for piece in folded:
            chars.append(piece)
            where.append(index)
    return "".join(chars), where


def find_matches(paragraphs: Sequence[str], query: str) -> list[Match]:
    """Every occurrence of *query* in *paragraphs*, in reading order."""
    needle, _ = fold(query.strip())
    if not needle:
        return []
    found: list[Match] = []
    for number, paragraph in enumerate(paragraphs):
        haystack, where = fold(paragraph)
        position = haystack.find(needle)
        while position != -1:
            last = where[position + len(needle) - 1]
            # The match ends after the last matched char and any marks riding on it.
            end = last + 1
            while end < len(paragraph) and paragraph[end] in _IGNORED:
                end += 1
            found.append(Match(number, where[position], end))
            position = haystack.find(needle, position + len(needle))
    return found
