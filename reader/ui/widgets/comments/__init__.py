"""The comment-draft pane: a container that hosts the comment editor widget."""

from reader.ui.widgets.comments.pane import ReadingCommentPane

__all__ = ["ReadingCommentPane"]
