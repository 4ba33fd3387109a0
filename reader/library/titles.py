"""Finding the stored article a related link names by its title alone.

Saved pages kept as text, and many JSON records, keep a related link's title
but not its address. Such a link names a stored article whose title is the same
once both are folded by :func:`reader.library.normalize.title_key` (harakat,
hamza forms, tatweel, ة/ه, punctuation, quotes and spacing ignored), allowing
for two more differences real titles have:

- a trailing site or media name after a dash or a bar ("... - الشرق الأوسط",
  "... - فيديو"): one side may carry it and the other not. A tail counts as such
  a name when it is at most :data:`MAX_SUFFIX_WORDS` words and leaves at least
  :data:`MIN_HEAD_WORDS` (the corpus has "أميركا تحاكم أردنيًا - أميركيًا بتهمة
  دعم «داعش»", whose dash is part of the title);
- a title cut short with "..." or "…": it names the stored article whose title
  starts with what is left, when that is at least :data:`MIN_PREFIX_WORDS`
  words and no other stored title starts the same way (the corpus has
  "الجبير: تطوير العلاقات مع إيران..." and "الجبير: تطوير علاقتنا مع إيران...";
  "الجبير: تطوير..." names neither).

The match is made when the related links are asked for, against keys stored with
each article (``articles.title_key`` and ``title_base_key``, indexed), not at
import: an article page lists a handful of links, each found by an index lookup,
while resolving at import would need a second pass whenever a later import
brings a link's target (and again when one is deleted or the folding changes).
Where several stored articles have the title (one wire story in two papers),
the one from the linking article's source is taken, else the first stored.
"""

from __future__ import annotations

import re
import sqlite3
from typing import NamedTuple

from reader.library.normalize import title_key, title_order, title_words

MAX_SUFFIX_WORDS = 3
MIN_HEAD_WORDS = 2
MIN_PREFIX_WORDS = 3
#: A cut title is compared with at most this many stored titles that start like it.
PREFIX_CANDIDATES = 20

# A dash or bar with space on both sides: what sites put before their name.
_SEPARATOR = re.compile(r"\s+(?:[-–—|]|::)\s+")
_ELLIPSIS_AT_END = re.compile(r"(?:\.\.\.|…)[\s\"'»”’)]*$")
# Above every character a title key holds: the end of a prefix range.
_AFTER_ALL = "\U0010ffff"


class LinkKeys(NamedTuple):
    """How a link's title is looked up: folded whole, and without a trailing site
    name when it has one; or, when it was cut short, as a prefix (None when too
    short to name anything)."""

    full: str
    base: str | None = None
    cut: bool = False
    prefix: str | None = None


def _split_suffix(title: str) -> tuple[str, str] | None:
    """(head, tail) when *title* ends with a short name after a dash or bar."""
    separators = list(_SEPARATOR.finditer(title))
    if not separators:
        return None
    last = separators[-1]
    head, tail = title[: last.start()], title[last.end() :]
    if _ELLIPSIS_AT_END.search(tail):
        return None  # a cut title, not a name
    tail_words = len(title_words(tail))
    if 1 <= tail_words <= MAX_SUFFIX_WORDS and len(title_words(head)) >= MIN_HEAD_WORDS:
        return head, tail
    return None


def stored_title_keys(title: str) -> tuple[str, str | None, str]:
    """The keys stored with an article: its folded title, the same without a
    trailing site name (None when it has none), and the key the list sorts titles by
    (:func:`reader.library.normalize.title_order`)."""
    split = _split_suffix(title)
    words = title_words(title)
    base = title_key(split[0]) if split else None
    return title_key(title, words), base, title_order(title, words)


def link_keys(title: str) -> LinkKeys:
    """The keys a link's *title* is looked up by."""
    split = _split_suffix(title)
    head = split[0] if split else None
    for text in (title, head):
        if text and _ELLIPSIS_AT_END.search(text):
            enough = len(title_words(text)) >= MIN_PREFIX_WORDS
            prefix = title_key(text) if enough else None
            return LinkKeys(title_key(title), cut=True, prefix=prefix)
    return LinkKeys(title_key(title), title_key(head) if head else None)


_Row = tuple[str, str | None, str]  # id, source, title key


def _pick(rows: list[_Row], source: str | None) -> str | None:
    """The article among *rows* (one title): the linking article's source first."""
    for article_id, row_source, _key in rows:
        if source and row_source == source:
            return article_id
    return rows[0][0] if rows else None


def find_titled_article(
    connection: sqlite3.Connection,
    title: str,
    *,
    source: str | None = None,
    exclude: str | None = None,
) -> str | None:
    """The id of the stored article a link titled *title* names, or None.

    *source* is the linking article's (preferred among equal titles); *exclude* its
    id (a page does not link to itself).
    """
    keys = link_keys(title)
    if keys.cut:
        return _by_prefix(connection, keys.prefix, source, exclude) if keys.prefix else None
    if not keys.full:
        return None
    lookups = [("title_key", keys.full)]
    if keys.base:
        lookups.append(("title_key", keys.base))  # the link carries a site name
    lookups.append(("title_base_key", keys.full))  # the stored title does
    for column, key in lookups:
        rows = connection.execute(
            f"SELECT id, source, title_key FROM articles WHERE {column} = ? AND id != ? "
            "ORDER BY key",
            (key, exclude or ""),
        ).fetchall()
        if rows:
            return _pick(rows, source)
    return None


def _by_prefix(
    connection: sqlite3.Connection, prefix: str, source: str | None, exclude: str | None
) -> str | None:
    """The one stored article whose title starts with *prefix* (that whole title
    included: a title cut short may have been cut at its end), or None when several
    do: a cut title that fits two stored ones names neither."""
    rows = connection.execute(
        "SELECT id, source, title_key FROM articles WHERE title_key >= ? AND title_key < ? "
        "AND id != ? ORDER BY title_key, key LIMIT ?",
        (prefix, prefix + _AFTER_ALL, exclude or "", PREFIX_CANDIDATES),
    ).fetchall()
    if len({key for _id, _source, key in rows}) > 1:
        return None
    return _pick(rows, source)
