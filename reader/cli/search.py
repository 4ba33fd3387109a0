"""``rtl-reader search QUERY [--limit N]``: ranked articles with a snippet of each.

Harakat, hamza forms, tatweel and attached prefixes do not matter: ``اسرائيل``
finds ``إسرائيل`` and ``الاتفاق`` finds ``والاتفاق``. Exit status 1 when nothing
matches (like grep).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from reader.cli.arguments import count_option
from reader.cli.columns import add_display_options, display_options, print_rows, row
from reader.cli.library_options import add_library_option, open_library
from reader.cli.list_ import row_prefix
from reader.cli.say import emit, text
from reader.text.sanitize import sanitize_line

if TYPE_CHECKING:
    from reader.library.models import SearchHit
    from reader.text.layout import LayoutOptions

SNIPPET_INDENT = "    "


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="QUERY", help=text("cli.option.query"))
    count_option(parser, "--limit", 20, text("cli.option.limit"))
    add_library_option(parser)
    add_display_options(parser)


def run(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    options = display_options(args)
    with open_library(args) as library:
        found = print_rows(hit_rows(library.iter_search(query, limit=args.limit), options))
    if not found:
        emit(text("cli.search.none", query=repr(sanitize_line(query))))
        return 1
    return 0


def hit_rows(hits: Iterable[SearchHit], options: LayoutOptions) -> Iterator[list[str]]:
    """Two rows per hit (id, date, source and title; the snippet below), made as the
    hits come, so the first are printed while later ones are still being read."""
    for hit in hits:
        yield row(row_prefix(hit.article_id, hit.date, hit.source), hit.title, options)
        yield row(SNIPPET_INDENT, hit.snippet, options)
