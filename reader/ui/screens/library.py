"""The library screen: stored articles newest first, a search field filtering as you type."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, Static

from reader.errors import ReaderError
from reader.text.sanitize import sanitize_line
from reader.ui.bindings import localize_bindings, typing_into_focus
from reader.ui.widgets.bidi_input import BidiInput
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.library import ArticleList

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


class LibraryScreen(Screen):
    """Lists the library; Enter opens, / searches, q quits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "key.quit"),
        Binding("slash", "search", "key.search", key_display="/", priority=True),
        Binding("escape", "leave_search", "key.cancel", show=False),
    ]

    app: ReaderApp  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        # Described in the interface language from the start, so the footer is
        # composed once instead of again after mount.
        localize_bindings(self, self.app.labels)

    def compose(self) -> ComposeResult:
        yield Static(id="library-heading")
        yield BidiInput(id="library-search")
        yield Static(id="library-continue")
        yield ArticleList(self.app.labels, id="library-list")
        yield ReaderFooter()

    def on_mount(self) -> None:
        self.refresh_labels(initial=True)
        self.reload()
        last = self.app.last_article_id()
        if last:
            self.query_one(ArticleList).select_article(last)
        self.query_one(ArticleList).focus()
        self.call_after_refresh(self.app.first_paint_done)

    def refresh_labels(self, *, initial: bool = False) -> None:
        """Show every label in the current interface language and mode."""
        labels = self.app.labels
        if not initial:
            localize_bindings(self, labels)
            localize_bindings(self.query_one(ArticleList), labels)
        align = "right" if labels.rtl else "left"
        heading = self.query_one("#library-heading", Static)
        heading.update(Text(labels("library.title"), style="bold"))
        for static in self.query(Static):
            static.styles.text_align = align
        search = self.query_one("#library-search", BidiInput)
        search.follow(labels)
        search.placeholder = labels.translate("library.search")  # laid out by the field
        self._show_continue()
        if not initial:
            self.query_one(ArticleList).set_labels(labels)
            self.refresh_bindings()

    def _show_continue(self) -> None:
        labels = self.app.labels
        widget = self.query_one("#library-continue", Static)
        title = self.app.last_article_title()
        widget.display = bool(title)
        if title:
            # Wrapped by the engine: Static would wrap visual-order text from the wrong end.
            width = max(10, self.size.width - 2)
            sentence = labels.translate("library.continue", title=title)
            lines = labels.block(sentence, width)
            widget.update(Text(labels.padded(lines, width), style="italic", no_wrap=True))

    def on_resize(self) -> None:
        self._show_continue()

    def reload(self) -> None:
        """List the library, or the hits for the query in the search field."""
        query = sanitize_line(self.query_one("#library-search", Input).value).strip()
        articles = self.query_one(ArticleList)
        try:
            if query:
                articles.set_entries(self.app.library.search(query), empty_key="library.no_hits")
            else:
                articles.set_entries(self.app.library.list_articles())
        except ReaderError as error:
            self.app.notify_error(error)

    @on(Input.Changed, "#library-search")
    def _filter(self) -> None:
        self.reload()

    @on(Input.Submitted, "#library-search")
    def _open_first(self) -> None:
        articles = self.query_one(ArticleList)
        self.set_focus(articles)
        if articles.entries:
            articles.highlighted = 0
            articles.action_select()

    @on(ArticleList.Open)
    def _open(self, event: ArticleList.Open) -> None:
        self.app.open_article(event.article_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "/" is a priority binding, so that the keys typed right after it (queued
        # while the app is busy) reach the field; in a text field it is a character.
        if action == "search":
            return not typing_into_focus(self, "slash", "/")
        return True

    def action_search(self) -> None:
        self.set_focus(self.query_one("#library-search", Input))

    def action_leave_search(self) -> None:
        self.set_focus(self.query_one(ArticleList))

    def on_screen_resume(self) -> None:
        self._show_continue()
