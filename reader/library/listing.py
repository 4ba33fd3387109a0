"""The article list a page at a time: counted, sorted in SQL, never read whole.

The library screen shows a window onto a list that may hold 100,000 articles; it
asks for the rows it draws (:func:`page`) and for the size of the whole
(:func:`count`). Each order reads a covering index in that order (migrations 0003
and 0013), so a page costs the same at any library size. Deleting an article
(:func:`delete_article`) removes it and its index rows.
"""

from __future__ import annotations

import sqlite3
from collections import Counter

from reader.library.models import ArticleSummary
from reader.text.sanitize import sanitize_line

#: The orders the list can be sorted in, the default first.
SORTS = ("date", "title", "source")

_ORDER_BY = {
    # newest first; undated articles last (NULL sorts last in descending order)
    "date": "date DESC, imported_at DESC, key DESC",
    # the folded title (reader.library.normalize.title_order), as a reader of Arabic sorts
    "title": "title_order, key",
    # by source, newest first within each; articles with no source first
    "source": "source, date DESC, imported_at DESC, key DESC",
}


def _order_by(sort: str) -> str:
    try:
        return _ORDER_BY[sort]
    except KeyError:
        raise ValueError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}") from None


def count(connection: sqlite3.Connection) -> int:
    """How many articles the library holds."""
    return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])


def page(
    connection: sqlite3.Connection, sort: str, offset: int, limit: int
) -> list[ArticleSummary]:
    """Rows *offset* to *offset* + *limit* of the list in *sort* order, titles sanitized."""
    rows = connection.execute(
        f"SELECT id, title, date, source FROM articles ORDER BY {_order_by(sort)} "
        "LIMIT ? OFFSET ?",
        (max(0, limit), max(0, offset)),
    )
    return [
        ArticleSummary(article_id, sanitize_line(title, keep_bidi_controls=True), date, source)
        for article_id, title, date, source in rows
    ]


def position(connection: sqlite3.Connection, sort: str, article_id: str) -> int | None:
    """Where *article_id* stands in the list in *sort* order (``None`` if not stored).

    Newest first (the default order, and the screen's first) counts the rows before it
    along the index; the other orders number the whole index (about 0.2 s at 100,000
    articles). Used once, to put the cursor on the article the reader last opened.
    """
    if sort == "date":
        found = connection.execute(
            "SELECT date, imported_at, key FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if found is None:
            return None
        date, imported_at, key = found
        if date is None:  # undated articles come after every dated one
            before = connection.execute(
                "SELECT (SELECT count(*) FROM articles WHERE date IS NOT NULL) + "
                "(SELECT count(*) FROM articles WHERE date IS NULL "
                "AND (imported_at, key) > (?, ?))",
                (imported_at, key),
            ).fetchone()[0]
        else:
            before = connection.execute(
                "SELECT count(*) FROM articles WHERE date > ? "
                "OR (date = ? AND (imported_at, key) > (?, ?))",
                (date, date, imported_at, key),
            ).fetchone()[0]
        return int(before)
    row = connection.execute(
        f"SELECT n FROM (SELECT id, row_number() OVER (ORDER BY {_order_by(sort)}) - 1 AS n "
        "FROM articles) WHERE id = ?",
        (article_id,),
    ).fetchone()
    return None if row is None else int(row[0])


def delete_article(connection: sqlite3.Connection, article_id: str) -> bool:
    """Remove *article_id*, its related links and its search-index rows, in one
    transaction. False when it is not stored. Its comment draft is the drafts'
    store's to keep or delete (:mod:`reader.comments.store`).

    The article's terms leave the related-article document frequencies they were
    counted in; links of other articles that named it become external again.
    """
    from reader.library.indexing import delete_index_row

    row = connection.execute(
        "SELECT key, title, body FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return False
    key, title, body = row
    connection.execute("BEGIN IMMEDIATE")
    try:
        counted = connection.execute(
            "SELECT t.terms FROM search_index AS s JOIN article_terms AS t "
            "ON t.rowid = s.article_key WHERE s.article_key = ? AND s.counted = 1",
            (key,),
        ).fetchone()
        if counted is not None:
            terms = Counter(set(counted[0].split()))
            connection.executemany(
                "UPDATE term_df SET df = df - ? WHERE term = ?",
                [(n, term) for term, n in terms.items()],
            )
            connection.execute("DELETE FROM term_df WHERE df <= 0")
        indexed = connection.execute(
            "SELECT 1 FROM search_index WHERE article_key = ?", (key,)
        ).fetchone()
        if indexed is not None:
            delete_index_row(connection, key, title, body)
        connection.execute("DELETE FROM related_links WHERE article_id = ?", (article_id,))
        connection.execute(
            "UPDATE related_links SET target_id = NULL WHERE target_id = ?", (article_id,)
        )
        connection.execute("DELETE FROM articles WHERE key = ?", (key,))
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return True
