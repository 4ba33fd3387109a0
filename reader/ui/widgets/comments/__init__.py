"""The comment pane and its widgets: the form, the Arabic editor, the offline draft."""

from reader.ui.widgets.comments.editor import CommentEditor
from reader.ui.widgets.comments.pane import CommentPane

__all__ = ["CommentEditor", "CommentPane"]
