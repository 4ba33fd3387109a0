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
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

from reader.resources import assets_dir
from reader.text.folding import fold

FURNITURE_FILE = "page_furniture.json"
#: A line matches a phrase when it is at most this many times as long (spaces,
#: harakat, punctuation around it).
_SLACK = 2

# Harakat, Quranic annotation marks, superscript alef and tatweel carry no
# meaning for matching a heading.
# What may surround a heading without changing it: spaces, punctuation, stars,
# bullets, arrows, bidi marks.
_EDGE = " \t\u00a0:：.،,;؛*…-–—_|•·»«›‹<>()[]{}\"'“”‘’!؟?\u200e\u200f\u061c"
_SPACES = re.compile(r"\s+")
# What separates "اقرأ أيضا" from the title of the link it introduces.
_INLINE_SEPARATORS = (":", "：", " - ", " – ", " | ", "»", "..")


def match_key(text: str) -> str:
    """The form of *text* that furniture matching compares.

    Arabic folded as search folds it (:func:`reader.text.folding.fold`: no harakat
    or tatweel, one alef for أ إ آ ٱ, ى as ي, lower case), surrounding punctuation
    stripped and runs of spaces collapsed.
    """
    text = fold(text)
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
    DISCLAIMER = "disclaimer"  # "the opinions below are not the site's", "all rights reserved"


@dataclass(frozen=True)
class Furniture:
    """The phrases, as match keys, and the breadcrumb vocabulary."""

    lines: dict[str, Kind]
    prefixes: tuple[tuple[str, Kind], ...]
    breadcrumb_separators: tuple[str, ...]
    breadcrumb_categories: frozenset[str]
    byline_prefixes: tuple[str, ...] = ()
    max_chars: int = 200  # longest line worth matching: twice the longest phrase

    def kind(self, line: str) -> Kind | None:
        """The kind of furniture *line* is, or None for article text."""
        # Furniture is short: a long line can only start with a prefix phrase, so
        # only its head is looked at, which keeps this cheap on long paragraphs.
        head = line[: self.max_chars]
        key = match_key(head)
        if not key:
            return None
        found = self.lines.get(key) if len(head) == len(line) else None
        if found is not None:
            return found
        for prefix, prefix_kind in self.prefixes:
            if key.startswith(prefix):
                return prefix_kind
        return None

    def inline_related(self, line: str) -> str | None:
        """The link title of an inline "اقرأ أيضا: <title>" line, or None for other lines."""
        head = line[: self.max_chars]
        for separator in _INLINE_SEPARATORS:
            label, found, _ = head.partition(separator)
            if found and self.lines.get(match_key(label)) is Kind.RELATED:
                title = line[len(label) + len(separator) :].strip()
                return title or None
        return None

    def is_category(self, word: str) -> bool:
        """Whether *word* is a known section name (for breadcrumbs)."""
        return match_key(word) in self.breadcrumb_categories

    def without_byline(self, author: str) -> str:
        """*author* without a leading "كتب" / "بقلم" / "By" (and a colon after it)."""
        words = author.split(None, 1)
        if len(words) == 2 and match_key(words[0]) in self.byline_prefixes:
            return words[1].lstrip(":： ").strip()
        key = author.casefold()
        for prefix in self.byline_prefixes:
            if (
                " " in prefix
                and key.startswith(prefix)
                and key[len(prefix) : len(prefix) + 1] in " :"
            ):
                return author[len(prefix) :].lstrip(":： ").strip()
        return author


_SECTIONS = {
    "related_headings": Kind.RELATED,
    "comment_headings": Kind.COMMENT,
    "comment_section_headings": Kind.COMMENTS,
    "back_to_top": Kind.BACK_TO_TOP,
    "share": Kind.SHARE,
    "tag_headings": Kind.TAGS,
}

_PREFIX_SECTIONS = {
    "comment_note_prefixes": Kind.COMMENT_NOTE,
    "disclaimer_prefixes": Kind.DISCLAIMER,
}


def load_furniture(path: Path) -> Furniture:
    """Read a furniture file (the bundled one unless a test passes another)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    lines: dict[str, Kind] = {}
    longest = 0
    for section, kind in _SECTIONS.items():
        for phrase in data.get(section, []):
            lines.setdefault(match_key(phrase), kind)
            longest = max(longest, len(phrase))
    for section in _PREFIX_SECTIONS:
        longest = max([longest, *(len(phrase) for phrase in data.get(section, []))])
    return Furniture(
        max_chars=_SLACK * longest,
        lines=lines,
        prefixes=tuple(
            (match_key(phrase), kind)
            for section, kind in _PREFIX_SECTIONS.items()
            for phrase in data.get(section, [])
        ),
        breadcrumb_separators=tuple(data.get("breadcrumb_separators", [])),
        byline_prefixes=tuple(match_key(w) for w in data.get("byline_prefixes", [])),
        breadcrumb_categories=frozenset(
            match_key(w) for w in data.get("breadcrumb_categories", [])
        ),
    )


@cache
def furniture() -> Furniture:
    """The bundled furniture phrases, loaded once per process."""
    return load_furniture(assets_dir() / FURNITURE_FILE)
