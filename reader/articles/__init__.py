"""Stored articles: the :class:`Article` model and one parser per stored form.

Read files through :func:`parse_path` / :func:`parse_bytes` (all-or-nothing) or
:func:`read_path` / :func:`read_bytes` (a :class:`ParseResult` with the
problems of the parts that could not be read); :func:`article_record` writes
an article as a JSON object those parsers read back unchanged.
"""

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
