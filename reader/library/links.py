"""A page's own related links, each pointing at the stored article it names.

Kept apart from the similarity ranking (:mod:`reader.library.related`) so that
showing an article's links (``rtl-reader cat ID``) needs only index lookups and
the title folding, not the ranking's term statistics.
"""

from __future__ import annotations

import sqlite3

from reader.library.models import RelatedItem
from reader.library.titles import find_titled_article
from reader.text.sanitize import sanitize_line


def stored_links(connection: sqlite3.Connection, article_id: str) -> list[RelatedItem]:
    """The page's own related links, each pointing at a stored article when one matches:
    by the id the link names, else by its address, else by its title
    (:mod:`reader.library.titles`: what a link saved without its address has)."""
    items = []
    found_source = connection.execute(
        "SELECT source FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    source = found_source[0] if found_source else None
    rows = connection.execute(
        "SELECT title, url, target_id FROM related_links WHERE article_id = ? ORDER BY position",
        (article_id,),
    ).fetchall()
    for title, url, target_id in rows:
        found = None
        if target_id:
            found = connection.execute(
                "SELECT id FROM articles WHERE id = ?", (target_id,)
            ).fetchone()
        if found is None and url:
            found = connection.execute(
                "SELECT id FROM articles WHERE url = ? LIMIT 1", (url,)
            ).fetchone()
        stored_id = found[0] if found else None
        if stored_id is None:
            stored_id = find_titled_article(connection, title, source=source, exclude=article_id)
        items.append(
            RelatedItem(
                title=sanitize_line(title, keep_bidi_controls=True),
                url=url,
                article_id=stored_id,
                score=None,
                kind="stored",
            )
        )
    return items
