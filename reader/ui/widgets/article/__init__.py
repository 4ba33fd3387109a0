"""The article pane: engine lines drawn through Textual's Line API."""

from reader.ui.widgets.article.view import ArticleView, ReadingPosition

__all__ = ["ArticleView", "ReadingPosition"]
