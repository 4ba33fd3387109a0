"""Articles to rows and back: one place that knows the articles table's columns."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict
from datetime import UTC, datetime
from itertools import islice
from typing import Any, Protocol

from reader.articles.model import Article, CommentForm, RelatedLink, content_digest
from reader.library.database import transaction
from reader.text.sanitize import sanitize, sanitize_line

# Reading an article back (article_from_row) is on the app's start-up path; what only
# storing one needs (hashing, date and title folding, the search index) is imported
# by the functions that store.

ARTICLE_COLUMNS = (
    "key, id, title, breadcrumbs, date, author, source, url, direction, format, origin, "
    "body, comment_form, imported_at, content_hash"
)


def content_hash(article: Article) -> str:
    """The full digest behind :meth:`Article.content_id`: the one made with the id when
    there is one (:attr:`Article.digest`), else computed."""
    return article.digest or content_digest(article.title, article.paragraphs)


def _canonical_date(value: str | None) -> str | None:
    from reader.articles.dates import canonical_date

    return canonical_date(value)


def _line(value: str | None) -> str | None:
    return None if value is None else sanitize_line(value, keep_bidi_controls=True)


def _as_is(text: str | None) -> bool:
    """Whether sanitizing *text* as a line (:func:`_line`) gives it back unchanged."""
    return text is None or text.isprintable() or ("\n" not in text and sanitize(text) == text)


def _is_clean(article: Article) -> bool:
    """Whether :func:`clean_article` would give back what *article* holds (as the
    parsers make them): its strings pass the sanitizer's own tests, and its date is in
    the stored form already."""
    return (
        all(map(_as_is, article.paragraphs))
        and all(map(_as_is, (article.title, *article.breadcrumbs, article.author,
                             article.source, article.url, article.origin, article.date)))
        and all(_as_is(link.title) and _as_is(link.url) for link in article.related)
        and (article.date is None or _canonical_date(article.date) == article.date)
        and article.direction in ("rtl", "ltr")
    )


def clean_article(article: Article) -> Article:
    """The article with every string sanitized again before it reaches the database.

    Parsers sanitize already; this keeps the database safe from a caller that built an
    Article by hand. An article that is clean (:func:`_is_clean`: the sanitizer's tests
    without its copies) is returned itself, so the digest made with its id is kept
    (:func:`content_hash`). The date is put in the stored form
    (:mod:`reader.articles.dates`) for the same reason.
    """
    if _is_clean(article):
        return article
    paragraphs = [p for text in article.paragraphs for p in sanitize(text).split("\n")]
    return Article(
        title=_line(article.title) or "",
        paragraphs=paragraphs,
        breadcrumbs=[_line(b) or "" for b in article.breadcrumbs],
        date=_canonical_date(_line(article.date)),
        author=_line(article.author),
        source=_line(article.source),
        url=_line(article.url),
        related=[
            RelatedLink(_line(link.title) or "", _line(link.url), link.article_id)
            for link in article.related
        ],
        comment_form=article.comment_form,
        direction=article.direction if article.direction in ("rtl", "ltr") else "rtl",
        origin=_line(article.origin),
        format=article.format,
        id=article.id,
    )


def _comment_form_json(form: CommentForm | None) -> str | None:
    return None if form is None else json.dumps(asdict(form), ensure_ascii=False)


def _comment_form(value: str | None) -> CommentForm | None:
    if not value:
        return None
    data = json.loads(value)
    for name in ("fields", "required"):
        if name in data:
            data[name] = tuple(data[name])
    return CommentForm(**data)


def insert_article(connection: sqlite3.Connection, article: Article) -> tuple[str, bool]:
    """Store *article* (sanitized) in its own transaction.

    Returns the stored article's id and whether it is new (an article with the same
    content id or content is stored once). A copy that lists related links gives
    them to a stored article that has none: the same page saved again with its
    related block (the bundled seed lost its links) keeps what the copy adds.
    """
    prepared = Prepared(article)
    with transaction(connection):
        [result] = _store_batch(connection, [prepared])
    return result


#: Articles prepared and written together by :func:`insert_articles`.
BATCH_SIZE = 500
#: SQLite's page cache while a batch of articles is written (KiB): the list's
#: indexes take rows in random order, and with the default 2 MB nearly every row
#: written to one of them pushed another page out (tens of MB at 100,000 articles).
IMPORT_CACHE_KIB = 128 * 1024


def insert_articles(
    connection: sqlite3.Connection, articles: Iterable[Article]
) -> list[tuple[str, bool]]:
    """Store many articles as :func:`insert_article` stores one, in ONE transaction:
    rows written a batch at a time with ``executemany`` (the search index's too), the
    articles read from *articles* as they come, so a stream of 100,000 is never held.
    Returns (id, new) for each article, in order. Any error rolls all of them back."""
    prepared = map(Prepared, articles)
    return insert_prepared(connection, iter(lambda: list(islice(prepared, BATCH_SIZE)), []))


def insert_prepared(
    connection: sqlite3.Connection,
    batches: Iterable[list[Prepared]],
    index: IndexSink | None = None,
) -> list[tuple[str, bool]]:
    """:func:`insert_articles` for articles prepared already, a batch at a time.

    The new articles' index rows go to *index* when given (a second process building
    the whole index: :mod:`reader.library.bulk_index`, which is swapped in before the
    commit), else they are computed and written here."""
    results: list[tuple[str, bool]] = []
    cache = connection.execute("PRAGMA cache_size").fetchone()[0]
    connection.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB:d}")
    try:
        # A second process writes the index into a file attached to *connection*
        # (reader.library.bulk_index): only the library is locked.
        with transaction(connection, main_table="articles" if index else None):
            for batch in batches:
                results.extend(_store_batch(connection, batch, index))
            if index is not None:
                index.swap_into(connection)
    finally:
        connection.execute(f"PRAGMA cache_size = {int(cache):d}")
    return results


class IndexSink(Protocol):
    """Takes the index work of the articles an import stores (keyed), and puts the
    finished index into the library inside the import's transaction."""

    def add(self, articles: list[tuple[int, Prepared]]) -> None: ...

    def swap_into(self, connection: sqlite3.Connection) -> None: ...


