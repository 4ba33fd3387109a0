"""Page furniture: the phrases a news page puts around an article.

Headings such as "مقالات ذات صلة" (related articles), "اترك تعليقاً" (leave a
comment), WordPress's comment-form note and the theme's back-to-top button are
not part of the article. The phrases live in ``assets/page_furniture.json`` so
that a new site's wording is a data change, not a code change; this module
loads them once and matches lines against them loosely (see :func:`match_key`),
so that "إقرأ أيضاً" and "اقرأ ايضا" are the same heading.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

from reader.resources import assets_dir

FURNITURE_FILE = "page_furniture.json"

# Harakat, Quranic annotation marks, superscript alef and tatweel carry no
# meaning for matching a heading.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEF_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
# What may surround a heading without changing it: spaces, punctuation, stars,
# bullets, arrows, bidi marks.
_EDGE = " \t\u00a0:：.،,;؛*…-–—_|•·»«›‹<>()[]{}\"'“”‘’!؟?\u200e\u200f\u061c"
_SPACES = re.compile(r"\s+")


def match_key(text: str) -> str:
    """The form of *text* that furniture matching compares.

    NFKC, no harakat or tatweel, one alef for أ إ آ ٱ, ى as ي, case folded,
    surrounding punctuation stripped and runs of spaces collapsed.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _MARKS.sub("", text).translate(_ALEF_FORMS).casefold()
    return _SPACES.sub(" ", text).strip(_EDGE)


class Kind(Enum):
    """What a furniture line is, which decides what the parsers do with it."""

    RELATED = "related"  # heading of a related-links block: its links follow
    COMMENT = "comment"  # heading of the comment form
    COMMENT_NOTE = "comment-note"  # the form's note about the e-mail and required fields
    COMMENTS = "comments"  # heading of the published comments
    BACK_TO_TOP = "back-to-top"
    SHARE = "share"
    TAGS = "tags"


@dataclass(frozen=True)
class Furniture:
    """The phrases, as match keys, and the breadcrumb vocabulary."""

    lines: dict[str, Kind]
    note_prefixes: tuple[str, ...]
    breadcrumb_separators: tuple[str, ...]
    breadcrumb_categories: frozenset[str]

    def kind(self, line: str) -> Kind | None:
        """The kind of furniture *line* is, or None for article text."""
        key = match_key(line)
        if not key:
            return None
        found = self.lines.get(key)
        if found is not None:
            return found
        if any(key.startswith(prefix) for prefix in self.note_prefixes):
            return Kind.COMMENT_NOTE
        return None

    def is_category(self, word: str) -> bool:
        """Whether *word* is a known section name (for breadcrumbs)."""
        return match_key(word) in self.breadcrumb_categories


_SECTIONS = {
    "related_headings": Kind.RELATED,
    "comment_headings": Kind.COMMENT,
    "comment_section_headings": Kind.COMMENTS,
    "back_to_top": Kind.BACK_TO_TOP,
    "share": Kind.SHARE,
    "tag_headings": Kind.TAGS,
}


def load_furniture(path: Path) -> Furniture:
    """Read a furniture file (the bundled one unless a test passes another)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    lines: dict[str, Kind] = {}
    for section, kind in _SECTIONS.items():
        for phrase in data.get(section, []):
            lines.setdefault(match_key(phrase), kind)
    return Furniture(
        lines=lines,
        note_prefixes=tuple(match_key(p) for p in data.get("comment_note_prefixes", [])),
        breadcrumb_separators=tuple(data.get("breadcrumb_separators", [])),
        breadcrumb_categories=frozenset(
            match_key(w) for w in data.get("breadcrumb_categories", [])
        ),
    )


@cache
def furniture() -> Furniture:
    """The bundled furniture phrases, loaded once per process."""
    return load_furniture(assets_dir() / FURNITURE_FILE)
