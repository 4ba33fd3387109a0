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
from reader.cli.say import emit, for_stream, located, prefixed, tell, text, warn

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID
    from rich.text import Text

    from reader.library.importer import ImportProgress
    from reader.library.models import ImportReport


#: Skipped files named one a line; beyond this many, a count.
SKIPPED_SHOWN = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=text("cli.option.paths"),
    )
    add_library_option(parser)
    parser.epilog = text("cli.import.epilog")


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library, import_progress() as progress:
        report = library.import_paths(args.paths, progress=progress)
    for warning in report.warnings:
        warn(located(warning.source, warning.reason))
    for skipped in report.skipped[:SKIPPED_SHOWN]:
        tell("cli.import.skipped", file=located(skipped.source, skipped.reason))
    if len(report.skipped) > SKIPPED_SHOWN:
        tell("cli.import.skipped_more", count=f"{len(report.skipped) - SKIPPED_SHOWN:,}")
    for problem in report.problems:
        emit(prefixed(located(problem.source, problem.reason)))
    emit(summary(report), sys.stdout)
    return 0 if report.ok else 1


def summary(report: ImportReport) -> str:
    """One line for people: ``12 imported, 3 already in the library, 1 problem``."""
    problems = len(report.problems)
    skipped = text("cli.import.skipped_count", count=len(report.skipped)) if report.skipped else ""
    return text("cli.import.summary", imported=len(report.imported),
                duplicates=len(report.duplicates), skipped=skipped,
                problems=text("cli.import.problem" if problems == 1 else "cli.import.problems",
                              count=problems))


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
    """:class:`reader.library.importer.ImportProgress` drawn as a rich progress bar,
    labelled with what is being done (reading, then writing what was read)."""

    def __init__(self) -> None:
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.label: Text | None = None

    def add_total(self, size: int) -> None:
        if self.bar is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                Progress,
                RenderableColumn,
                TimeElapsedColumn,
            )
            from rich.text import Text

            # Drawn on the terminal: laid out as every message there (in Arabic, joined
            # and in visual order), and plain text (a rich Text), not rich markup.
            self.label = Text(_shown("cli.import.progress"))
            self.bar = Progress(
                RenderableColumn(self.label), BarColumn(), DownloadColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True), transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(text("cli.import.progress"), total=0)
        assert self.task is not None
        self.bar.update(self.task, total=(self.bar.tasks[0].total or 0) + size)

    def advance(self, size: int) -> None:
        if self.bar is not None and self.task is not None:
            self._say("cli.import.progress")
            self.bar.advance(self.task, size)

    def writing(self) -> None:
        """What is read is being written (the search index, the commit)."""
        self._say("cli.import.writing")

    def _say(self, key: str) -> None:
        if self.label is not None:
            self.label.plain = _shown(key)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _shown(key: str) -> str:
    """The catalogue's text for *key* as the bar on standard error shows it."""
    return for_stream(text(key), sys.stderr)
