"""The article pane: engine lines drawn through Textual's Line API."""

from reader.ui.widgets.article.rows import ReadingPosition
from reader.ui.widgets.article.view import ArticleView

__all__ = ["ArticleView", "ReadingPosition"]
