"""``rtl-reader list``: the library's articles, newest first: id, date, source, title."""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from reader.cli.columns import add_display_options, display_options, print_rows, row
from reader.cli.library_options import add_library_option, open_library
from reader.cli.say import warn
from reader.text.sanitize import sanitize_line

SOURCE_CELLS = 14


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_library_option(parser)
    add_display_options(parser)


def row_prefix(article_id: str, date: str | None, source: str | None) -> str:
    """Fixed-width id, date (day only) and source columns, sanitized."""
    day = sanitize_line(date or "")[:10] or "-"
    source_text = sanitize_line(source or "-")
    if len(source_text) > SOURCE_CELLS:
        source_text = source_text[: SOURCE_CELLS - 1] + "…"
    return f"{article_id:<16}  {day:<10}  {source_text:<{SOURCE_CELLS}}  "


def run(args: argparse.Namespace) -> int:
    options = display_options(args)
    with open_library(args) as library:
        articles = library.list_articles()
    print_rows([row(row_prefix(a.id, a.date, a.source), a.title, options) for a in articles])
    warn_skipped(library.skipped)
    return 0


def warn_skipped(problems: Iterable[str]) -> None:
    """One line on standard error for each stored row that was skipped."""
    for problem in problems:
        warn(problem)
