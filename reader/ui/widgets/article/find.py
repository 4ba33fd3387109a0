"""Find a query in the logical text of paragraphs, folded as library search folds it.

Query and paragraphs are compared in :func:`reader.text.folding.fold`'s form, the one
library search indexes: harakat, tatweel and hamza seats on alef forgiven, ى as ي,
Arabic-Indic digits as ASCII, presentation forms as letters. So a word that search finds
in an article, find finds there too.

Matches are logical ranges ``(paragraph, start, end)`` in the paragraph text the
engine laid out, covering whole grapheme clusters (a letter with its harakat); the view
turns them into screen cells through each line's ``logical_to_visual`` map, so
highlighting is right in any bidi mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from reader.text.breaks.graphemes import next_boundary
from reader.text.folding import fold, fold_with_map


class Match(NamedTuple):
    paragraph: int
    start: int  # logical, in the paragraph text
    end: int


def find_matches(paragraphs: Sequence[str], query: str) -> list[Match]:
    """Every occurrence of *query* in *paragraphs*, in reading order."""
    needle = fold(query.strip())
    if not needle:
        return []
    found: list[Match] = []
    for number, paragraph in enumerate(paragraphs):
        if needle not in fold(paragraph):  # C-speed test first: most paragraphs miss
            continue
        haystack, where = fold_with_map(paragraph)
        position = haystack.find(needle)
        while position != -1:
            last = where[position + len(needle) - 1]
            found.append(Match(number, where[position], next_boundary(paragraph, last)))
            position = haystack.find(needle, position + len(needle))
    return found
