"""The comment pane the reading screen mounts: form, Arabic editor, offline draft.

Hosting it (what the reading screen does)::

    from reader.comments.store import DraftTarget
    from reader.ui.comments import CommentPane

    pane = CommentPane(app.library, bidi=app.bidi.mode, language="ar" or "en")
    await host.mount(pane)                                # once
    pane.show_article(DraftTarget.for_article(article))   # on every article shown
    host.screen.set_focus(pane)   # or pane.focus_comment(): the "c" key
    pane.configure(bidi=..., language=...)                # when settings change
    pane.unsaved                  # True while the draft is not in the library

The pane saves by itself (one second after the last change, when focus leaves
it, on show_article of another article, on unmount). While it has focus,
printable keys are text: the screen's letter shortcuts do not fire there;
Tab/Shift+Tab move between the form's fields, Escape is left to the host.
"""

from reader.ui.comments.pane import CommentPane
from reader.ui.widgets.comments.editor import CommentEditor

__all__ = ["CommentEditor", "CommentPane"]
