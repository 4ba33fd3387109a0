"""Ranked full-text search: FTS5 over the normalised text, snippets from the original.

A query word matches an article word when one of its readings (itself, without
its attached prefixes, its stem: :func:`reader.library.stemming.search_forms`) is
among the article word's readings. Exact normalised words in the title count
most, then in the body, then the looser readings (BM25 column weights).
All query words must match; when no article has them all, any may.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from reader.library.models import SearchHit
from reader.library.normalize import WORD_RE, normalize_word, normalized_words
from reader.library.stemming import search_forms
from reader.text.sanitize import sanitize_line

# BM25 weights of the columns title, body, forms (see migration 0002).
COLUMN_WEIGHTS = (6.0, 2.0, 1.0)
SNIPPET_CHARS = 160
_NORMAL_WORD = re.compile(r"[^\W_]+")


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
    query = Query.parse(text)
    if not query.words or limit <= 0:
        return []
    rows = _ranked(connection, query.match_expression("AND"), limit)
    if not rows and len(query.words) > 1:
        rows = _ranked(connection, query.match_expression("OR"), limit)
    hits = []
    for article_id, title, body, date, source, rank in rows:
        snippet, highlights = make_snippet(body, query)
        hits.append(
            SearchHit(
                article_id=article_id,
                title=sanitize_line(title, keep_bidi_controls=True),
                snippet=snippet,
                score=-rank,
                date=date,
                source=source,
                highlights=highlights,
            )
        )
    return hits


def _ranked(connection: sqlite3.Connection, expression: str, limit: int) -> list[tuple]:
    weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
    return connection.execute(
        f"""
        WITH matches AS (
            SELECT rowid AS key, bm25(article_search, {weights}) AS rank
            FROM article_search WHERE article_search MATCH ?
            ORDER BY rank LIMIT ?
        )
        SELECT a.id, a.title, a.body, a.date, a.source, m.rank
        FROM matches AS m JOIN articles AS a ON a.key = m.key
        ORDER BY m.rank
        """,
        (expression, limit),
    ).fetchall()


def _matching_words(
    paragraph: str, query: Query, cache: dict[str, int]
) -> list[tuple[int, int, int]]:
    """(start, end, query word index) of the words of ORIGINAL *paragraph* that match."""
    found = []
    for match in WORD_RE.finditer(paragraph):
        normal = normalize_word(match.group())
        which = cache.get(normal)
        if which is None:
            which = -1
            for token in _NORMAL_WORD.findall(normal):
                readings = search_forms(token)
                for index, forms in enumerate(query.forms):
                    if token == query.words[index] or not forms.isdisjoint(readings):
                        which = index
                        break
                if which >= 0:
                    break
            cache[normal] = which
        if which >= 0:
            found.append((match.start(), match.end(), which))
    return found


def make_snippet(body: str, query: Query) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of the ORIGINAL body around the best match, and the matches' offsets in it.

    The best paragraph is the first with the most distinct query words; the window
    starts a little before its first match and ends at a word boundary.
    """
    cache: dict[str, int] = {}
    best: tuple[str, list[tuple[int, int, int]]] | None = None
    best_count = 0
    for paragraph in body.split("\n"):
        matches = _matching_words(paragraph, query, cache)
        count = len({m[2] for m in matches})
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
