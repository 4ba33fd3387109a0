"""The SQLite library: storage and migrations, import, search, related articles.

``Library.open()`` is the way in; see :mod:`reader.library.library`.
"""

from __future__ import annotations

from reader.library.errors import (
    CorruptLibraryError,
    LibraryError,
    NewerLibraryError,
    ReadOnlyLibraryError,
)
from reader.library.library import Library
from reader.library.models import (
    ArticleSummary,
    ImportProblem,
    ImportReport,
    RelatedItem,
    SearchHit,
)
from reader.library.paths import LIBRARY_ENV, default_library_path

__all__ = [
    "LIBRARY_ENV",
    "ArticleSummary",
    "CorruptLibraryError",
    "ImportProblem",
    "ImportReport",
    "Library",
    "LibraryError",
    "NewerLibraryError",
    "ReadOnlyLibraryError",
    "RelatedItem",
    "SearchHit",
    "default_library_path",
]
