"""Comment drafts in the library database: one current draft per article.

Every save is one SQLite transaction (the library runs in WAL mode), so a
process killed at any moment leaves either the previous draft or the new one,
never half of one. Saves are compare-and-swap on a revision counter: a save
names the revision it was based on, and when another instance saved in
between, :class:`DraftConflict` is raised instead of overwriting. The losing
text is written to ``draft_conflicts`` in the same transaction, so both texts
survive whatever the user then chooses.
"""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reader.articles.model import Article
from reader.articles.wordpress import post_id_from_url
from reader.comments.form import CommentDraft, Identity
from reader.comments.recovery import keep_in_recovery
from reader.comments.validation import validate
from reader.errors import ReaderError
from reader.i18n.sentence import Sentence
from reader.text.editing.buffer import clean_input
from reader.text.sanitize import sanitize_line

if TYPE_CHECKING:
    from reader.library import Library


@dataclass(frozen=True, slots=True)
class DraftTarget:
    """The article a draft comments on, with what a WordPress request needs."""

    article_id: str
    title: str = ""
    url: str | None = None
    post_id: int | None = None

    @classmethod
    def for_article(cls, article: Article) -> DraftTarget:
        """The target for a library article: its WordPress post id from the saved page's
        comment form (``comment_post_ID`` or the shortlink), else from a ``?p=`` URL."""
        form_post = article.comment_form.post_id if article.comment_form else None
        return cls(article.id, article.title, article.url,
                   form_post or post_id_from_url(article.url))


