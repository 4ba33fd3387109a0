"""``rtl-reader import PATH...``: add article files and folders to the library.

Prints each problem (file and reason) on stderr and a one-line summary on stdout.
Exit status 0 when every file was read (articles already stored count as read),
1 when any file or record could not be imported, so scripts notice; the good
ones are imported all the same.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.cli.library_options import add_library_option, open_library
from reader.text.sanitize import sanitize_line

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from reader.library.importer import ImportProgress


#: Skipped files named one a line; beyond this many, a count.
SKIPPED_SHOWN = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files (.txt, .html, .json, .jsonl) or folders, searched recursively",
    )
    add_library_option(parser)
    parser.epilog = "Exit status 1 when any file could not be imported (the rest are)."


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library, import_progress() as progress:
        report = library.import_paths(args.paths, progress=progress)
    for warning in report.warnings:
        print(f"rtl-reader: warning: {sanitize_line(str(warning))}", file=sys.stderr)
    for skipped in report.skipped[:SKIPPED_SHOWN]:
        print(f"rtl-reader: skipped {sanitize_line(str(skipped))}", file=sys.stderr)
    if len(report.skipped) > SKIPPED_SHOWN:
        print(f"rtl-reader: skipped {len(report.skipped) - SKIPPED_SHOWN:,} more files of "
              "kinds the reader does not read", file=sys.stderr)
    for problem in report.problems:
        print(f"rtl-reader: {sanitize_line(str(problem))}", file=sys.stderr)
    print(report.summary())
    return 0 if report.ok else 1


@contextlib.contextmanager
def import_progress() -> Iterator[ImportProgress | None]:
    """A progress bar (rich's, on standard error, gone when done) while importing, on a
    terminal only: in a pipe or a log there is nothing to watch, so nothing is drawn.
    The bar (and rich) load when the first file is found: opening a stored article by
    id, which imports nothing, pays nothing for it."""
    if not sys.stderr.isatty():
        yield None
        return
    progress = _BarProgress()
    try:
        yield progress
    finally:
        progress.stop()


class _BarProgress:
    """:class:`reader.library.importer.ImportProgress` drawn as a rich progress bar."""

    def __init__(self) -> None:
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def add_total(self, size: int) -> None:
        if self.bar is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                TextColumn("importing"), BarColumn(), DownloadColumn(), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("importing", total=0)
        assert self.task is not None
        self.bar.update(self.task, total=(self.bar.tasks[0].total or 0) + size)

    def advance(self, size: int) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task, size)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
