"""Plain text articles: a title line, a blank line, then one paragraph a line.

This is how the SaudiNewsNet-derived texts are stored. The first line is the
title when it is short enough to be one (:data:`TITLE_MAX_CHARS`); a file that
opens with a long line (a bare text, such as a vocalised classical passage)
has no title line, and the title is made from its first words. Blank lines
only separate paragraphs; every other line is a paragraph of its own (stored
articles are one paragraph a line, never hard-wrapped).
"""

from __future__ import annotations

from reader.articles.direction import text_direction
from reader.articles.fields import clean_line, fallback_title
from reader.articles.model import Article
from reader.errors import InputError
from reader.i18n.sentence import Sentence

FORMAT = "plain-text"

#: A first line longer than this is a paragraph, not a title.
TITLE_MAX_CHARS = 200


def parse_plain_text(lines: list[str], source: str) -> Article:
    """Build an article from sanitized, trimmed, non-blank *lines*.

    *source* is the display name used in errors and as the article's origin.
    """
    if not lines:
        raise InputError(source, Sentence("input.blank"))
    if len(lines[0]) <= TITLE_MAX_CHARS:
        title, paragraphs = clean_line(lines[0]), lines[1:]
    else:
        title, paragraphs = "", lines
    if not title:
        title = fallback_title(paragraphs, source)
    return Article(
        title=title,
        paragraphs=list(paragraphs),
        direction=text_direction([title, *paragraphs]),
        origin=source,
        format=FORMAT,
    )
