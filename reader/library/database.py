"""Opening the SQLite file safely and bringing its schema up to date.

A damaged file or an unwritable location is reported (naming the path), never
repaired by replacing it: the library may hold the user's only copy of drafts
and reading positions.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from reader.i18n.sentence import Sentence
from reader.library.errors import (
    CorruptLibraryError,
    LibraryError,
    NewerLibraryError,
    ReadOnlyLibraryError,
)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
BUSY_TIMEOUT_MS = 5000
#: The page size of a library made new (SQLite's default is 4 KiB; an existing file
#: keeps its own). An article's row is 3-4 KB: at 4 KiB pages each took a page of
#: its own or spilled onto overflow pages, and with larger pages the rows pack
#: tightly. Less is written by a big import, copied from its index's scratch file
#: (reader.library.bulk_index), and written again by the commit's checkpoint.
#: (64 KiB packs a little tighter still, but a comment draft of tens of KB would
#: then sit inside a page instead of on pages of its own.)
NEW_LIBRARY_PAGE_SIZE = 32768


class Migration(NamedTuple):
    """One schema step: ``NNNN_name.sql`` brings the schema to version NNNN."""

    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """All migration files shipped in ``reader/library/migrations``, in version order."""
    folder = resources.files("reader.library") / "migrations"
    found: dict[int, Migration] = {}
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if not match:
            continue
        version = int(match.group(1))
        if version in found:
            raise RuntimeError(f"two migrations for schema version {version}")
        found[version] = Migration(version, entry.name, entry.read_text(encoding="utf-8"))
    return [found[v] for v in sorted(found)]


def _location_is_writable(path: Path) -> bool:
    """Whether SQLite can write the library at *path* (the file, and its folder for the
    write-ahead log). A new file needs its folder created and writable."""
    folder = path.parent
    if not path.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReadOnlyLibraryError(path, Sentence("library.no_folder",
                                                       reason=str(exc.strerror))) from None
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ReadOnlyLibraryError(path, Sentence("library.folder_read_only"))
        return True
    return os.access(folder, os.W_OK | os.X_OK) and os.access(path, os.W_OK)


def describe_sqlite_error(path: Path, exc: sqlite3.Error) -> LibraryError:
    """Turn an SQLite failure into a library error naming the file."""
    message = str(exc)
    lowered = message.lower()
    if "file is not a database" in lowered:
        return CorruptLibraryError(path, Sentence("library.not_sqlite"))
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return ReadOnlyLibraryError(path, Sentence("library.cannot_write", reason=message))
    if isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered
    ):
        return CorruptLibraryError(path, Sentence("library.damaged", reason=message))
    return LibraryError(path, message)


@contextlib.contextmanager
def reported_as(path: Path) -> Iterator[None]:
    """Run a block, reporting any SQLite failure as a :class:`LibraryError` naming *path*."""
    try:
        yield
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc


@contextlib.contextmanager
def transaction(
    connection: sqlite3.Connection, *, main_table: str | None = None
) -> Iterator[sqlite3.Connection]:
    """One write transaction: ``BEGIN IMMEDIATE`` (the write lock taken before anything is
    read, so what the block reads cannot change before it writes), ``COMMIT`` when the
    block ends, ``ROLLBACK`` when it or the commit fails, then the error goes on.

    The only place the library and the drafts begin and end transactions. SQLite may
    already have rolled back by itself (a full disk, an I/O error): the rollback is then
    skipped, so the error that matters is the one reported.

    ``BEGIN IMMEDIATE`` takes the write lock of every attached database too. With
    *main_table* (a table of the main database) the lock is taken on the main database
    alone, as early, by a write to that table that changes nothing: an attached file
    that another process is still writing (:mod:`reader.library.bulk_index`) stays free.
    """
    connection.execute("BEGIN" if main_table else "BEGIN IMMEDIATE")
    try:
        if main_table:
            connection.execute(f'DELETE FROM main."{main_table}" WHERE 0')
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def connect(path: Path) -> tuple[sqlite3.Connection, bool]:
    """Open (creating if absent) the library at *path*; return the connection and whether
    it is read-only.

    Whether the file is damaged is SQLite's to say, by opening it and answering a first
    query (the schema); ``PRAGMA quick_check`` runs only after one of them has failed, to
    say what is wrong, never on the way to the first paint. (A size that is not a whole
    number of pages, as a disk that filled during a checkpoint leaves, is no damage:
    SQLite reads the whole pages.) A file or folder that cannot be written opens
    read-only: reading works, writes are refused as read-only. A writable library is in
    WAL mode with its schema current; leftover WAL and shared-memory files of a crashed
    process are SQLite's to replay.
    """
    if _location_is_writable(path):
        try:
            return _open_writable(path), False
        except ReadOnlyLibraryError:
            pass  # the permissions said yes, the file system no (a read-only mount)
    return _open_read_only(path), True


def _open_writable(path: Path) -> sqlite3.Connection:
    connection = _first_query(path, lambda: sqlite3.connect(
        path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
    ))
    try:
        with reported_as(path):
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if connection.execute("PRAGMA page_count").fetchone()[0] == 0:  # a new file
                connection.execute(f"PRAGMA page_size = {NEW_LIBRARY_PAGE_SIZE:d}")
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise LibraryError(path, Sentence("library.no_wal", mode=mode))
            connection.execute("PRAGMA synchronous = NORMAL")
            migrate(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection


def _open_read_only(path: Path) -> sqlite3.Connection:
    """The library opened for reading only. A WAL library needs its shared-memory file,
    which a read-only folder cannot hold: then it is opened as immutable (nothing else
    can write there either)."""
    uri = path.resolve().as_uri()

    def opener(flags: str) -> Callable[[], sqlite3.Connection]:
        return lambda: sqlite3.connect(
            f"{uri}?{flags}", uri=True, isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
        )

    try:
        connection = _first_query(path, opener("mode=ro"))
    except LibraryError as exc:
        if isinstance(exc, CorruptLibraryError):
            raise
        connection = _first_query(path, opener("mode=ro&immutable=1"))
    try:
        version = schema_version(connection)
        latest = load_migrations()[-1].version
        if version > latest:
            raise NewerLibraryError(path, Sentence("library.newer", schema=version,
                                                   latest=latest))
        if version < latest:
            raise ReadOnlyLibraryError(path, Sentence("library.older_read_only"))
    except BaseException:
        connection.close()
        raise
    return connection


def _first_query(path: Path, open_it: Callable[[], sqlite3.Connection]) -> sqlite3.Connection:
    """Open the file and read its schema (SQLite reads lazily: the open alone says
    little). On failure, name the damage: ``PRAGMA quick_check`` runs then, and only then."""
    connection: sqlite3.Connection | None = None
    try:
        connection = open_it()
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        if connection is not None:
            connection.close()
        error = describe_sqlite_error(path, exc)
        if type(error) is LibraryError and isinstance(exc, sqlite3.DatabaseError):
            error = _checked(path, exc) or error
        raise error from None
    return connection


def _checked(path: Path, exc: sqlite3.Error) -> LibraryError | None:
    """After a failed open: what ``PRAGMA quick_check`` finds, as a CorruptLibraryError
    (None when it finds nothing, or cannot run: the first error stands)."""
    try:
        checker = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = checker.execute("PRAGMA quick_check(3)").fetchall()
        finally:
            checker.close()
    except sqlite3.Error as check_exc:
        return describe_sqlite_error(path, check_exc) if "malformed" in str(check_exc) else None
    problems = [str(row[0]) for row in rows if str(row[0]) != "ok"]
    if not problems:
        return None
    return CorruptLibraryError(
        path, Sentence("library.damaged", reason=f"{exc}; {'; '.join(problems)}"))


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _statements(sql: str) -> Iterator[str]:
    """Split a migration file into statements (SQLite decides where each one ends)."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""
    if buffer.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in buffer.splitlines()
    ):
        raise RuntimeError("migration ends with an incomplete statement")


