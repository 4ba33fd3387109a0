"""The library: one SQLite file of articles, their search index and the reader's state."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.articles.model import Article
from reader.errors import InputError, ReaderError
from reader.i18n.sentence import Sentence
from reader.library import database, indexing
from reader.library.database import reported_as
from reader.library.paths import resolve_library_path
from reader.library.storage import ARTICLE_COLUMNS, article_from_row
from reader.resources import bundled_article_files
from reader.text.decode import describe_source
from reader.text.sanitize import sanitize_line

if TYPE_CHECKING:
    from reader.library.importer import ImportProgress
    from reader.library.models import ArticleSummary, ImportReport, RelatedItem, SearchHit

#: ARTICLE_COLUMNS without the body, which :meth:`Library.get_opening` reads in part, nor
#: the two columns stored after it that an Article does not hold: reaching those walks
#: the body's whole chain of overflow pages (40 ms for 50 MB).
_OPENING_COLUMNS = ", ".join(
    "''" if column == "body" else "NULL" if column in ("imported_at", "content_hash")
    else column
    for column in ARTICLE_COLUMNS.split(", ")
)

#: State key recording that the bundled articles were offered once (deleting them stays final).
BUNDLED_STATE_KEY = "library.bundled_imported"


def _is_file(path: Path) -> bool:
    """Whether *path* names a file; False for a name the system refuses (too long...)."""
    try:
        return path.is_file()
    except OSError:
        return False


def _is_text(value: object) -> bool:
    return isinstance(value, str)


class Library:
    """A library of articles in SQLite. Open with :meth:`open`; close with :meth:`close`
    (or use it as a context manager). Safe to share between threads: calls are serialised."""

    def __init__(self, path: Path, connection: sqlite3.Connection, *,
                 read_only: bool = False) -> None:
        self.path = path
        self.connection = connection
        #: The file or its folder cannot be written: reading works; imports are refused,
        #: state is not saved, and drafts go to the recovery folder.
        self.read_only = read_only
        #: One line for each stored row a listing could not read (skipped, not fatal).
        self.skipped: list[str] = []
        self._lock = threading.RLock()
        self._pager: Any = None  # listing.Pager, made on the first page asked for
        self._encoding: str | None = None  # the database's text encoding, once asked

    @property
    def lock(self) -> threading.RLock:
        """The lock serialising use of :attr:`connection` across threads.

        Code that shares the connection (the comment drafts' store) holds it too.
        """
        return self._lock

    @classmethod
    def open(cls, path: Path | str | None = None, *, import_bundled: bool = True) -> Library:
        """Open the library at *path* (else ``$RTL_READER_LIBRARY``, else the user data folder),
        creating or upgrading it. An empty new library gets the bundled articles when
        *import_bundled*. Raises :class:`reader.library.errors.LibraryError` for a damaged file
        or an unwritable location, naming the path."""
        resolved = resolve_library_path(path)
        connection, read_only = database.connect(resolved)
        library = cls(resolved, connection, read_only=read_only)
        try:
            with reported_as(resolved):
                if not read_only:
                    indexing.ensure_index(connection)
                    if import_bundled:
                        library._import_bundled_once()
        except BaseException:
            connection.close()
            raise
        return library

    def _import_bundled_once(self) -> None:
        if self.get_state(BUNDLED_STATE_KEY) or self.count() > 0:
            return
        from reader.library import importer

        files = bundled_article_files()
        if files:
            importer.import_paths(self.connection, files)
        self.set_state(BUNDLED_STATE_KEY, True)

    def close(self) -> None:
        with self._lock:
            self.connection.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------------

    def count(self) -> int:
        with self._lock, reported_as(self.path):
            return int(self.connection.execute("SELECT count(*) FROM articles").fetchone()[0])

    def list_articles(self) -> list[ArticleSummary]:
        """Every article, newest first (by date, then by import time; undated last)."""
        with self._lock, reported_as(self.path):
            rows = self.connection.execute(
                "SELECT id, title, date, source FROM articles "
                "ORDER BY date DESC, imported_at DESC, key DESC"
            ).fetchall()
        from reader.library.models import ArticleSummary

        summaries = []
        for row in rows:
            if _is_text(row[0]) and _is_text(row[1]) and all(
                    value is None or _is_text(value) for value in row[2:]):
                summaries.append(ArticleSummary(*row))
            else:
                self._skip(row[0], Sentence("library.row_not_text"))
        return summaries

    def _skip(self, article_id: object, why: Sentence) -> None:
        shown = sanitize_line(str(article_id))[:80]
        self.skipped.append(Sentence("library.skipped_article", article=repr(shown), why=why))

    def page(self, sort: str, offset: int, limit: int) -> list[ArticleSummary]:
        """Rows of the article list in *sort* order (see :mod:`reader.library.listing`)."""
        from reader.library import listing

        with self._lock, reported_as(self.path):
            if self._pager is None:
                self._pager = listing.Pager(self.connection)
            return list(self._pager.page(sort, offset, limit))

    def position(self, sort: str, article_id: str) -> int | None:
        """Where *article_id* stands in the article list in *sort* order."""
        from reader.library import listing

        with self._lock, reported_as(self.path):
            return listing.position(self.connection, sort, article_id)

    def delete(self, article_id: str) -> bool:
        """Remove an article and its index rows (its comment draft stays)."""
        from reader.library import listing

        with self._lock, reported_as(self.path):
            return listing.delete_article(self.connection, article_id)

    def get(self, article_id: str) -> Article:
        """The stored article *article_id*; ReaderError when there is none."""
        with self._lock, reported_as(self.path):
            row = self.connection.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None:
                raise ReaderError(Sentence("library.no_such_article",
                                           id=repr(sanitize_line(article_id))))
            try:
                return article_from_row(self.connection, row)
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                why = sanitize_line(str(exc))[:120]
                raise ReaderError(Sentence(
                    "library.unreadable_article", library=describe_source(str(self.path)),
                    id=repr(sanitize_line(article_id)), reason=why)) from None

    def get_opening(self, article_id: str, size: int) -> tuple[Article, bool]:
        """The stored article *article_id* with only the paragraphs that lie wholly in
        the first *size* bytes of its body, and whether that is the whole body.

        The app shows a huge article's beginning without reading all of it first: the
        body is read through incremental blob I/O, which touches only the pages asked
        for (a 50 MB body costs 0.1-0.3 s to read whole, its first 256 KB a millisecond).
        """
        with self._lock, reported_as(self.path):
            row = self.connection.execute(
                f"SELECT {_OPENING_COLUMNS} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None or self._text_encoding() != "UTF-8":
                return self.get(article_id), True
            with self.connection.blobopen("articles", "body", row[0], readonly=True) as blob:
                complete = len(blob) <= size
                head = blob.read() if complete else blob.read(size)
            if not complete:
                # Cut after the last whole paragraph: a newline is one byte in UTF-8,
                # so the cut never splits a character either.
                head = head[: max(0, head.rfind(b"\n"))]
            try:
                body = head.decode("utf-8")
                return article_from_row(self.connection, (*row[:11], body, *row[12:])), complete
            except (ValueError, TypeError, KeyError, AttributeError):
                # Whatever is wrong with it, :meth:`get` names it.
                return self.get(article_id), True

    def _text_encoding(self) -> str:
        encoding = self._encoding
        if encoding is None:
            encoding = self._encoding = str(
                self.connection.execute("PRAGMA encoding").fetchone()[0])
        return encoding

    def resolve(self, ref: str) -> Article:
        """An article by id (or a unique id prefix), or by path: a file is imported first."""
        with self._lock:
            return self.get(self.resolve_id(ref))

    def resolve_id(self, ref: str, progress: ImportProgress | None = None) -> str:
        """The id of the article :meth:`resolve` gives, without reading the article (a
        50 MB body costs a fifth of a second to read: the app reads it once, to show it);
        a file imported first tells *progress* how far it got."""
        from reader.library.ids import match_in_table, refuse_empty

        refuse_empty(ref)
        with self._lock, reported_as(self.path):
            found = self.connection.execute(
                "SELECT id FROM articles WHERE id = ?", (ref,)
            ).fetchone()
            if found:
                return str(found[0])
            path = Path(ref)
            if _is_file(path):
                report = self.import_paths([path], progress)
                if report.article_ids:
                    return report.article_ids[0]
                reason = (report.problems[0].reason if report.problems
                          else Sentence("library.no_article_found"))
                raise InputError(describe_source(ref), reason)
            article_id = match_in_table(self.connection, "articles", "id", ref)
            if article_id is not None:
                return article_id
        raise InputError(describe_source(ref), Sentence("library.no_such_ref"))

    def import_paths(
        self, paths: Iterable[Path | str], progress: ImportProgress | None = None
    ) -> ImportReport:
        """Import files and folders (recursively), telling *progress* how far it got;
        see :mod:`reader.library.importer`."""
        # The parsers load on first import: opening a stored article needs none of them.
        from reader.library import importer

        self._refuse_if_read_only()
        with self._lock, reported_as(self.path):
            return importer.import_paths(self.connection, paths, progress)

    def _refuse_if_read_only(self) -> None:
        """Refuse to import into a library opened read-only."""
        if self.read_only:
            from reader.library.errors import ReadOnlyLibraryError

            raise ReadOnlyLibraryError(self.path, Sentence("library.read_only_import"))

    # -- search and related -----------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Ranked articles matching *query* (harakat, hamza forms, prefixes folded)."""
        from reader.library import search

        with self._lock, reported_as(self.path):
            return search.search(self.connection, query, limit)

    def iter_search(self, query: str, limit: int = 20) -> Iterator[SearchHit]:
        """:meth:`search` one hit at a time, read as wanted (the library stays locked
        until the iteration ends): ``search --limit 100000`` prints as it goes."""
        from reader.library import search

        with self._lock, reported_as(self.path):
            yield from search.iter_search(self.connection, query, limit)

    def related(self, article_id: str, top: int = 20) -> list[RelatedItem]:
        """The article's own related links, then up to *top* similar stored articles
        (those related above the floor of :mod:`reader.library.related`)."""
        from reader.library import related

        with self._lock, reported_as(self.path):
            return related.related(self.connection, article_id, top)

    def stored_links(self, article_id: str) -> list[RelatedItem]:
        """The article's own related links alone, each with the id of the stored article
        it names (by id, address or title; see :mod:`reader.library.links`).

        :meth:`get` leaves links as they were stored: it is on the app's start-up path,
        whose related pane asks :meth:`related`, and resolving titles there cost more
        than the rest of ``get`` (measured on the seed with seven title links).
        """
        from reader.library import links

        with self._lock, reported_as(self.path):
            return links.stored_links(self.connection, article_id)

    # -- state ------------------------------------------------------------------------

    def get_state(self, key: str, default: Any = None) -> Any:
        """A saved preference, reading position or the like (JSON value), else *default*."""
        with self._lock, reported_as(self.path):
            row = self.connection.execute(
                "SELECT value FROM state WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except json.JSONDecodeError:
            return default

    def set_state(self, key: str, value: Any) -> None:
        """Save a JSON-serialisable *value* under *key* (replacing any earlier one)."""
        if self.read_only:
            return  # nowhere to keep it; the library is read as it is
        encoded = json.dumps(value, ensure_ascii=False)
        with self._lock, reported_as(self.path):
            self.connection.execute(
                "INSERT INTO state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, encoded),
            )
