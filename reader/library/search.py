"""Ranked full-text search: FTS5 over the normalised text, snippets from the original.

A query word matches an article word when one of its readings (itself, without
its attached prefixes, its stem: :func:`reader.library.stemming.search_forms`) is
among the article word's readings. A reading that is a word of the title counts
most, then one of the body, then one that is only another word's reading
(BM25 column weights).
All query words must match; when no article has them all, any may.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any

from reader.library.models import SearchHit
from reader.library.normalize import (
    WORD_RE,
    normalize,
    normalize_word,
    normalized_words,
)
from reader.library.stemming import search_forms
from reader.text.sanitize import sanitize_line

# BM25 weights of the columns title, body, forms (see migration 0002).
COLUMN_WEIGHTS = (6.0, 2.0, 1.0)
SNIPPET_CHARS = 160
# Words examined from the first match on: more than a snippet holds.
_WINDOW_WORDS = 60
_NORMAL_WORD = re.compile(r"[^\W_]+")
#: A body longer than this is folded paragraph by paragraph for its snippet.
_FOLD_WHOLE_CHARS = 1 << 16


@dataclass(frozen=True)
class Query:
    """A parsed query: its normalised words and the readings each may match."""

    words: tuple[str, ...]
    forms: tuple[frozenset[str], ...]

    @classmethod
    def parse(cls, text: str) -> Query:
        words = tuple(dict.fromkeys(normalized_words(text)))
        return cls(words, tuple(frozenset(search_forms(w)) for w in words))

    def match_expression(self, operator: str = "AND") -> str:
        """The FTS5 MATCH expression: any reading of each word, as a word (title, body) or
        as another word's reading (forms)."""
        parts = []
        for forms in self.forms:
            readings = " OR ".join(_quote(f) for f in sorted(forms))
            parts.append(f"({readings})")
        return f" {operator} ".join(parts)


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def search(connection: sqlite3.Connection, text: str, limit: int = 20) -> list[SearchHit]:
    """Articles matching *text*, best first, each with a snippet of its original text."""
    return list(iter_search(connection, text, limit))


def iter_search(connection: sqlite3.Connection, text: str, limit: int = 20) -> Iterator[SearchHit]:
    """:func:`search` one hit at a time, each row read from SQLite as it is wanted, so
    that 100,000 hits (and their bodies) are never held at once."""
    query = Query.parse(text)
    if not query.words or limit <= 0:
        return
    rows = _ranked(connection, query.match_expression("AND"), limit)
    first = next(rows, None)
    if first is None:
        if len(query.words) < 2:
            return
        rows = _ranked(connection, query.match_expression("OR"), limit)
        first = next(rows, None)
        if first is None:
            return
    cache: dict[str, int] = {}
    for article_id, title, body, date, source, rank in chain((first,), rows):
        snippet, highlights = make_snippet(body, query)
        title_matches = tuple((s, e) for s, e, _ in _original_matches(title, query, cache))
        title, title_matches = _clean_snippet(title, title_matches)
        yield SearchHit(
            article_id=article_id,
            title=title,
            snippet=snippet,
            score=-rank,
            date=date,
            source=source,
            highlights=highlights,
            title_highlights=title_matches,
        )


def _ranked(
    connection: sqlite3.Connection, expression: str, limit: int
) -> Iterator[tuple[Any, ...]]:
    weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
    return connection.execute(
        f"""
        WITH matches AS (
            SELECT rowid AS key, bm25(article_search, {weights}) AS rank
            FROM article_search WHERE article_search MATCH ?
            ORDER BY rank LIMIT ?
        )
        SELECT a.id, a.title, a.body, a.date, a.source, m.rank
        FROM matches AS m
        JOIN articles AS a ON a.key = m.key
        ORDER BY m.rank
        """,
        (expression, limit),
    )


def _query_word_of(word: str, query: Query, cache: dict[str, int]) -> int:
    """Index of the query word that normalised *word* matches, or -1 (memoised in *cache*)."""
    which = cache.get(word)
    if which is None:
        which = -1
        readings = search_forms(word)
        for index, forms in enumerate(query.forms):
            if not forms.isdisjoint(readings):
                which = index
                break
        cache[word] = which
    return which


def _original_matches(
    paragraph: str, query: Query, cache: dict[str, int]
) -> list[tuple[int, int, int]]:
    """(start, end, query word index) of the words of ORIGINAL *paragraph* that match.

    The slow way, word by word; used when normalising changed the number of words
    (a ligature such as ﷺ expands to four), so positions cannot be carried over.
    """
    found = []
    for match in WORD_RE.finditer(paragraph):
        for token in _NORMAL_WORD.findall(normalize_word(match.group())):
            which = _query_word_of(token, query, cache)
            if which >= 0:
                found.append((match.start(), match.end(), which))
                break
    return found