def migrate(
    connection: sqlite3.Connection,
    path: Path,
    migrations: list[Migration] | None = None,
) -> int:
    """Apply the migrations newer than the database's ``user_version``, each in a transaction.

    Two processes opening an old library at once do not both migrate: the version
    is read again under the write lock. Returns the resulting version.

    Migrations that convert data call the parsers' own functions, registered here
    (``canonical_date``), so an upgraded row reads as a newly imported one.
    """
    migrations = load_migrations() if migrations is None else migrations
    latest = migrations[-1].version if migrations else 0
    current = schema_version(connection)
    if current > latest:
        raise NewerLibraryError(path, Sentence("library.newer", schema=current, latest=latest))
    pending = [migration for migration in migrations if migration.version > current]
    if pending:  # the parsers' functions load only when there is something to convert
        from reader.articles.dates import canonical_date

        connection.create_function("canonical_date", 1, canonical_date, deterministic=True)
    for migration in pending:
        with transaction(connection):
            if schema_version(connection) >= migration.version:
                continue  # another process migrated while this one waited for the lock
            for statement in _statements(migration.sql):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {migration.version:d}")
        current = migration.version
    if pending and pending[0].version == 1:
        # A library made new: the tables later migrations replaced leave their pages
        # free in the file; it starts without them (empty, this takes milliseconds).
        connection.execute("VACUUM")
    return schema_version(connection)