@dataclass(frozen=True, slots=True)
class DraftRecord:
    """A stored draft."""

    target: DraftTarget
    draft: CommentDraft
    revision: int
    updated_at: str  # ISO 8601, UTC
    ready: bool

    @property
    def article_id(self) -> str:
        return self.target.article_id

    @property
    def size(self) -> int:
        """Bytes of UTF-8 in the comment text (WordPress's unit)."""
        return len(self.draft.comment.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class KeptVersion:
    """A text that lost a conflicting save, kept in ``draft_conflicts``."""

    article_id: str
    draft: CommentDraft
    revision: int
    kept_at: str
    reason: str


class DraftConflict(ReaderError):
    """Another instance saved this article's draft since this one loaded it."""

    def __init__(self, mine: CommentDraft, theirs: DraftRecord) -> None:
        self.mine = mine
        self.theirs = theirs
        super().__init__(Sentence("comment.store.conflict", article=theirs.article_id,
                                  revision=theirs.revision))


class DraftSaveError(ReaderError):
    """The library refused the write; the draft stays in memory and saving is retried.

    ``reason`` is ``readonly``, ``readonly_kept`` (the draft went to the recovery file
    named by ``detail``), ``full``, ``busy`` or ``other``.
    """

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = sanitize_line(detail)
        super().__init__(Sentence("comment.store.cannot_save", detail=self.detail))


def classify_error(exc: sqlite3.Error) -> DraftSaveError:
    """Name the cause of a failed write so the pane can say it plainly."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "read only" in text:
        reason = "readonly"
    elif "full" in text or "no space" in text:
        reason = "full"
    elif "locked" in text or "busy" in text:
        reason = "busy"
    else:
        reason = "other"
    return DraftSaveError(reason, str(exc))


def _text(value: object) -> str:
    """A stored text field as text: NULL is empty; bytes (a BLOB where text belongs)
    decoded with replacement; a number shown as one."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


_COLUMNS = ("article_id, comment, author, email, url, remember, ready, revision, updated_at, "
            "article_title, article_url, post_id")


class DraftStore:
    """Drafts kept in the library's SQLite connection (schema: migration 0010)."""

    def __init__(self, connection: sqlite3.Connection,
                 lock: AbstractContextManager[object] | None = None) -> None:
        """*lock*: held around every use of *connection* when other threads share it
        (the library serialises its own calls with one; pass it here)."""
        self.connection = connection
        self._lock = lock if lock is not None else nullcontext()
        #: One line for each stored row :meth:`list` or :meth:`load` could not read.
        self.skipped: list[str] = []

    @classmethod
    def for_library(cls, library: Library) -> DraftStore:
        """The drafts of a :class:`reader.library.Library`, sharing its connection and lock."""
        return cls(library.connection, library.lock)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction: the write lock is taken before the revision is read."""
        from reader.library.database import transaction

        with self._lock:
            try:
                with transaction(self.connection) as conn:
                    yield conn
            except sqlite3.Error as exc:
                raise classify_error(exc) from exc

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> builtins.list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self.connection.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise classify_error(exc) from exc

    # -- reading -------------------------------------------------------------------------
    @staticmethod
    def _record(row: sqlite3.Row | tuple[Any, ...]) -> DraftRecord:
        """A stored row as a record, every field sanitized like article text (the file may
        have been written by anything). ValueError or TypeError for a row that is not a
        draft (:meth:`_records` skips it)."""
        (article_id, comment, author, email, url, remember, ready, revision, updated_at,
         title, article_url, post_id) = row
        draft = CommentDraft(
            comment=clean_input(_text(comment)),
            author=clean_input(_text(author), multiline=False),
            email=clean_input(_text(email), multiline=False),
            url=clean_input(_text(url), multiline=False),
            remember=bool(remember),
        )
        target = DraftTarget(
            sanitize_line(_text(article_id)),
            sanitize_line(_text(title)),
            sanitize_line(_text(article_url)) if article_url else None,
            int(post_id) if post_id is not None else None,
        )
        return DraftRecord(target, draft, int(revision), sanitize_line(_text(updated_at)),
                           bool(ready))

    def _records(self, rows: Sequence[tuple[Any, ...]]) -> builtins.list[DraftRecord]:
        """The rows that read as drafts; each other one is named in :attr:`skipped`."""
        records = []
        for row in rows:
            try:
                records.append(self._record(row))
            except (ValueError, TypeError, OverflowError) as exc:
                name = sanitize_line(str(row[0]))[:80] if row else "?"
                self.skipped.append(Sentence("comment.store.skipped", article=repr(name),
                                             reason=sanitize_line(str(exc))[:120]))
        return records

    def load(self, article_id: str) -> DraftRecord | None:
        """The article's current draft, or None."""
        rows = self._query(f"SELECT {_COLUMNS} FROM drafts WHERE article_id = ?", (article_id,))
        records = self._records(rows)
        return records[0] if records else None

    def list(self) -> list[DraftRecord]:
        """All drafts, most recently changed first."""
        rows = self._query(f"SELECT {_COLUMNS} FROM drafts ORDER BY updated_at DESC, article_id")
        return self._records(rows)

    def kept_versions(self, article_id: str) -> builtins.list[KeptVersion]:
        """Texts that lost a conflict for this article, oldest first."""
        rows = self._query(
            "SELECT article_id, comment, author, email, url, revision, kept_at, reason "
            "FROM draft_conflicts WHERE article_id = ? ORDER BY id", (article_id,)
        )
        return [
            KeptVersion(r[0], CommentDraft(r[1], r[2], r[3], r[4]), int(r[5]), r[6], r[7])
            for r in rows
        ]

    def identity(self) -> Identity | None:
        """The remembered name, e-mail and website, if the box was ticked."""
        rows = self._query("SELECT author, email, url FROM comment_identity WHERE id = 1")
        if not rows:
            return None
        return Identity(*(clean_input(v, multiline=False) for v in rows[0]))

    def new_draft(self) -> CommentDraft:
        """An empty draft for an article, pre-filled from the remembered identity."""
        return CommentDraft.new(self.identity())

    # -- writing ---------------------------------------------------------------------------
    def save(self, target: DraftTarget, draft: CommentDraft, *, base_revision: int
             ) -> DraftRecord | None:
        """Store *draft* if the stored revision is still *base_revision* (0: none stored).

        Returns the stored record (None when a blank draft had nothing to
        replace). Raises :class:`DraftConflict` when another instance saved in
        between (the rejected text is kept in ``draft_conflicts``), or
        :class:`DraftSaveError` when the database refuses the write.
        """
        try:
            return self._save(target, draft, base_revision=base_revision)
        except DraftSaveError as error:
            if error.reason != "readonly":
                raise
            # A read-only library will not take it however often saving is retried: the
            # draft goes to the recovery folder at once, and the message says where.
            try:
                kept = keep_in_recovery(target.article_id, draft)
            except OSError:
                raise error from None
            raise DraftSaveError("readonly_kept", str(kept)) from None

    def _save(self, target: DraftTarget, draft: CommentDraft, *, base_revision: int
              ) -> DraftRecord | None:
        ready = validate(draft).ready
        with self._write() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM drafts WHERE article_id = ?", (target.article_id,)
            ).fetchone()
            current = self._record(row) if row else None
            if current is not None and current.revision != base_revision:
                if current.draft == draft:
                    return current  # the same text arrived from both sides: no conflict
                self._keep(conn, target.article_id, draft, base_revision, "conflict")
                conflict = DraftConflict(draft, current)
            else:
                conflict = None
                if current is None and draft.is_blank:
                    return None
                revision = (current.revision if current else max(base_revision, 0)) + 1
                updated_at = _now()
                conn.execute(
                    "INSERT INTO drafts (article_id, comment, author, email, url, remember, "
                    "ready, revision, updated_at, article_title, article_url, post_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(article_id) DO UPDATE SET comment = excluded.comment, "
                    "author = excluded.author, email = excluded.email, url = excluded.url, "
                    "remember = excluded.remember, ready = excluded.ready, "
                    "revision = excluded.revision, updated_at = excluded.updated_at, "
                    "article_title = coalesce(excluded.article_title, article_title), "
                    "article_url = coalesce(excluded.article_url, article_url), "
                    "post_id = coalesce(excluded.post_id, post_id)",
                    (target.article_id, draft.comment, draft.author, draft.email, draft.url,
                     int(draft.remember), int(ready), revision, updated_at,
                     target.title or None, target.url, target.post_id),
                )
                self._remember(conn, draft)
        if conflict is not None:
            raise conflict
        return DraftRecord(target, draft, revision, updated_at, ready)

    def keep_mine(self, target: DraftTarget, mine: CommentDraft, theirs: DraftRecord
                  ) -> DraftRecord | None:
        """Resolve a conflict for *mine*: their text goes to ``draft_conflicts`` first."""
        with self._write() as conn:
            self._keep(conn, target.article_id, theirs.draft, theirs.revision, "replaced")
        return self.save(target, mine, base_revision=theirs.revision)

    def keep_aside(self, article_id: str, draft: CommentDraft, revision: int,
                   reason: str) -> None:
        """Keep a text in ``draft_conflicts`` (a version the user is about to drop)."""
        with self._write() as conn:
            self._keep(conn, article_id, draft, revision, reason)

    def resolve(self, ref: str) -> str | None:
        """The article id of the draft *ref* names: the whole id, or a prefix of one draft's
        alone (see :mod:`reader.library.ids`: empty refused, ambiguous refused naming the
        candidates); None when no draft matches."""
        from reader.library.ids import match_in_table

        with self._lock:
            try:
                return match_in_table(self.connection, "drafts", "article_id", ref)
            except sqlite3.Error as exc:
                raise classify_error(exc) from exc

    def delete(self, article_id: str) -> bool:
        """Remove an article's draft (and its kept versions); True if there was one."""
        with self._write() as conn:
            gone = conn.execute("DELETE FROM drafts WHERE article_id = ?", (article_id,)).rowcount
            conn.execute("DELETE FROM draft_conflicts WHERE article_id = ?", (article_id,))
        return gone > 0

    def forget_identity(self) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM comment_identity")

    @staticmethod
    def _keep(conn: sqlite3.Connection, article_id: str, draft: CommentDraft, revision: int,
              reason: str) -> None:
        conn.execute(
            "INSERT INTO draft_conflicts (article_id, comment, author, email, url, revision, "
            "kept_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, draft.comment, draft.author, draft.email, draft.url, revision, _now(),
             reason),
        )

    @staticmethod
    def _remember(conn: sqlite3.Connection, draft: CommentDraft) -> None:
        """A draft saved with the box ticked remembers its name, e-mail and website.

        Unticking forgets them, but only when the user unticks
        (:meth:`forget_identity`): an old draft saved unticked must not erase
        the identity another article's draft remembered.
        """
        if draft.remember and draft.identity != Identity():
            conn.execute(
                "INSERT INTO comment_identity (id, author, email, url, updated_at) "
                "VALUES (1, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET author = excluded.author, "
                "email = excluded.email, url = excluded.url, updated_at = excluded.updated_at",
                (draft.author, draft.email, draft.url, _now()),
            )
