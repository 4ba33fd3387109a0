"""The reading screen: the article, its related links and a comment draft, side by side.

For a right-to-left article the article pane is on the right and the side panes on
the left, so the eye starts where Arabic starts. Following a related link keeps a
history; Back returns to the previous article at the same place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from reader.articles.display import header_paragraphs
from reader.errors import ReaderError
from reader.text.layout import Document
from reader.text.sanitize import sanitize, sanitize_line
from reader.ui.bindings import typing_into_focus
from reader.ui.mounting import composed
from reader.ui.widgets.article import ArticleView, ReadingPosition
from reader.ui.widgets.article.view import META_PARAGRAPH

if TYPE_CHECKING:
    from reader.articles import Article
    from reader.library.models import RelatedItem
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.bidi_input import BidiInput
    from reader.ui.widgets.comments import CommentPane
    from reader.ui.widgets.related import RelatedPane

#: Below this many columns the panes are shown one at a time, at full width: at 99
#: columns beside each other the article keeps 62 cells and the comment form 31, the
#: least either reads well in.
NARROW_BELOW = 100
#: How often the reading position is saved while reading (only when it moved), seconds.
SAVE_EVERY = 2.0
#: The side panes and footer wait for the article's first paint; after this long (s) a
#: view that has no row to draw in is taken as never to be painted.
COMPLETE_AFTER = 1.0
#: How much of an article's body is read before its first paint, in bytes: the first
#: screens of the largest terminal several times over. A longer body is read whole in
#: a thread once its beginning is on screen (a 50 MB one takes half a second).
OPENING_BYTES = 256 * 1024


class Visit(NamedTuple):
    article_id: str
    position: ReadingPosition


class ReadingScreen(Screen):
    """One article at a time, with history for Back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "key.next_pane", show=False),
        Binding("shift+tab", "previous_pane", "key.prev_pane", show=False),
        Binding("a", "focus_pane('article')", "key.article", show=False),
        Binding("r", "focus_pane('related')", "key.related"),
        Binding("c", "focus_pane('comment')", "key.comment"),
        Binding("slash", "find", "key.find", key_display="/", priority=True),
        Binding("n", "next_match", "key.next_match", show=False),
        Binding("N", "previous_match", "key.prev_match", show=False),
        Binding("left_square_bracket", "sibling(-1)", "key.prev_article", key_display="["),
        Binding("right_square_bracket", "sibling(1)", "key.next_article", key_display="]"),
        Binding("backspace", "back", "key.back"),
        Binding("y", "copy_paragraph", "key.copy"),
        Binding("m", "toggle_maximize", "key.maximize", show=False),
        Binding("escape", "leave", "key.leave"),
        Binding("q", "app.quit", "key.quit"),
    ]

    PANES = ("article", "related", "comment")

    app: ReaderApp  # type: ignore[assignment]

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id
        self.article: Article | None = None
        self.history: list[Visit] = []
        self._view: ArticleView | None = None
        self.related_loaded = False  # True once the related links of the article are shown
        self._completed_for: Article | None = None  # the article the side panes were filled for

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static(id="pane-bar", markup=False)  # which pane is shown, on a narrow screen
        with Horizontal(id="panes"):
            # The side panes and the footer are mounted once the article is drawn
            # (see _article_drawn): the first paint waits only for the article. The
            # side column keeps its width meanwhile, so the text is not laid out twice.
            yield Vertical(id="side")
            yield ArticleView(id="article")

    def on_mount(self) -> None:
        if not composed(self, "#article"):  # closed before it composed (reader.ui.mounting)
            return
        self._view = self.query_one(ArticleView)
        self.refresh_labels(initial=True)
        self.apply_settings()
        if not self.show_article(self.article_id, restore=True):
            self.app.show_library()  # (the error is on screen) nothing to read here
            return
        self.set_focus(self.query_one(ArticleView))
        self.set_interval(SAVE_EVERY, self.save_position)
        self.set_timer(COMPLETE_AFTER, self._complete_if_never_drawn)

    def _related_panes(self) -> list[RelatedPane]:
        return list(self.query("#related"))  # type: ignore[arg-type]

    def _comment_pane(self) -> CommentPane | None:
        """The comment pane, once mounted."""
        found = self.query("#comment")
        return found.first() if found else None  # type: ignore[return-value]

    def pane(self, name: str) -> Widget:
        """The pane called *name*; the article's until the side panes are mounted."""
        found = self.query(f"#{name}")
        return found.first() if found else self.query_one(ArticleView)

    async def _mount_side_panes(self) -> None:
        side = self.query_one("#side", Vertical)
        if side.children:
            return
        # Their code loads here too, after the article's first paint.
        from reader.ui.widgets.comments import CommentPane
        from reader.ui.widgets.related import RelatedPane

        labels = self.app.labels
        comment = CommentPane(self.app.library, labels=labels, bidi=self.app.bidi.layout_mode,
                              id="comment")
        await side.mount_all([RelatedPane(labels, id="related"), comment])
        self._title_panes()

    # ------------------------------------------------------- narrow terminals
    #: The pane shown when the screen is too narrow for three: it decides the classes
    #: that show one pane and what the pane bar says, so setting it redraws both (also
    #: when set again to the same pane: the bar follows a change of language or width).
    shown: reactive[str] = reactive("article", always_update=True, init=False)

    @property
    def narrow(self) -> bool:
        """True when the panes are shown one at a time (see NARROW_BELOW)."""
        return self.has_class("-narrow")

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW_BELOW
        if narrow != self.narrow:
            self.set_class(narrow, "-narrow")
            self.shown = self._focused_pane() if self.focused else "article"

    def watch_shown(self, name: str) -> None:
        """On a narrow screen, show the pane *name* alone and say so in the pane bar."""
        for pane in self.PANES:
            self.set_class(pane == name, f"-show-{pane}")
        self._describe_shown_pane()

    def _describe_shown_pane(self) -> None:
        """The pane bar: the pane shown, then the keys that show the others."""
        labels = self.app.labels
        bar = self.query_one("#pane-bar", Static)
        keys = [(key, labels.translate(f"key.{pane}")) for key, pane in
                (("a", "article"), ("r", "related"), ("c", "comment")) if pane != self.shown]
        keys.append(("Tab", labels.translate("key.next_pane")))
        hints = "  ".join(f"{key} {description}" for key, description in keys)
        bar.update(Text(labels.line(f"{labels.translate(f'pane.{self.shown}')} │ {hints}")))
        bar.styles.text_align = labels.align

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Whatever moved the focus (a key, Tab in the comment form, the find field), the
        # pane that holds it is the one shown.
        if self.narrow:
            name = self._focused_pane()
            if name != self.shown:
                self.shown = name

    def _arrange(self) -> None:
        """Article on the right for a right-to-left article, on the left otherwise."""
        panes = self.query_one("#panes", Horizontal)
        side = self.query_one("#side", Vertical)
        article = self.query_one(ArticleView)
        rtl = self.article is None or self.article.direction == "rtl"
        if rtl and panes.children[0] is not side:
            panes.move_child(side, before=article)
        elif not rtl and panes.children[0] is not article:
            panes.move_child(article, before=side)

    def refresh_labels(self, *, initial: bool = False) -> None:
        labels = self.app.labels
        self._title_panes()
        if self.narrow:  # (shown only then: becoming narrow describes it)
            self._describe_shown_pane()
        for find in self._find_fields():
            find.follow(labels)
            find.placeholder = labels.translate("search.placeholder")  # laid out by the field
        if not initial:
            for related in self._related_panes():
                related.set_labels(labels)
            comment = self._comment_pane()
            if comment is not None:
                comment.configure(labels=labels, bidi=self.app.bidi.layout_mode)
            self.refresh_bindings()

    def _title_panes(self) -> None:
        """Each pane's title, in the interface language, on the reading side."""
        labels = self.app.labels
        align = labels.align
        for name, key in (("article", "pane.article"), ("related", "pane.related"),
                          ("comment", "pane.comment")):
            for widget in self.query(f"#{name}"):
                widget.border_title = labels.content(key)
                widget.styles.border_title_align = align

    def apply_settings(self) -> None:
        """Lay the article out again for the current bidi mode, harakat, shaping and measure."""
        settings = self.app.settings
        self.query_one(ArticleView).configure(
            mode=self.app.bidi.layout_mode,
            harakat=settings.harakat,
            shape=settings.shape,
            measure=settings.measure,
        )

    def show_again(self) -> None:
        """Show the article again where it is read: its header is made anew (the date in
        the digits just chosen)."""
        self.save_position()
        self.show_article(self.article_id)

    # ---------------------------------------------------------------- articles
    def show_article(self, article_id: str, *, restore: bool = True,
                     position: ReadingPosition | None = None) -> bool:
        """Show *article_id* (at its saved position when *restore*); False if it failed."""
        try:
            article, whole = self.app.library.get_opening(article_id, OPENING_BYTES)
            if position is None and restore:
                position = self.app.saved_position(article.id)
            article, document, paragraphs, whole = self._text_of(article, whole)
        except ReaderError as error:
            self.app.notify_error(error)
            return False
        view = self.query_one(ArticleView)
        if self.article is not None:
            self.save_position()
        self.article, self.article_id = article, article.id
        self._arrange()
        # The side panes wait for the article's first paint (ArticleView.Drawn): the
        # draft editor loads then, and related articles are the library's slowest query.
        # So does the rest of a long text (see OPENING_BYTES).
        self.related_loaded = False
        for pane in self._related_panes():
            pane.look_again()
        view.show(document, paragraphs, direction=article.direction, position=position,
                  whole=whole)
        return True

    def _text_of(self, article: Article, whole: bool
                 ) -> tuple[Article, Document, Sequence[str], bool]:
        """The article, the Document and paragraphs to show, and whether they are its
        whole text: a Document kept from before, else *article* as read (a long text's
        beginning; a place further on is restored when the rows reach it, as it is
        while a whole text is being laid out)."""
        kept = self.app.kept_document(article.id)
        if kept is not None:
            return article, kept, kept.paragraphs, True
        paragraphs = [*header_paragraphs(article, self.app.labels.number), *article.paragraphs]
        if whole:
            document = self.app.document_for(article.id, paragraphs, article.direction)
        else:
            document = Document(paragraphs, direction=article.direction)
        return article, document, paragraphs, whole

    @on(ArticleView.Drawn)
    async def _article_drawn(self, event: ArticleView.Drawn) -> None:
        """The article is on screen: now the footer and the side panes."""
        if event.document is not event.view.document or self.article is None:
            return  # the reader has moved on
        await self._complete_screen()

    async def _complete_if_never_drawn(self) -> None:
        """Complete the screen if the article cannot be painted: its view laid out with
        no row to draw in (a terminal too small to show a line).

        A view with rows is painted in its turn, and its :class:`ArticleView.Drawn`
        completes the screen: on a loaded machine that turn can come after the timer,
        and completing here then mounted the side panes before the article. A view not
        laid out yet is looked at again later.
        """
        view = self.query_one(ArticleView)
        if not view.size.width:
            self.set_timer(COMPLETE_AFTER, self._complete_if_never_drawn)
        elif not view.size.height:
            await self._complete_screen()

    async def _complete_screen(self) -> None:
        """Mount what waited for the article's first paint (at once if it never comes,
        as in a terminal too small to show a line)."""
        if self.article is None or self._completed_for is self.article:
            return
        self._completed_for = self.article
        self.app.first_paint_done()
        if not self.query_one(ArticleView).whole:
            self._read_whole_text(self.article)
        self.app.remember_last_article(self.article.id)  # a write: after the paint
        await self._mount_side_panes()
        if not self.is_attached or self not in self.app.screen_stack:
            # The app is leaving (a signal, q in the first second) or the screen was
            # closed while the panes mounted: they were removed before they composed.
            return
        self._fill_side_panes(self.article)
        if not self.query("Footer"):
            from reader.ui.widgets.footer import ReaderFooter  # loaded after the first paint

            await self.mount(ReaderFooter())
            # A footer lists the keys when the screen announces its bindings.
            self.refresh_bindings()

    @work(thread=True, group="whole-text", exclusive=True, exit_on_error=False)
    def _read_whole_text(self, article: Article) -> None:
        """Read the whole text of *article*, shown in part, and prepare it for the
        engine (sanitizing 50 MB takes a quarter of a second) away from the keys."""
        whole = self.app.library.get(article.id)
        paragraphs = [*header_paragraphs(whole, self.app.labels.number), *whole.paragraphs]
        document = Document(paragraphs, direction=whole.direction)
        self.app.call_from_thread(self._show_whole_text, article, document, paragraphs)

    def _show_whole_text(self, article: Article, document: Document,
                         paragraphs: list[str]) -> None:
        self.app.keep_document(article.id, document)
        if article is self.article:
            self.query_one(ArticleView).extend(document, paragraphs)
            self._find_related(article)

    def _fill_side_panes(self, article: Article) -> None:
        comment = self._comment_pane()
        if comment is not None:
            comment.set_article(article)
        # Similar articles take the library seconds for a long text: ask in a thread
        # so keys keep working meanwhile (the library serialises its own calls). For a
        # text shown in part, once the whole text is read: that comes first.
        if self.query_one(ArticleView).whole:
            self._find_related(article)

    @work(thread=True, group="related", exclusive=True, exit_on_error=False)
    def _find_related(self, article: Article) -> None:
        try:
            related = self.app.library.related(article.id)
        except ReaderError as error:
            self.app.call_from_thread(self.app.notify_error, error, "error.related")
            related = []
        self.app.call_from_thread(self._show_related, article, related)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A background job that failed unexpectedly says what failed."""
        if event.state != WorkerState.ERROR:
            return
        if event.worker.group == "related":
            self.app.notify_error(event.worker.error, "error.related")
        elif event.worker.group == "whole-text":  # the beginning stays on screen
            self.app.notify_error(event.worker.error, "error.open_article")
            if self.article is not None:
                self.query_one(ArticleView).give_up_the_rest()
                self._find_related(self.article)

    @on(ArticleView.LayoutFailed)
    def _layout_failed(self, event: ArticleView.LayoutFailed) -> None:
        self.app.notify_error(event.error, "error.layout")

    def _show_related(self, article: Article, related: list[RelatedItem]) -> None:
        if article is self.article:
            for pane in self._related_panes():
                pane.set_items(related)
            self.related_loaded = True

    def save_position(self) -> None:
        # Through the kept reference: on unmount the children are already gone.
        if self.article is not None and self._view is not None:
            self.app.save_position(self.article.id, self._view.position())

    def on_unmount(self) -> None:
        self.save_position()

    @on(ArticleView.Progress)
    def _progress(self, event: ArticleView.Progress) -> None:
        view = self.query_one(ArticleView)
        if event.total is None:
            view.border_subtitle = self.app.labels.content("msg.loading_rest")
        elif event.done < event.total:
            view.border_subtitle = self.app.labels.content("msg.laying_out", done=event.done,
                                                           total=event.total)
        else:
            view.border_subtitle = ""

    # ----------------------------------------------------------------- actions
    def _focused_pane(self) -> str:
        focused = self.focused
        for name in self.PANES:
            pane = self.pane(name)
            if focused is not None and (focused is pane or pane in focused.ancestors):
                return name
        return "article"

    def action_focus_pane(self, name: str) -> None:
        pane = self.pane(name)
        if self.narrow:
            self.shown = name if pane.id == name else "article"
        if name == "comment" and pane is self._comment_pane():
            pane.focus_pane()  # type: ignore[attr-defined]
        else:
            # Immediately, not deferred like Widget.focus: the next key may already be
            # queued and must reach the pane the reader just chose.
            self.set_focus(pane)

    def action_toggle_maximize(self) -> None:
        """The pane holding the focus fills the screen, or goes back to its place."""
        if self.maximized is not None:
            self.minimize()
        else:
            self.maximize(self.pane(self._focused_pane()), container=False)

    def _step_in_form(self, step: int) -> bool:
        """Tab inside the comment form: the next field, if there is one this way."""
        focused = self.focused
        pane = self._comment_pane()
        if focused is None or pane is None or pane not in focused.ancestors:
            return False
        fields = [w for w in self.focus_chain if pane in w.ancestors]
        if focused not in fields:
            return False
        index = fields.index(focused) + step
        if 0 <= index < len(fields):
            self.set_focus(fields[index])
            return True
        return False

    def action_next_pane(self) -> None:
        if self._step_in_form(1):
            return
        index = self.PANES.index(self._focused_pane())
        self.action_focus_pane(self.PANES[(index + 1) % len(self.PANES)])

    def action_previous_pane(self) -> None:
        if self._step_in_form(-1):
            return
        index = self.PANES.index(self._focused_pane())
        self.action_focus_pane(self.PANES[(index - 1) % len(self.PANES)])

    def _find_fields(self) -> list[BidiInput]:
        return list(self.query("#find"))  # type: ignore[arg-type]

    def _find_field(self) -> BidiInput | None:
        return next(iter(self._find_fields()), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "/" is a priority binding, so that the keys typed right after it (queued
        # while the app is busy) reach the field; in a text field it is a character.
        if action == "find":
            return not typing_into_focus(self, "slash", "/")
        return True

    async def action_find(self) -> None:
        """Open the find field (mounted on first use: most readings never search)."""
        find = self._find_field()
        if find is None:
            # Loaded on first use, like the field: most readings never search.
            from reader.ui.widgets.bidi_input import BidiInput

            labels = self.app.labels
            find = BidiInput(id="find", placeholder=labels.translate("search.placeholder"))
            find.follow(labels)
            footer = next(iter(self.query("Footer")), None)
            await self.mount(find, before=footer)
        find.display = True
        self.set_focus(find)

    # (By name, not @on: the field's module is loaded when find is first used.)
    def on_bidi_input_changed(self, event: BidiInput.Changed) -> None:
        if event.input.id == "find":  # search as you type
            self.query_one(ArticleView).search(sanitize_line(event.value))

    def on_bidi_input_submitted(self, event: BidiInput.Submitted) -> None:
        if event.input.id != "find":
            return
        view = self.query_one(ArticleView)
        query = sanitize_line(event.value)
        count = view.search(query)
        event.input.display = False
        self.set_focus(view)
        if query and not count:
            self.app.say("search.none", query=query)
        elif count:
            self._announce_match()

    def _announce_match(self) -> None:
        view = self.query_one(ArticleView)
        self.app.say("search.count", current=view.current_match + 1,
                     total=len(view.matches), timeout=1.5)

    def action_next_match(self) -> None:
        view = self.query_one(ArticleView)
        view.next_match(1)
        if view.matches:
            self._announce_match()

    def action_previous_match(self) -> None:
        view = self.query_one(ArticleView)
        view.next_match(-1)
        if view.matches:
            self._announce_match()

    def action_sibling(self, step: int) -> None:
        """Open the previous (-1) or next (+1) article in the library's order."""
        try:
            ids = [summary.id for summary in self.app.library.list_articles()]
        except ReaderError as error:
            self.app.notify_error(error, "error.list_library")
            return
        if self.article_id not in ids:
            return
        index = ids.index(self.article_id) + step
        if not 0 <= index < len(ids):
            self.app.say("msg.first_article" if step < 0 else "msg.last_article")
            return
        self.show_article(ids[index])

    def open_related(self, article_id: str) -> None:
        """Follow a link to a stored article, remembering where we were."""
        here = Visit(self.article_id, self.query_one(ArticleView).position())
        if self.show_article(article_id):
            self.history.append(here)
            self.set_focus(self.query_one(ArticleView))

    def action_back(self) -> None:
        """Back to the previous article of the history, else to the library."""
        if self.history:
            visit = self.history.pop()
            self.show_article(visit.article_id, position=visit.position)
            self.set_focus(self.query_one(ArticleView))
        else:
            self.action_leave()

    def action_leave(self) -> None:
        """Escape leaves the innermost thing: the find field or the highlights, a text
        field for its pane, a side pane for the article, the article for the library."""
        find = self._find_field()
        view = self.query_one(ArticleView)
        if find is not None and find.display:
            find.display = False
            self.set_focus(view)
            return
        if view.matches:
            view.clear_search()
            return
        pane = self._focused_pane()
        comment = self._comment_pane()
        if pane == "comment" and comment is not None and self.focused is not comment:
            comment.rest()  # type: ignore[attr-defined]
            return
        if pane != "article":
            self.action_focus_pane("article")
            return
        self.save_position()
        self.app.show_library()

    def action_copy_paragraph(self) -> None:
        """Copy the current paragraph's logical text (what a reader wants to paste)."""
        view = self.query_one(ArticleView)
        paragraph = view.current_paragraph()
        if paragraph is None or not 0 <= paragraph < len(view.paragraphs):
            return
        text = sanitize(view.paragraphs[paragraph])
        if paragraph == META_PARAGRAPH:
            text = text.removeprefix("\u200f")
        self.app.copy_to_clipboard(text)
        self.app.say("msg.copied_paragraph", timeout=1.5)

    # Handlers by name (RelatedPane.OpenStored, RelatedPane.CopyUrl): the pane's class
    # is imported only when the side panes are mounted.
    def on_related_pane_open_stored(self, event: RelatedPane.OpenStored) -> None:
        self.open_related(event.article_id)

    def on_related_pane_copy_url(self, event: RelatedPane.CopyUrl) -> None:
        if not event.url:
            self.app.say("msg.no_url")
            return
        self.app.copy_to_clipboard(event.url)
        self.app.say("msg.copied_url", url=event.url, timeout=2)
