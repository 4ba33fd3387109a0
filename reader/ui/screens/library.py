"""The library screen: every stored article in the order chosen, a search field
filtering as you type, how many articles there are and in which order.

The list is virtual (:class:`reader.ui.widgets.library.ArticleList`): it reads the
library a page at a time in SQL order, so opening a 100,000-article library costs
what opening a small one does. ``s`` cycles the order (date, title, source; the
choice is remembered); Delete removes the highlighted article after asking, and
keeps its comment draft unless the reader chooses to delete that too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from reader.errors import ReaderError
from reader.library.listing import SORTS
from reader.text.output import may_slant
from reader.text.sanitize import sanitize_line
from reader.ui.bindings import typing_into_focus
from reader.ui.screens.choice import Choice, ChoiceScreen
from reader.ui.widgets.bidi_input import BidiInput
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.library import ArticleList
from reader.ui.widgets.library.sources import Hits, LibraryPages

#: State key of the order the reader chose last.
SORT_STATE_KEY = "library.sort"
#: Search hits listed at most (each one's snippet is cut from its article).
SEARCH_LIMIT = 100

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


class LibraryScreen(Screen):
    """Lists the library; Enter opens, / searches, q quits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "key.quit"),
        Binding("slash", "search", "key.search", key_display="/", priority=True),
        Binding("s", "sort", "key.sort"),
        Binding("delete", "delete", "key.delete", key_display="Del"),
        Binding("escape", "leave_search", "key.cancel", show=False),
    ]

    app: ReaderApp  # type: ignore[assignment]
    #: The list's order (see :data:`reader.library.listing.SORTS`): it decides the rows
    #: listed and the status line, so setting it lists the library again.
    sort: reactive[str] = reactive(SORTS[0], init=False)

    def __init__(self) -> None:
        super().__init__()
        chosen = self.app.library.get_state(SORT_STATE_KEY, SORTS[0])
        self.set_reactive(LibraryScreen.sort, chosen if chosen in SORTS else SORTS[0])

    def compose(self) -> ComposeResult:
        yield Static(id="library-heading", markup=False)
        yield BidiInput(id="library-search")
        yield Static(id="library-status", markup=False)
        yield Static(id="library-continue", markup=False)
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
        align: Literal["right", "left"] = labels.align
        heading = self.query_one("#library-heading", Static)
        heading.update(Text(labels("library.title"), style="bold"))
        for static in self.query(Static):
            static.styles.text_align = align
        search = self.query_one("#library-search", BidiInput)
        search.follow(labels)
        search.placeholder = labels.translate("library.search")  # laid out by the field
        self._show_continue()
        self._show_status()
        if not initial:
            self.query_one(ArticleList).set_labels(labels)
            self.refresh_bindings()

    def _show_status(self) -> None:
        """How many articles (or hits) are listed, and in which order."""
        labels = self.app.labels
        articles = self.query_one(ArticleList)
        count = f"{articles.count:,}"
        if isinstance(articles.source, Hits):
            status = labels("library.hits", count=count)
        else:
            status = labels("library.status", count=count,
                            sort=labels.translate(f"sort.{self.sort}"))
        self.query_one("#library-status", Static).update(Text(status, style="dim"))

    def _show_continue(self) -> None:
        labels = self.app.labels
        widget = self.query_one("#library-continue", Static)
        title = self.app.last_article_title()
        widget.display = bool(title)
        if title:
            # Wrapped by the engine: Static would wrap visual-order text from the wrong end.
            width = max(10, self.size.width - 2)
            sentence = labels.sentence("library.continue", title=title)
            lines = labels.block(sentence, width)
            block = labels.padded(lines, width)
            widget.update(Text(block, style="italic" if may_slant(block) else "", no_wrap=True))

    def on_resize(self) -> None:
        self._show_continue()

    def reload(self) -> None:
        """List the library, or the hits for the query in the search field."""
        query = sanitize_line(self.query_one("#library-search", BidiInput).value).strip()
        articles = self.query_one(ArticleList)
        try:
            if query:
                articles.set_source(Hits(self.app.library.search(query, limit=SEARCH_LIMIT)))
            else:
                articles.set_source(LibraryPages(self.app.library, self.sort))
        except ReaderError as error:
            self.app.notify_error(error, "error.search" if query else "error.list_library")
        self._show_status()

    def action_sort(self) -> None:
        """The next order: date, title, source, date..."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]

    def watch_sort(self, sort: str) -> None:
        """A new order is kept for next time, and the list and its status follow it,
        the highlighted article staying highlighted."""
        self.app.library.set_state(SORT_STATE_KEY, sort)
        articles = self.query_one(ArticleList)
        current = articles.article_id_at(articles.highlighted)
        self.reload()
        if current and not isinstance(articles.source, Hits):
            articles.select_article(current)

    def action_delete(self) -> None:
        """Ask, then delete the highlighted article (its draft only if asked to)."""
        from reader.comments.store import DraftStore

        articles = self.query_one(ArticleList)
        index = articles.highlighted
        article_id = articles.article_id_at(index)
        entry = None if index is None else articles.source.entry(index)
        if not article_id or entry is None:
            return
        labels = self.app.labels
        store = DraftStore.for_library(self.app.library)
        question = [labels.translate("delete.question"), entry.title or article_id]
        choices: list[Choice[str | None]] = [Choice("y", labels("delete.yes"), "article")]
        if store.load(article_id) is not None:
            question.append(labels.translate("delete.draft_kept"))
            choices.append(Choice("D", labels("delete.with_draft"), "with-draft"))
        choices.append(Choice("n", labels("delete.no"), None))

        def answered(answer: str | None) -> None:
            if answer is None:
                return
            try:
                self.app.library.delete(article_id)
                if answer == "with-draft":
                    store.delete(article_id)
            except ReaderError as error:
                self.app.notify_error(error, "error.delete")
                return
            self.app.say("msg.deleted", title=entry.title or article_id)
            self.reload()
            if index is not None:
                articles.highlighted = min(index, articles.count - 1) if articles.count else None
                articles.refresh()

        self.app.push_screen(ChoiceScreen(question, choices, None), answered)

    @on(BidiInput.Changed, "#library-search")
    def _filter(self) -> None:
        self.reload()

    @on(BidiInput.Submitted, "#library-search")
    def _open_first(self) -> None:
        articles = self.query_one(ArticleList)
        self.set_focus(articles)
        if articles.count:
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
        self.set_focus(self.query_one("#library-search", BidiInput))

    def action_leave_search(self) -> None:
        self.set_focus(self.query_one(ArticleList))

    def on_screen_resume(self) -> None:
        self._show_continue()
