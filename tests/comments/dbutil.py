"""Open a library database with the drafts schema, for tests and their worker processes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DRAFTS_MIGRATION = REPO_ROOT / "reader" / "library" / "migrations" / "0010_drafts.sql"


def open_database(path: Path) -> sqlite3.Connection:
    """Open *path* as the app does: the library's own opener when present, else WAL SQLite."""
    try:
        from reader.library import Library
    except ImportError:
        conn = sqlite3.connect(path, timeout=10)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(DRAFTS_MIGRATION.read_text(encoding="utf-8"))
        return conn
    return Library.open(path, import_bundled=False).connection