def _same_word(paragraph: str, span: tuple[int, int], word: str) -> bool:
    """Whether the original word at *span* normalises to *word*."""
    return word in _NORMAL_WORD.findall(normalize_word(paragraph[span[0] : span[1]]))


def _paragraph_matches(
    paragraph: str, folded: str, query: Query, cache: dict[str, int]
) -> list[tuple[int, int, int]]:
    """(start, end, query word) of the matching words of *paragraph* near its first one.

    Only the words from the first piece of a query word on are matched one by one;
    the n-th normalised word is the n-th word of the original (harakat, tatweel and
    joiners stay inside their word), which is checked for each match. When that
    finds nothing (the piece was inside another word: عقد in معقد), or the words do
    not line up, the whole paragraph is matched the slow way.
    """
    first_piece = min(
        found for forms in query.forms for f in forms if (found := folded.find(f)) >= 0
    )
    words = _NORMAL_WORD.findall(folded)
    # Words wholly before the piece; the piece may sit inside a word (وال|اتفاق).
    start = max(0, len(_NORMAL_WORD.findall(folded, 0, first_piece)) - 1)
    stop = min(start + _WINDOW_WORDS, len(words))
    hits = [
        (i, q) for i in range(start, stop) if (q := _query_word_of(words[i], query, cache)) >= 0
    ]
    if hits:
        spans = [m.span() for _, m in zip(range(stop), WORD_RE.finditer(paragraph), strict=False)]
        if all(i < len(spans) and _same_word(paragraph, spans[i], words[i]) for i, _ in hits):
            return [(*spans[i], q) for i, q in hits]
    return _original_matches(paragraph, query, cache)


def make_snippet(
    body: str, query: Query, folded_body: str | None = None
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of the ORIGINAL body around the best match, and the matches' offsets in it.

    The best paragraph is the first with the most distinct query words. Every
    reading of a word is a piece of it, so a paragraph whose normalised text lacks
    all the readings of a query word cannot match that word: a substring test
    skips most paragraphs before any word-by-word matching. *folded_body*: the
    normalised body, when the caller has it.
    """
    cache: dict[str, int] = {}
    best: tuple[str, list[tuple[int, int, int]]] | None = None
    best_count = 0
    paragraphs = body.split("\n")
    # The index keeps no folded copy (migration 0014): an article's body is folded in one
    # pass; a huge one paragraph by paragraph, as far as the best one (a 50 MB body
    # folded whole would cost a second for one snippet).
    folded_paragraphs: Iterable[str]
    if folded_body is None and len(body) > _FOLD_WHOLE_CHARS:
        folded_paragraphs = map(normalize, paragraphs)
    else:
        folded_paragraphs = (normalize(body) if folded_body is None else folded_body).split("\n")
        if len(folded_paragraphs) != len(paragraphs):
            folded_paragraphs = [normalize(p) for p in paragraphs]
    for paragraph, folded in zip(paragraphs, folded_paragraphs, strict=True):
        possible = sum(1 for forms in query.forms if any(f in folded for f in forms))
        if possible <= best_count:
            continue
        matches = _paragraph_matches(paragraph, folded, query, cache)
        count = len({q for _, _, q in matches})
        if count > best_count:
            best, best_count = (paragraph, matches), count
            if count == len(query.words):
                break
    if best is None:
        first = next((p for p in body.split("\n") if p.strip()), "")
        return _window(first, 0, [])
    paragraph, matches = best
    return _window(paragraph, matches[0][0], matches)


Snippet = tuple[str, tuple[tuple[int, int], ...]]


def _window(paragraph: str, first_match: int, matches: list[tuple[int, int, int]]) -> Snippet:
    """Cut about :data:`SNIPPET_CHARS` around *first_match*, at spaces; offsets shift with it."""
    begin = max(0, first_match - SNIPPET_CHARS // 4)
    if begin:
        space = paragraph.rfind(" ", 0, begin)
        begin = space + 1 if space >= 0 else 0
    end = min(len(paragraph), begin + SNIPPET_CHARS)
    if end < len(paragraph):
        space = paragraph.rfind(" ", first_match, end)
        end = space if space > first_match else end
    prefix = "… " if begin else ""
    suffix = " …" if end < len(paragraph) else ""
    piece = paragraph[begin:end]
    shift = len(prefix) - begin
    highlights = tuple((s + shift, e + shift) for s, e, _ in matches if begin <= s and e <= end)
    return _clean_snippet(prefix + piece + suffix, highlights)


def _clean_snippet(text: str, highlights: tuple[tuple[int, int], ...]) -> Snippet:
    cleaned = sanitize_line(text, keep_bidi_controls=True)
    if cleaned != text:  # a control character moved the offsets: drop them rather than lie
        return cleaned, ()
    return cleaned, highlights
