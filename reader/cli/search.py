"""``rtl-reader search QUERY [--limit N]``: ranked articles with a snippet of each.

Harakat, hamza forms, tatweel and attached prefixes do not matter: ``اسرائيل``
finds ``إسرائيل`` and ``الاتفاق`` finds ``والاتفاق``. Exit status 1 when nothing
matches (like grep).
"""

from __future__ import annotations

import argparse
import sys

from reader.cli.library_options import add_library_option, open_library
from reader.cli.list_ import format_row
from reader.text.sanitize import sanitize_line


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="QUERY", help="words to look for")
    parser.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N hits")
    add_library_option(parser)


def run(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with open_library(args) as library:
        hits = library.search(query, limit=args.limit)
    if not hits:
        print(f"no article matches {sanitize_line(query)!r}", file=sys.stderr)
        return 1
    for hit in hits:
        print(format_row(hit.article_id, hit.date, hit.source, hit.title))
        print(f"    {sanitize_line(hit.snippet)}")
    return 0
