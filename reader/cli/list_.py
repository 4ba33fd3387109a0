"""``rtl-reader list``: the library's articles, newest first: id, date, source, title."""

from __future__ import annotations

import argparse

from reader.cli.library_options import add_library_option, open_library
from reader.text.sanitize import sanitize_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_library_option(parser)


def format_row(article_id: str, date: str | None, source: str | None, title: str) -> str:
    """One tab-free line: fixed-width id and date, then source and title (sanitized)."""
    day = sanitize_line(date or "")[:10] or "-"
    return f"{article_id:<16}  {day:<10}  {sanitize_line(source or '-')}  {sanitize_line(title)}"


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        articles = library.list_articles()
    for article in articles:
        print(format_row(article.id, article.date, article.source, article.title))
    return 0
