"""``rtl-reader related ARTICLE [--top N]``: the article's related links, then similar ones.

ARTICLE is a library id (or a unique prefix of one) or a file, imported first.
"""

from __future__ import annotations

import argparse

from reader.cli.library_options import add_library_option, open_library
from reader.cli.search import _positive
from reader.text.sanitize import sanitize_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ARTICLE", help="a library id or an article file")
    parser.add_argument(
        "--top", type=_positive, default=10, metavar="N", help="at most N similar articles"
    )
    add_library_option(parser)


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        article = library.resolve(args.article)
        items = library.related(article.id, top=args.top)
    print(f"related to {article.id}  {sanitize_line(article.title)}")
    for item in items:
        where = item.article_id or sanitize_line(item.url or "") or "-"
        score = f"{item.score:7.2f}" if item.score is not None else "   page"
        print(f"{score}  {where:<16}  {sanitize_line(item.title)}")
    return 0
