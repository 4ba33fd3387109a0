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
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from reader.library.errors import (
    CorruptLibraryError,
    LibraryError,
    NewerLibraryError,
    ReadOnlyLibraryError,
)

_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
BUSY_TIMEOUT_MS = 5000


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


def check_database_file(path: Path) -> None:
    """Refuse a file that is not a whole SQLite database, before SQLite touches it.

    SQLite opens anything lazily and reports damage only when a damaged page is
    read (perhaps mid-import); the header tells us up front about garbage and
    about the commonest damage, a file cut short by a full disk or a bad copy.
    """
    size = path.stat().st_size
    if size == 0:
        return  # SQLite treats an empty file as a new database
    with path.open("rb") as handle:
        header = handle.read(_HEADER_SIZE)
    if len(header) < _HEADER_SIZE or not header.startswith(_MAGIC):
        raise CorruptLibraryError(path, "not an SQLite database (the file was not replaced)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptLibraryError(path, "damaged database header (the file was not replaced)")
    header_pages = int.from_bytes(header[28:32], "big")
    header_pages_valid = header[24:28] == header[92:96] and header_pages > 0
    if size % page_size:
        raise CorruptLibraryError(
            path,
            f"database file is truncated ({size:,} bytes, not a whole number of "
            f"{page_size:,}-byte pages); the file was not replaced",
        )
    if header_pages_valid and size < header_pages * page_size:
        raise CorruptLibraryError(
            path,
            f"database file is truncated ({size:,} bytes of {header_pages * page_size:,}); "
            "the file was not replaced",
        )


def _check_writable(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReadOnlyLibraryError(path, f"cannot create its folder ({exc.strerror})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReadOnlyLibraryError(
            path, "its folder is read-only (SQLite needs to write beside the file)"
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise ReadOnlyLibraryError(path, "the database file is read-only")


def describe_sqlite_error(path: Path, exc: sqlite3.Error) -> LibraryError:
    """Turn an SQLite failure into a library error naming the file."""
    message = str(exc)
    lowered = message.lower()
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return ReadOnlyLibraryError(path, f"cannot write ({message})")
    if isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered
    ):
        return CorruptLibraryError(path, f"damaged database ({message}); the file was not replaced")
    return LibraryError(path, message)


@contextlib.contextmanager
def reported_as(path: Path) -> Iterator[None]:
    """Run a block, reporting any SQLite failure as a :class:`LibraryError` naming *path*."""
    try:
        yield
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: ``BEGIN IMMEDIATE`` (the write lock taken before anything is
    read, so what the block reads cannot change before it writes), ``COMMIT`` when the
    block ends, ``ROLLBACK`` when it or the commit fails, then the error goes on.

    The only place the library and the drafts begin and end transactions. SQLite may
    already have rolled back by itself (a full disk, an I/O error): the rollback is then
    skipped, so the error that matters is the one reported.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if absent) the library at *path*: WAL, foreign keys, schema current."""
    _check_writable(path)
    if path.exists():
        check_database_file(path)
    with reported_as(path):
        # The Library serialises calls with a lock, so the app may call it from workers.
        connection = sqlite3.connect(
            path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise LibraryError(path, f"cannot use write-ahead logging (journal mode {mode})")
            connection.execute("PRAGMA synchronous = NORMAL")
            migrate(connection, path)
        except BaseException:
            connection.close()
            raise
    return connection


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
        raise NewerLibraryError(
            path,
            f"written by a newer rtl-reader (schema {current}; this version knows up to {latest})",
        )
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
    return schema_version(connection)
