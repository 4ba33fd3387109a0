"""The SQLite library: storage and migrations, import, search, related articles.

``Library.open()`` is the way in; see :mod:`reader.library.library`.

The result types (:mod:`reader.library.models`) load on first use: opening the
library to show one article needs none of them before the app's first paint.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from reader.library.errors import (
    CorruptLibraryError,
    LibraryError,
    NewerLibraryError,
    ReadOnlyLibraryError,
)
from reader.library.library import Library
from reader.library.paths import LIBRARY_ENV, default_library_path

if TYPE_CHECKING:
    from reader.library.models import (
        ArticleSummary,
        ImportProblem,
        ImportReport,
        RelatedItem,
        SearchHit,
    )

_MODELS = {"ArticleSummary", "ImportProblem", "ImportReport", "RelatedItem", "SearchHit"}

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


def __getattr__(name: str) -> Any:
    if name not in _MODELS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module("reader.library.models"), name)
    globals()[name] = value
    return value
