"""The comment-draft pane of the reading screen.

It hosts the comment editor (:class:`reader.ui.comments.CommentPane`: the form,
the Arabic editor and the offline draft) for articles that have a comment form,
and says so when an article has none. The editor saves by itself; the host tells
it which article is shown and follows the app's settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from reader.ui.labels import Labels

if TYPE_CHECKING:
    from reader.ui.comments import CommentPane as DraftPane


class ReadingCommentPane(Vertical, can_focus=True):
    """The titled pane; the draft editor is mounted on the first article with a form.

    Named apart from the editor's own pane class: Textual's queries select widgets by
    class name, so ``query(CommentPane)`` found both (and configured the editor with
    this pane's arguments).
    """

    DEFAULT_CSS = """
    ReadingCommentPane > #comment-form { width: 1fr; height: auto; }
    """

    def __init__(self, labels: Labels, library: Any, *, bidi: str = "app",
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self.library = library
        self.bidi = bidi
        self.form: Any = None
        self.article: Any = None
        self.article_id: str | None = None
        self.editor: DraftPane | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="comment-form")

    # ---------------------------------------------------------------- hosting
    def set_article(self, article: Any) -> None:
        """Show the draft of *article* (or say it has no comment form)."""
        self.article = article
        self.article_id = article.id
        self.form = article.comment_form
        if self.form is None:
            self._show_message()
            if self.editor is not None:
                self.editor.display = False
            return
        # The editor and the drafts' store load with the first article that has a form,
        # after the article's first paint, not with the app.
        from reader.comments.store import DraftTarget
        from reader.ui.comments import CommentPane as DraftPane

        self.query_one("#comment-form", Static).display = False
        target = DraftTarget.for_article(article)
        if self.editor is None:
            self.editor = DraftPane(self.library, target, bidi=self.bidi,
                                    language=self.labels.translate.lang,
                                    direction=article.direction)
            self.mount(self.editor)
        else:
            self.editor.display = True
            self.editor.show_article(target)

    def configure(self, labels: Labels, bidi: str) -> None:
        """Follow a change of interface language or bidi mode."""
        self.labels, self.bidi = labels, bidi
        if self.editor is not None and self.editor.is_mounted:
            self.editor.configure(bidi=bidi, language=labels.translate.lang)
        if self.form is None and self.article is not None:
            self._show_message()

    @property
    def unsaved(self) -> bool:
        """True while a draft on screen is not yet in the library."""
        return self.editor is not None and self.editor.unsaved

    def focus_pane(self) -> None:
        """Focus the draft's comment text, or the pane when there is no form."""
        editor = self.editor
        target: Widget = editor if editor is not None and editor.display else self
        self.screen.set_focus(target)  # immediately: the next key must land here

    def _show_message(self) -> None:
        static = self.query_one("#comment-form", Static)
        static.display = True
        static.styles.text_align = "right" if self.labels.rtl else "left"
        static.update(Text(self.labels("comment.none"), style="dim"))
