"""``rtl-reader related ARTICLE [--top N]``: the article's related links, then similar ones.

ARTICLE is a library id (or a unique prefix of one) or a file, imported first.
Each line: the similarity score (``page`` for a link the page itself listed),
the stored article's id (or the link's address), and the title.
"""

from __future__ import annotations

import argparse

from reader.articles.display import link_target
from reader.cli.arguments import article_ref, count_option
from reader.cli.columns import add_display_options, display_options, print_rows, row
from reader.cli.library_options import add_library_option, open_library


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ARTICLE", type=article_ref,
                        help="a library id (or a unique prefix of one) or an article file")
    count_option(parser, "--top", 10, "at most N similar articles")
    add_library_option(parser)
    add_display_options(parser)


def run(args: argparse.Namespace) -> int:
    options = display_options(args)
    with open_library(args) as library:
        article = library.resolve(args.article)
        items = library.related(article.id, top=args.top)
    rows = [row(f"related to {article.id}  ", article.title, options)]
    for item in items:
        score = f"{item.score:7.2f}" if item.score is not None else "   page"
        where = link_target(item.article_id, item.url) or "-"
        if len(where) > 16:
            rows.append([f"{score}  {where}"])
            where = ""
        rows.append(row(f"{score}  {where:<16}  " if where else " " * 27, item.title, options))
    print_rows(rows)
    return 0
