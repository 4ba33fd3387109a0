"""Fixtures for the comment-draft tests: a library database with the drafts schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.comments.dbutil import open_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    open_database(path).close()
    return path


@pytest.fixture
def connection(db_path: Path):
    conn = open_database(db_path)
    yield conn
    conn.close()
