"""The comment-draft pane.

It hosts the comment editor (a widget of the comments area) through
:meth:`CommentPane.mount_editor`. Until an editor is mounted it shows the fields
of the article's comment form, as the site had them, laid out by the engine.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from reader.ui.labels import Labels


class CommentPane(VerticalScroll, can_focus=True):
    """Hosts the comment editor; shows the article's comment form fields meanwhile."""

    DEFAULT_CSS = """
    CommentPane > .comment-pane--form { width: 1fr; height: auto; }
    """

    def __init__(self, labels: Labels, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self.form: Any = None
        self.article: Any = None
        self.article_id: str | None = None
        self.editor: Widget | None = None
        self._built_width = 0

    def compose(self):  # type: ignore[override]
        yield Static(id="comment-form", classes="comment-pane--form")

    def set_article(self, article: Any) -> None:
        """The article whose comment is drafted (its ``comment_form`` may be None)."""
        self.article = article
        self.article_id = article.id
        self.form = article.comment_form
        self._show_form()

    def set_labels(self, labels: Labels) -> None:
        self.labels = labels
        self._show_form()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._built_width:
            self._show_form()

    async def mount_editor(self, editor: Widget) -> None:
        """Replace the form summary with *editor* (the comment editor widget)."""
        if self.editor is not None:
            await self.editor.remove()
        self.editor = editor
        self.query_one("#comment-form", Static).display = False
        await self.mount(editor)

    def focus_pane(self) -> None:
        """Focus the editor when there is one, else the pane itself."""
        target = self.editor if self.editor is not None and self.editor.can_focus else self
        self.screen.set_focus(target)  # immediately: the next key must land here

    def _show_form(self) -> None:
        if not self.is_mounted:
            return
        static = self.query_one("#comment-form", Static)
        self._built_width = self.scrollable_content_region.width
        width = max(10, self._built_width - 1)
        static.styles.text_align = "right" if self.labels.rtl else "left"
        text = Text(no_wrap=True)
        form = self.form
        if form is None:
            text.append(self.labels("comment.none"), style="dim")
            static.update(text)
            return
        for own_words in (form.heading, form.note):
            if own_words:
                lines = self.labels.block(own_words, width, direction="rtl")
                text.append(self.labels.padded(lines, width) + "\n", style="bold")
        text.append(self.labels("comment.fields") + "\n", style="underline")
        for name in form.fields:
            key = f"comment.field.{name}"
            try:
                label = self.labels(key)
            except KeyError:
                label = self.labels.line(name)
            mark = " *" if name in form.required else ""
            text.append(label + mark + "\n")
        static.update(text)
