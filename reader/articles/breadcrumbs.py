"""Breadcrumbs: the section path a saved page shows above its title.

A page saved as text may keep them as "الرئيسية » العالم", or with the
separators lost and the words run together ("العالمرئيسي" = "العالم" +
"رئيسي"). Run-together crumbs are split only where the pieces are all known
section names (``breadcrumb_categories`` in the furniture file): a line that
cannot be covered by known names is not taken for breadcrumbs at all.
"""

from __future__ import annotations

from functools import cache

from reader.articles.furniture import Furniture, match_key

#: Breadcrumb lines are short; anything longer is a title or text.
MAX_CHARS = 120
#: A crumb between separators has at most this many words.
MAX_CRUMB_WORDS = 6


def split_breadcrumbs(line: str, furniture: Furniture) -> list[str] | None:
    """The crumbs of *line*, or None when the line does not look like breadcrumbs."""
    line = line.strip()
    if not line or len(line) > MAX_CHARS:
        return None
    parts = _split_on_separators(line, furniture.breadcrumb_separators)
    if len(parts) >= 2:
        if all(len(part.split()) <= MAX_CRUMB_WORDS for part in parts):
            return parts
        return None
    return _segment(line, _compact_categories(furniture.breadcrumb_categories))


def _split_on_separators(line: str, separators: tuple[str, ...]) -> list[str]:
    parts = [line]
    for separator in separators:
        parts = [piece for part in parts for piece in part.split(separator)]
    return [part.strip() for part in parts if part.strip()]


@cache
def _compact_categories(categories: frozenset[str]) -> frozenset[str]:
    """Category keys without spaces, so "الشرق الأوسط" matches with or without one."""
    return frozenset(key.replace(" ", "") for key in categories)


def _segment(line: str, categories: frozenset[str]) -> list[str] | None:
    """Cover *line* with the fewest known section names (pieces cut at any character).

    Dynamic programming over end positions; a piece is a slice of the original
    line (trimmed), so the crumbs keep the page's spelling.
    """
    n = len(line)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(end):
            before = best[start]
            if before is None:
                continue
            piece = line[start:end].strip()
            if not piece:
                if line[start:end].isspace():
                    candidate = before
                else:
                    continue
            elif match_key(piece).replace(" ", "") in categories:
                candidate = [*before, piece]
            else:
                continue
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    found = best[n]
    return found if found else None
