"""The library screen's widgets."""

from reader.ui.widgets.library.article_list import ArticleList

__all__ = ["ArticleList"]
