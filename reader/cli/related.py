"""``rtl-reader related ARTICLE [--top N]``: the article's related links, then similar ones.

ARTICLE is a library id (or a unique prefix of one) or a file, imported first.
The page's own links come first (marked ``page``), then the stored articles
related above the library's floor, most related first. Each line: a relevance bar
and percentage (the share of the article's key terms the other one has), the
stored article's id (or the link's address) and the title; under a similar
article, the key terms the two share: why it is listed.
"""

from __future__ import annotations

import argparse

from reader.articles.display import link_target, relevance_bar, terms_line
from reader.cli.arguments import article_ref, count_option
from reader.cli.columns import add_display_options, display_options, print_rows, row
from reader.cli.library_options import add_library_option, open_library
from reader.cli.say import text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ARTICLE", type=article_ref,
                        help=text("cli.option.related_article"))
    count_option(parser, "--top", 20, text("cli.option.top"))
    add_library_option(parser)
    add_display_options(parser)


def run(args: argparse.Namespace) -> int:
    options = display_options(args)
    with open_library(args) as library:
        article = library.resolve(args.article)
        items = library.related(article.id, top=args.top)
    rows = [row(text("cli.related.header", id=article.id) + "  ", article.title, options)]
    page = text("cli.related.page")
    shared = text("cli.related.shared")
    for item in items:
        if item.relevance is None:
            score = f"{page:>10}"
        else:
            score = f"{relevance_bar(item.relevance)} {round(item.relevance * 100):3d}%"
        where = link_target(item.article_id, item.url) or "-"
        if len(where) > 16:
            rows.append([f"{score}  {where}"])
            where = ""
        rows.append(row(f"{score}  {where:<16}  " if where else " " * 30, item.title, options))
        if item.shared_terms:
            rows.append(row(f"{'':10}  {shared:<16}  ", terms_line(item.shared_terms),
                            options))
    print_rows(rows)
    return 0
