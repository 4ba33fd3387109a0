"""Stored articles: the :class:`Article` model and one parser per stored form."""

from reader.articles.model import Article, CommentForm, RelatedLink

__all__ = ["Article", "CommentForm", "RelatedLink"]
