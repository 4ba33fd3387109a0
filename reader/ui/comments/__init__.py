"""The comment pane the reading screen mounts: form, Arabic editor, offline draft."""

from reader.ui.comments.editor import CommentEditor
from reader.ui.comments.pane import CommentPane

__all__ = ["CommentEditor", "CommentPane"]