class Prepared:
    """One article made ready to store: cleaned, hashed, its title keys computed. Its
    index row is computed only if it is stored (not for a duplicate), and maybe by
    another process (:mod:`reader.library.bulk_index`)."""

    __slots__ = ("article", "body", "digest", "title_keys")

    def __init__(self, article: Article) -> None:
        from reader.library.titles import stored_title_keys

        self.article = article = clean_article(article)
        self.digest = content_hash(article)
        self.body = "\n".join(article.paragraphs)
        self.title_keys = stored_title_keys(article.title)


def _store_batch(
    connection: sqlite3.Connection, batch: list[Prepared], index: IndexSink | None = None
) -> list[tuple[str, bool]]:
    """Write the new articles of *batch* (inside the caller's transaction), and their
    index rows, or give them to *index*; an article stored already (or earlier in the
    batch) is a duplicate."""
    from reader.library.indexing import build_index_row, write_index_rows

    results: list[tuple[str, bool]] = []
    new: list[Prepared] = []
    stored = _stored_ids(connection, batch)
    seen: dict[str, str] = {}  # id and content hash -> id, for this batch's new articles
    for item in batch:
        article = item.article
        found = seen.get(article.id) or seen.get(item.digest)
        if found is None:
            found = stored.get(article.id) or stored.get(item.digest)
            if found is not None and article.related and not _has_links(connection, found):
                _insert_links(connection, found, article.related)
        if found is not None:
            results.append((found, False))
            continue
        seen[article.id] = seen[item.digest] = article.id
        new.append(item)
        results.append((article.id, True))
    if not new:
        return results
    first_key = connection.execute("SELECT coalesce(max(key), 0) + 1 FROM articles").fetchone()[0]
    imported_at = datetime.now(UTC).isoformat(timespec="seconds")
    connection.executemany(
        "INSERT INTO articles (key, id, title, breadcrumbs, date, author, source, url, "
        "direction, format, origin, body, comment_form, imported_at, content_hash, title_key, "
        "title_base_key, title_order) "
        f"VALUES ({', '.join('?' * 18)})",
        [
            (
                key,
                item.article.id,
                item.article.title,
                json.dumps(item.article.breadcrumbs, ensure_ascii=False),
                item.article.date,
                item.article.author,
                item.article.source,
                item.article.url,
                item.article.direction,
                item.article.format,
                item.article.origin,
                item.body,
                _comment_form_json(item.article.comment_form),
                imported_at,
                item.digest,
                *item.title_keys,
            )
            for key, item in enumerate(new, start=first_key)
        ],
    )
    connection.executemany(
        "INSERT INTO related_links (article_id, position, title, url, target_id) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (item.article.id, position, link.title, link.url, link.article_id)
            for item in new
            for position, link in enumerate(item.article.related)
        ],
    )
    if index is not None:
        index.add(list(enumerate(new, start=first_key)))
    else:
        write_index_rows(connection, [(key, build_index_row(item.article.title, item.body))
                                      for key, item in enumerate(new, start=first_key)])
    return results


def _stored_ids(connection: sqlite3.Connection, batch: list[Prepared]) -> dict[str, str]:
    """The stored articles with the id or the content of one in *batch*: id -> id and
    content hash -> id, found by two look-ups for the whole batch."""
    ids = [item.article.id for item in batch]
    digests = [item.digest for item in batch]
    marks = ",".join("?" * len(batch))
    found = dict(connection.execute(
        f"SELECT content_hash, id FROM articles WHERE content_hash IN ({marks})", digests))
    found.update((article_id, article_id) for (article_id,) in connection.execute(
        f"SELECT id FROM articles WHERE id IN ({marks})", ids))
    return found


def _has_links(connection: sqlite3.Connection, article_id: str) -> bool:
    found = connection.execute(
        "SELECT 1 FROM related_links WHERE article_id = ? LIMIT 1", (article_id,)
    ).fetchone()
    return found is not None


def _insert_links(
    connection: sqlite3.Connection, article_id: str, links: list[RelatedLink]
) -> None:
    connection.executemany(
        "INSERT INTO related_links (article_id, position, title, url, target_id) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            (article_id, position, link.title, link.url, link.article_id)
            for position, link in enumerate(links)
        ),
    )


def article_from_row(
    connection: sqlite3.Connection, row: sqlite3.Row | tuple[Any, ...]
) -> Article:
    """Rebuild an Article from an ``ARTICLE_COLUMNS`` row (and its related links)."""
    (
        _key,
        article_id,
        title,
        breadcrumbs,
        date,
        author,
        source,
        url,
        direction,
        fmt,
        origin,
        body,
        comment_form,
        _imported_at,
        _digest,
    ) = row
    links = connection.execute(
        "SELECT title, url, target_id FROM related_links WHERE article_id = ? ORDER BY position",
        (article_id,),
    ).fetchall()
    return Article(
        title=title,
        paragraphs=body.split("\n") if body else [],
        breadcrumbs=json.loads(breadcrumbs or "[]"),
        date=date,
        author=author,
        source=source,
        url=url,
        related=[RelatedLink(t, u, target) for t, u, target in links],
        comment_form=_comment_form(comment_form),
        direction=direction,
        origin=origin,
        format=fmt,
        id=article_id,
    )
