"""The article list a page at a time: counted, sorted in SQL, never read whole.

The library screen shows a window onto a list that may hold 100,000 articles; it
asks for the rows it draws (:func:`page`) and for the size of the whole
(:func:`count`). Each order reads a covering index in that order (migrations 0003
and 0013), so a page costs the same at any library size. Deleting an article
(:func:`delete_article`) removes it and its index rows.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from reader.library.database import transaction
from reader.library.models import ArticleSummary
from reader.text.sanitize import sanitize_line

#: The orders the list can be sorted in, the default first.
SORTS = ("date", "title", "source")

# Each order as (column, descending) pairs; its last column is unique, so one row's
# values say where it stands. SQLite sorts NULL first going up and last going down.
_ORDERS: dict[str, tuple[tuple[str, bool], ...]] = {
    # newest first; undated articles last
    "date": (("date", True), ("imported_at", True), ("key", True)),
    # the folded title (reader.library.normalize.title_order), as a reader of Arabic sorts
    "title": (("title_order", False), ("key", False)),
    # by source, newest first within each; articles with no source first
    "source": (("source", False), ("date", True), ("imported_at", True), ("key", True)),
}


def _order(sort: str) -> tuple[tuple[str, bool], ...]:
    try:
        return _ORDERS[sort]
    except KeyError:
        raise ValueError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}") from None


def _order_by(sort: str, *, reverse: bool = False) -> str:
    return ", ".join(
        f"{column} {'DESC' if descending != reverse else 'ASC'}"
        for column, descending in _order(sort)
    )


def count(connection: sqlite3.Connection) -> int:
    """How many articles the library holds."""
    return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])


_Condition = tuple[str, list[object]]


def _after(order: tuple[tuple[str, bool], ...], values: tuple[object, ...]) -> list[_Condition]:
    """The ranges of rows that follow the row with *values* in *order*, nearest first:
    for each column from the last, the earlier columns equal and this one past its
    value. Each is one seek in the order's index (a row-value comparison cannot mix
    directions, nor pass over NULLs)."""
    ranges = []
    for index in reversed(range(len(order))):
        equal: list[str] = []
        parameters: list[object] = []
        for (column, _), value in zip(order[:index], values[:index], strict=True):
            equal.append(f"{column} IS NULL" if value is None else f"{column} = ?")
            parameters += [] if value is None else [value]
        column, descending = order[index]
        value = values[index]
        past: list[_Condition]
        if descending:  # smaller values next, then NULL
            past = [] if value is None else [(f"{column} < ?", [value]), (f"{column} IS NULL", [])]
        elif value is None:  # NULL first, then every value
            past = [(f"{column} IS NOT NULL", [])]
        else:
            past = [(f"{column} > ?", [value])]
        for condition, more in past:
            ranges.append((" AND ".join([*equal, condition]), parameters + more))
    return ranges


_Row = tuple[Any, ...]  # id, title, date, source, then the order's columns


class Pager:
    """The article list a page at a time over one connection, by keyset: it remembers
    the sort values of the row each page it read ends with, so the next page is read
    from there along the order's index, at the same cost at any depth (``OFFSET``
    walks every row before the page: 0.3 s deep in a 100,000-article library). A page
    with no page read before it is read by ``OFFSET`` from the nearer end. What it
    remembers is dropped when the library changes (here or in another process)."""

    #: Page ends remembered at most (a few numbers each).
    ANCHORS = 10_000

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._anchors: dict[tuple[str, int], tuple[object, ...]] = {}
        self._state: tuple[int, int] | None = None

    def page(self, sort: str, offset: int, limit: int) -> list[ArticleSummary]:
        """Rows *offset* to *offset* + *limit* in *sort* order, titles sanitized."""
        _order(sort)  # an unknown sort is refused before anything is read
        offset, limit = max(0, offset), max(0, limit)
        if limit == 0:
            return []
        state = (self.connection.total_changes,
                 int(self.connection.execute("PRAGMA data_version").fetchone()[0]))
        if state != self._state or len(self._anchors) > self.ANCHORS:
            self._anchors.clear()
            self._state = state
        anchor = self._anchors.get((sort, offset)) if offset else None
        rows = self._after(sort, anchor, limit) if anchor else self._at(sort, offset, limit)
        if rows:
            self._anchors[(sort, offset + len(rows))] = tuple(rows[-1][4:])
        return [
            ArticleSummary(article_id, sanitize_line(title, keep_bidi_controls=True), date, source)
            for article_id, title, date, source, *_ in rows
        ]

    def _select(self, sort: str) -> str:
        columns = ", ".join(column for column, _ in _order(sort))
        return f"SELECT id, title, date, source, {columns} FROM articles"

    def _after(self, sort: str, anchor: tuple[object, ...], limit: int) -> list[_Row]:
        rows: list[_Row] = []
        for condition, parameters in _after(_order(sort), anchor):
            rows += self.connection.execute(
                f"{self._select(sort)} WHERE {condition} ORDER BY {_order_by(sort)} LIMIT ?",
                [*parameters, limit - len(rows)],
            )
            if len(rows) >= limit:
                break
        return rows

    def _at(self, sort: str, offset: int, limit: int) -> list[_Row]:
        """By ``OFFSET``, from the end when that is nearer (the last page at once)."""
        if offset:
            total = count(self.connection)
            if offset > total // 2:
                start = max(0, total - offset - limit)
                rows = self.connection.execute(
                    f"{self._select(sort)} ORDER BY {_order_by(sort, reverse=True)} "
                    "LIMIT ? OFFSET ?",
                    (max(0, min(limit, total - offset)), start),
                ).fetchall()
                return rows[::-1]
        return self.connection.execute(
            f"{self._select(sort)} ORDER BY {_order_by(sort)} LIMIT ? OFFSET ?", (limit, offset)
        ).fetchall()


def page(
    connection: sqlite3.Connection, sort: str, offset: int, limit: int
) -> list[ArticleSummary]:
    """Rows *offset* to *offset* + *limit* of the list in *sort* order, titles sanitized
    (a :class:`Pager` that remembers nothing: keep one to page on)."""
    return Pager(connection).page(sort, offset, limit)


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
    with transaction(connection):
        indexed = connection.execute(
            "SELECT counted FROM search_index WHERE article_key = ?", (key,)
        ).fetchone()
        if indexed is not None:
            # The terms index keeps no text: the terms are those the index is told
            # to take out (delete_index_row makes them again from the article).
            row = delete_index_row(connection, key, title, body)
            if indexed[0]:
                connection.executemany(
                    "UPDATE term_df SET df = df - 1 WHERE term = ?",
                    [(term,) for term in set(row.terms.split())],
                )
                connection.execute("DELETE FROM term_df WHERE df <= 0")
        connection.execute("DELETE FROM related_links WHERE article_id = ?", (article_id,))
        connection.execute(
            "UPDATE related_links SET target_id = NULL WHERE target_id = ?", (article_id,)
        )
        connection.execute("DELETE FROM articles WHERE key = ?", (key,))
    return True
