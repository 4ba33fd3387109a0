"""Stored articles: the :class:`Article` model and one parser per stored form.

Read files through :func:`parse_path` / :func:`parse_bytes` (all-or-nothing) or
:func:`read_path` / :func:`read_bytes` (a :class:`ParseResult` with the
problems of the parts that could not be read); :func:`article_record` writes
an article as a JSON object those parsers read back unchanged.

The names are loaded on first use: the app opens a stored article through
:mod:`reader.articles.model` alone, and should not pay for importing every parser
(and trafilatura's HTML stack behind them) before its first paint.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.articles.json_articles import article_record
    from reader.articles.model import Article, CommentForm, RelatedLink
    from reader.articles.parse import (
        ARTICLE_SUFFIXES,
        is_article_file,
        parse_bytes,
        parse_path,
        read_bytes,
        read_path,
    )
    from reader.articles.result import ParseResult

#: Public name -> the module that defines it.
_HOMES = {
    "ARTICLE_SUFFIXES": "parse",
    "Article": "model",
    "CommentForm": "model",
    "ParseResult": "result",
    "RelatedLink": "model",
    "article_record": "json_articles",
    "is_article_file": "parse",
    "parse_bytes": "parse",
    "parse_path": "parse",
    "read_bytes": "parse",
    "read_path": "parse",
}

__all__ = [
    "ARTICLE_SUFFIXES",
    "Article",
    "CommentForm",
    "ParseResult",
    "RelatedLink",
    "article_record",
    "is_article_file",
    "parse_bytes",
    "parse_path",
    "read_bytes",
    "read_path",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
