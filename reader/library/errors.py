"""Library problems the user can act on, each naming the database file."""

from __future__ import annotations

from pathlib import Path

from reader.errors import ReaderError
from reader.i18n.sentence import Sentence
from reader.text.decode import describe_source


class LibraryError(ReaderError):
    """The library database cannot be used; the message names the file and why."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(Sentence("library.problem", library=describe_source(str(path)),
                                  problem=problem))


class CorruptLibraryError(LibraryError):
    """The file is not an SQLite database, or a damaged one. It is never replaced."""


class ReadOnlyLibraryError(LibraryError):
    """The database or its folder cannot be written (SQLite's WAL needs both)."""


class NewerLibraryError(LibraryError):
    """The database was written by a newer rtl-reader with a schema this one does not know."""


class BulkIndexFailed(Exception):
    """The process building a big import's search index failed or stopped (the message
    says which): the import of that file is undone, the library left as it was."""
