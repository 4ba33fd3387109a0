"""The ``--library PATH`` option every command takes, and opening the library it names."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.say import tell, text

if TYPE_CHECKING:
    from pathlib import Path

    from reader.library import Library


def add_library_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--library PATH`` (default: $RTL_READER_LIBRARY, else the user data folder)."""
    parser.add_argument(
        "--library",
        metavar="PATH",
        type=library_path,
        default=None,
        help=text("cli.option.library"),
    )


def library_path(value: str) -> Path:
    """``--library``'s value as a path. pathlib (with urllib.parse and ipaddress) is
    imported when the option is given, not at every start: ``cat`` of a text file never
    opens a library."""
    from pathlib import Path

    return Path(value)


def open_library(args: argparse.Namespace, *, import_bundled: bool = True) -> Library:
    """Open the library ``--library`` names (see :meth:`reader.library.Library.open`).

    A path given with ``--library`` must name a file in an existing folder: a folder, or
    a folder that does not exist, is a usage error (exit 2), so that a mistyped path never
    looks like an empty library. A new file in an existing folder becomes a new library,
    with one line on standard error saying so.
    """
    from reader.library import Library
    from reader.library.paths import check_given_library_path

    given = getattr(args, "library", None)
    new = check_given_library_path(given) if given is not None and str(given) else False
    library = Library.open(given, import_bundled=import_bundled)
    if new:
        from reader.text.decode import describe_source

        tell("cli.library.created", path=describe_source(str(library.path)))
    return library
