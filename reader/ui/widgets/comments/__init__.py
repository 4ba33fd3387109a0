"""The comment-draft pane: a container that hosts the comment editor widget."""

from reader.ui.widgets.comments.pane import CommentPane

__all__ = ["CommentPane"]
