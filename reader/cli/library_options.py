"""The ``--library PATH`` option every command takes, and opening the library it names."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.library import Library


def add_library_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--library PATH`` (default: $RTL_READER_LIBRARY, else the user data folder)."""
    parser.add_argument(
        "--library",
        metavar="PATH",
        type=Path,
        default=None,
        help="the library database (default: $RTL_READER_LIBRARY, else "
        "the user data folder, e.g. ~/.local/share/rtl-reader/library.sqlite3)",
    )


def open_library(args: argparse.Namespace, *, import_bundled: bool = True) -> Library:
    """Open the library ``--library`` names (see :meth:`reader.library.Library.open`)."""
    from reader.library import Library

    return Library.open(getattr(args, "library", None), import_bundled=import_bundled)
