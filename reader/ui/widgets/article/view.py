"""The article pane: the engine's laid-out lines drawn with Textual's Line API.

Work is proportional to what is visible: ``render_line`` draws one row from the
engine's ``Line`` (already sanitized, shaped and ordered), with an LRU cache of
rendered rows. Layouts are cached per width; a long document is laid out a few
screens synchronously, the rest paragraph by paragraph in a thread worker that
appends rows as they come, so input never waits for the whole document.

The view holds no text logic: alignment comes from ``Line.padded``, highlight
positions from ``Line.logical_to_visual``.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style, StyleType
from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBarRender, ScrollDown, ScrollTo, ScrollUp
from textual.strip import Strip
from textual.worker import Worker, WorkerState, get_current_worker

from reader.text.layout import Document, LayoutOptions, Line
from reader.ui.widgets.article.find import Match, find_matches
from reader.ui.widgets.article.rows import (
    Extent,
    ReadingPosition,
    Rows,
    character_starts,
    paragraph_at,
    whole_text_extent,
    window_at,
)

#: Paragraph index of the title and of the metadata line in the view's document.
TITLE_PARAGRAPH = 0
META_PARAGRAPH = 1
#: Layouts kept for other widths (a resize back is then instant).
LAYOUTS_KEPT = 4
#: The worker hands rows to the widget at least this often (seconds).
BATCH_SECONDS = 0.05


class ArticleView(ScrollView, can_focus=True):
    """A scrolling, searchable view of one document laid out by the engine."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--meta",
        "article-view--match",
        "article-view--current-match",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "key.down", show=False),
        Binding("up,k", "scroll_up", "key.up", show=False),
        Binding("pagedown,space", "page_down", "key.page_down"),
        Binding("pageup,b", "page_up", "key.page_up", show=False),
        Binding("home,g", "scroll_home", "key.home", show=False),
        Binding("end,G", "scroll_end", "key.end", show=False),
    ]

    DEFAULT_CSS = """
    ArticleView > .article-view--title { text-style: bold; color: $text-accent; }
    ArticleView > .article-view--meta { color: $text-muted; }
    ArticleView > .article-view--match { background: $warning 40%; }
    ArticleView > .article-view--current-match { background: $warning; color: $background; }
    """

    class Progress(Message):
        """Layout advanced: *done* of *total* paragraphs laid out at the current width
        (*total* is None while the rest of the text is still being read)."""

        def __init__(self, view: ArticleView, done: int, total: int | None) -> None:
            super().__init__()
            self.view = view
            self.done = done
            self.total = total

    class Drawn(Message):
        """The current document's text reached the screen for the first time.

        Posted from ``render_line``, so it is handled after that frame went out: work
        that can wait (side panes, the footer, the background layout) starts then and
        does not delay the article's first paint.
        """

        def __init__(self, view: ArticleView, document: Document) -> None:
            super().__init__()
            self.view = view
            self.document = document

    class LayoutFailed(Message):
        """The rest of the text could not be laid out (the rows so far stay): the
        screen says so."""

        def __init__(self, view: ArticleView, error: BaseException | None) -> None:
            super().__init__()
            self.view = view
            self.error = error

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.document: Document | None = None
        self.paragraphs: list[str] = []
        self.direction = "rtl"
        self.mode = "app"
        self.harakat = "keep"
        self.shape = True
        self.measure = 72
        self._layouts: OrderedDict[LayoutOptions, Rows] = OrderedDict()
        self._layout: Rows | None = None  # from the first paragraph, at the options
        self._window: Rows | None = None  # shown instead while _layout is short of it
        self._line_cache: LRUCache[tuple, Strip] = LRUCache(1024)
        self._pending: ReadingPosition | None = None
        self._restore_scheduled = False
        self._query = ""  # what the matches are of
        self._matches: list[Match] = []
        self._matches_by_paragraph: dict[int, list[tuple[int, Match]]] = {}
        self._current_match = -1
        self._generation = 0
        self._drawn: Document | None = None  # the document already announced as drawn
        self._worker_due: tuple[Rows, int] | None = None
        self._pass_style: Style | None = None  # the base style during one render pass
        self._follow_end = False  # End was pressed before the layout was complete
        self._more_to_come = False  # only the text's beginning is shown (see extend)
        self._starts: list[int] | None = None  # character_starts(paragraphs), when needed
        # the scrollbar's last place: (the top line, its share of the scroll range)
        self._last_extent: tuple[tuple[int, int], float] | None = None
        self._drag: tuple[object, float] | None = None  # (the thumb's grab, its share then)
        self._bar_renderer_set = False

    # ----------------------------------------------------------------- content
    def show(
        self,
        document: Document,
        paragraphs: Sequence[str],
        *,
        direction: str = "rtl",
        position: ReadingPosition | None = None,
        whole: bool = True,
    ) -> None:
        """Display *document*, whose logical paragraph texts are *paragraphs*.

        Paragraph 0 is drawn as the title and paragraph 1 as the metadata line. When
        not *whole*, these are the text's first paragraphs and :meth:`extend` brings
        the rest: till then the layout is not complete.
        """
        self.document = document
        self.paragraphs = list(paragraphs)
        self._starts = None
        self._last_extent = None
        self.direction = direction
        self._more_to_come = not whole
        self._layouts.clear()
        self._layout = None
        self._window = None
        self._line_cache.clear()
        self.clear_search()
        self._pending = position or ReadingPosition(0, 0)
        self._follow_end = False
        self._drawn = None
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._relayout()

    def extend(self, document: Document, paragraphs: Sequence[str]) -> None:
        """The whole text of the document shown in part (``show(whole=False)``):
        *document*'s first paragraphs are those shown, so the rows laid out so far stay,
        as do the place and the search; the rest is laid out as usual."""
        if self.document is None or len(paragraphs) < len(self.paragraphs):
            return
        self._more_to_come = False
        if self._drawn is self.document:
            self._drawn = document  # the text on screen is this document's beginning
        self.document = document
        self.paragraphs = list(paragraphs)
        self._starts = None
        for layout in self._layouts.values():
            layout.complete = layout.next_paragraph >= len(self.paragraphs)
        if self._query:
            # The matches found so far come first in the whole text too: the current
            # one keeps its number.
            self._find(self._query)
        self._relayout()

    def give_up_the_rest(self) -> None:
        """The rest of a text shown in part cannot come: its beginning is all there is."""
        if self._more_to_come:
            self._more_to_come = False
            if self._window is not None and not self._window.rows:
                self._pending = None  # the place was in the rest: the beginning it is
                self._drop_window()
            self._after_rows_added()

    def configure(self, *, mode: str, harakat: str, shape: bool, measure: int) -> None:
        """Change the display options; the text is laid out again, the position kept."""
        changed = (mode, harakat, shape, measure) != (
            self.mode,
            self.harakat,
            self.shape,
            self.measure,
        )
        self.mode, self.harakat, self.shape, self.measure = mode, harakat, shape, measure
        if changed and self.document is not None:
            self._pending = self.position()
            self._relayout()

    # ------------------------------------------------------------------ layout
    @property
    def text_width(self) -> int:
        """Cells given to the text: the measure, or less in a narrow pane."""
        available = max(2, self._view_width - 2)  # a cell of air on each side
        return max(2, min(self.measure, available))

    @property
    def _view_width(self) -> int:
        """Cells drawn per row: the content area less the scrollbar."""
        return self.scrollable_content_region.width

    def _options(self) -> LayoutOptions:
        return LayoutOptions(
            width=self.text_width,
            mode=self.mode,
            harakat=self.harakat,
            shape=self.shape,
            direction=self.direction,
        )

    def on_resize(self) -> None:
        if self.document is None:
            return
        if self._layout is None or self._layout.options != self._options():
            if self._pending is None:
                self._pending = self.position()
            self._follow_end = False
            self._relayout()
        else:
            self._update_virtual_size()

    def _relayout(self) -> None:
        """Switch to the layout for the current options, computing it if needed."""
        if self.document is None or self._view_width <= 0:
            return
        options = self._options()
        if self._window is not None and self._pending is None:
            self._pending = self.position()  # the window's place, kept at the new options
        self._window = None
        self._last_extent = None
        self._generation += 1
        self.workers.cancel_group(self, "layout")
        self._line_cache.clear()
        layout = self._layouts.get(options)
        if layout is None:
            layout = Rows(options)
            self._layouts[options] = layout
            while len(self._layouts) > LAYOUTS_KEPT:
                self._layouts.popitem(last=False)
        else:
            self._layouts.move_to_end(options)
        self._layout = layout
        if not layout.complete:
            # Enough for the first screens now, so paging works at once; the rest in a
            # worker once the first screen is drawn. A place further on is shown from a
            # window meanwhile (see _open_window). The time budget never cuts the first
            # screen and the page after it: on a loaded machine it did, and the first
            # paint showed a title over a blank view, which scrolled nowhere until the
            # worker caught up.
            screen = max(self.size.height, 10)
            wanted, at_least = screen * 3, screen * 2
            started = time.perf_counter()
            while layout.next_paragraph < len(self.paragraphs) and len(layout.rows) < wanted:
                index = layout.next_paragraph
                layout.add(index, self.document.paragraph_lines(index, options))
                if len(layout.rows) >= at_least and time.perf_counter() - started > 0.1:
                    break
            if layout.next_paragraph >= len(self.paragraphs):
                layout.complete = True
            elif self._drawn is self.document:
                self.call_after_refresh(self._start_worker, layout, self._generation)
            else:
                # After the first paint: the worker competes for the interpreter lock.
                self._worker_due = (layout, self._generation)
        if self._pending is not None and not self._can_restore(layout, self._pending):
            self._open_window(self._pending)
        self._after_rows_added()

    # ----------------------------------------------------------------- windows
    @property
    def _shown(self) -> Rows | None:
        """The rows on screen: a window while there is one, else the main rows."""
        return self._window if self._window is not None else self._layout

    def _lines_of(self, index: int) -> Sequence[Line]:
        assert self.document is not None and self._layout is not None
        return self.document.paragraph_lines(index, self._layout.options)

    def _can_restore(self, layout: Rows, position: ReadingPosition) -> bool:
        """True when *layout* can put *position* at the top: a screen of rows from
        it, or the whole text."""
        row = layout.row_of(position)
        return row is not None and (
            len(layout.rows) - row >= self.page_height or layout.complete)

    def _open_window(self, position: ReadingPosition) -> bool:
        """Show the rows around *position* from a window, the main rows being short of
        it: a place deep in a long text is on screen at once, not after a minute of
        layout. False if the text does not hold its paragraph.

        A place in the rest of a text still being read (see :meth:`extend`) gets an
        empty window: the reader sees nothing there until the rest comes, rather than
        the text's beginning, which would jump away to the place a moment later.
        """
        if self._layout is None:
            return False
        if position.paragraph >= len(self.paragraphs):
            if not self._more_to_come:
                return False
            self._window = Rows(self._layout.options, first_paragraph=position.paragraph)
            return True
        self._window = window_at(position, self._lines_of, len(self.paragraphs),
                                 self._layout.options, max(self.size.height, 10))
        self._line_cache.clear()
        return True

    def _drop_window(self) -> None:
        """Show the main rows again, wherever the scroll position is."""
        self._window = None
        self._line_cache.clear()
        self._update_virtual_size()

    def _close_window(self) -> None:
        """Back to the main rows, at the line the window showed at the top (or the
        place still to be restored): the rows on screen do not move."""
        layout = self._layout
        if self._window is None or layout is None:
            return
        place = self.position()
        self._drop_window()
        row = layout.row_of(place)
        if row is not None:
            self._jump(row)

    def _row_for(self, position: ReadingPosition) -> int | None:
        """The row showing *position* in the rows on screen, changing over to the main
        rows or to a window if only they can show it; None if its paragraph has not
        been read yet."""
        shown = self._shown
        row = shown.row_of(position) if shown else None
        if row is None and self._window is not None and self._layout is not None:
            row = self._layout.row_of(position)
            if row is not None:
                self._drop_window()
        if row is None and self._open_window(position):
            row = self._window.row_of(position) if self._window else None
        self._update_virtual_size()
        return row

    def _grow_window(self, top: int) -> int:
        """Make the window hold rows from *top* (a row of the window) to a page past
        the screen; returns *top* in the window's rows, which move down when
        paragraphs come in front."""
        window = self._window
        if window is None or not window.rows:
            return top
        height = self.page_height
        if top < 0 and window.first_paragraph > 0:
            added = window.grow_up(self._lines_of, height - top)
            top += added
            self._update_virtual_size()
            self._jump(self.scroll_offset.y + added)  # the same rows stay on screen
        if top + 2 * height > len(window.rows) and not window.complete:
            window.grow_down(self._lines_of, len(self.paragraphs), top + 3 * height)
            self._update_virtual_size()
        self._line_cache.clear()
        return top

    def _start_worker(self, layout: Rows, generation: int) -> None:
        if generation != self._generation or layout.complete:
            return  # superseded by another width, options or document
        self._layout_rest(layout, generation)

    @work(thread=True, group="layout", exclusive=True, exit_on_error=False)
    def _layout_rest(self, layout: Rows, generation: int) -> None:
        """Thread worker: lay out the remaining paragraphs, handing rows over in batches."""
        worker = get_current_worker()
        document = self.document
        assert document is not None
        index = layout.next_paragraph
        total = len(self.paragraphs)
        while index < total and not worker.is_cancelled:
            batch: list[tuple[int, list[Line]]] = []
            started = time.perf_counter()
            while index < total and time.perf_counter() - started < BATCH_SECONDS:
                batch.append((index, document.paragraph_lines(index, layout.options)))
                index += 1
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self._append_rows, layout, generation, batch)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "layout":
            event.stop()
            self.post_message(self.LayoutFailed(self, event.worker.error))

    def _append_rows(
        self, layout: Rows, generation: int, batch: list[tuple[int, list[Line]]]
    ) -> None:
        for paragraph, lines in batch:
            if paragraph == layout.next_paragraph:
                layout.add(paragraph, lines)
        if layout.next_paragraph >= len(self.paragraphs):
            layout.complete = True
        if generation == self._generation and layout is self._layout:
            self._after_rows_added()

    def _after_rows_added(self) -> None:
        layout = self._layout
        if layout is None:
            return
        window = self._window
        if window is not None and window.rows and (layout.covers(window) or layout.complete):
            self._close_window()
        shown = self._shown
        assert shown is not None
        self._update_virtual_size()
        pending = self._pending
        restorable = pending is not None and shown.row_of(pending) is not None
        if restorable and not self._restore_scheduled:
            # After the refresh: only then does the scroll range know the new rows.
            self._restore_scheduled = True
            self.call_after_refresh(self._restore, pending)
        if self._follow_end:
            self._jump(self.max_scroll_y)
            self._follow_end = not self.layout_complete
        total = None if self._more_to_come else len(self.paragraphs)
        self.post_message(self.Progress(self, layout.next_paragraph, total))
        self.refresh()

    def _restore(self, target: ReadingPosition) -> None:
        self._restore_scheduled = False
        shown = self._shown
        if self._pending != target or shown is None:
            return  # superseded by a newer position or layout
        row = shown.row_of(target)
        if row is not None:
            # Forced: the scrollbars are decided at the next layout pass (the footer may
            # be mounting now), and the range is already known from the virtual size.
            self.scroll_to(0, row, animate=False, immediate=True, force=True)
            # Kept while the rows laid out so far cannot scroll the row to the top:
            # the next rows restore it again, so it ends at the top, not short of it.
            if row <= self.max_scroll_y or self.layout_complete or (
                shown is self._window and shown.complete
            ):
                self._pending = None

    def _update_virtual_size(self) -> None:
        shown = self._shown
        rows = len(shown.rows) if shown else 0
        self.virtual_size = Size(self._view_width, rows)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.refresh()  # the whole text's extent may have changed

    @property
    def settled(self) -> bool:
        """True when no position waits to be restored (after a resize or a new text)."""
        return self._pending is None and not self._restore_scheduled

    @property
    def whole(self) -> bool:
        """False while only the text's beginning is shown (see :meth:`extend`)."""
        return not self._more_to_come

    @property
    def layout_complete(self) -> bool:
        """True when the whole text is laid out at the current width."""
        return self._layout is not None and self._layout.complete and not self._more_to_come

    @property
    def rows(self) -> Sequence[Line | None]:
        """The rows on screen's rows: laid out so far at the current width, from the
        first paragraph, or a window's while the reader is further on."""
        shown = self._shown
        return shown.rows if shown else ()

    # --------------------------------------------------------------- scrollbar
    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        """The scrollbar drawn at the place in the whole text (:func:`_whole_text_bar`),
        set when it is first shown: a short text, which has none, makes none."""
        if shown and not self._bar_renderer_set:
            self._bar_renderer_set = True
            # Textual takes a renderer per scrollbar instance (ScrollBar.renderer's docs)
            self.vertical_scrollbar.renderer = _whole_text_bar(self)  # type: ignore[misc]

    def whole_text_extent(self) -> Extent | None:
        """The top row and the rows of the whole text, for the scrollbar, while the rows
        on screen are not the whole text (a window, or main rows still growing); None
        when they are, or when the text's length is not known yet (its rest still being
        read): the scrollbar then measures the rows on screen, as Textual's does.

        Kept monotonic: when the top line moves down the scrollbar's place (the top's
        share of the scroll range) does not move up, nor down when it moves up, whatever
        the estimate learnt meanwhile (a window growing brings rows where an estimate
        stood); and while the top line stays, the place stays, the layout's progress
        and the main rows taking over from a window included: the thumb moves only when
        the reader does.
        """
        layout = self._layout
        if layout is None or self._more_to_come or (
                layout.complete and self._window is None):
            self._last_extent = None
            return None
        if self._starts is None:
            self._starts = character_starts(self.paragraphs)
        extent = whole_text_extent(layout, self._window, self.scroll_offset.y, self._starts)
        line = self._top_line()
        if line is None:
            return extent
        here = (line.paragraph, line.start)
        scroll_range = max(1.0, extent.rows - self.page_height)
        share = extent.top / scroll_range
        if self._last_extent is not None:
            was, last_share = self._last_extent
            if (here == was or (here > was and share < last_share)
                    or (here < was and share > last_share)):
                share = last_share
                extent = Extent(share * scroll_range, extent.rows)
        self._last_extent = (here, share)
        return extent

    # ------------------------------------------------------------------ moving
    # The keys move at once, by whole rows, as a pager does: no animation, so the
    # row on screen is the row the scroll position says, every frame.
    def _jump(self, row: float) -> None:
        self.scroll_to(y=row, animate=False, immediate=True, force=True)

    def _move(self, rows: int) -> None:
        self._follow_end = False
        self._pending = None
        if self._window is not None and not self._window.rows:
            self._drop_window()  # the place is still being read: the reader moves on
        top = self.scroll_offset.y + rows
        if self._window is not None:
            top = self._grow_window(top)
        self._jump(top)

    @property
    def page_height(self) -> int:
        """Rows a page moves: the rows on screen."""
        return max(1, self.scrollable_content_region.height)

    def action_scroll_down(self) -> None:
        self._move(1)

    def action_scroll_up(self) -> None:
        self._move(-1)

    def action_page_down(self) -> None:
        self._move(self.page_height)

    def action_page_up(self) -> None:
        self._move(-self.page_height)

    def action_scroll_home(self) -> None:
        self._follow_end = False
        self._pending = None
        if self._window is not None:
            self._drop_window()  # the main rows always hold the beginning
        self._jump(0)

    def action_scroll_end(self) -> None:
        """The last line, even while the rest of a long text is still being laid out:
        the view then follows the end as the rows come."""
        self._pending = None
        if self._window is not None and not self._window.rows:
            self._drop_window()
        last = len(self.paragraphs) - 1
        if (not self.layout_complete and not self._more_to_come and self._layout is not None
                and self._open_window(ReadingPosition(last, 0))):
            # The whole text is here but not laid out yet: its end from a window.
            self._update_virtual_size()
            self._follow_end = False
        else:
            self._follow_end = not self.layout_complete
        self._jump(self.max_scroll_y)

    def on_scroll_up(self, event: ScrollUp) -> None:
        """A click on the scrollbar above the thumb: a page up, as the key does (a
        window grows, where Textual's own page stopped at its first row)."""
        event.prevent_default()
        event.stop()
        self.action_page_up()

    def on_scroll_down(self, event: ScrollDown) -> None:
        """A click on the scrollbar below the thumb: a page down, as the key does."""
        event.prevent_default()
        event.stop()
        self.action_page_down()

    def on_scroll_to(self, message: ScrollTo) -> None:
        """The thumb dragged while the scrollbar measures the whole text: the view goes
        where the thumb is taken in the whole text, not as far in the rows on screen
        (Textual's scrollbar reckons the drag in those rows). A place not laid out yet
        is shown from a window, as a place reopened there is."""
        bar = self.vertical_scrollbar
        extent = self.whole_text_extent()
        layout, shown = self._layout, self._shown
        if (message.y is None or extent is None or bar.grabbed is None or layout is None
                or shown is None or self._starts is None):
            return  # Textual's own scroll: the rows on screen are the whole text
        message.prevent_default()
        message.stop()
        page = self.page_height
        scroll_range = max(1, extent.rows - page)
        if self._drag is None or self._drag[0] is not bar.grabbed:
            self._drag = (bar.grabbed, extent.top / scroll_range)
        # The mouse's move in cells, as the scrollbar worked it out from its own rows.
        cells = ((message.y - bar.grabbed_position) * bar.window_size
                 / max(1, bar.window_virtual_size))
        track = bar.size.height - max(1.0, bar.size.height * page / max(1, extent.rows))
        share = self._drag[1] + cells / max(1.0, track)
        if share >= 1:  # the ends are where the keys take the reader, not estimates
            self.action_scroll_end()
            return
        if share <= 0:
            self.action_scroll_home()
            return
        target = share * scroll_range
        before = whole_text_extent(layout, self._window, 0, self._starts).top
        if 0 <= target - before < len(shown.rows):
            self._move(round(target - before) - self.scroll_offset.y)
            return
        self._follow_end = False
        self._pending = None
        row = self._row_for(ReadingPosition(paragraph_at(layout, target, self._starts), 0))
        if row is not None:
            self._jump(row)

    def on_mouse_scroll_up(self, _event: events.MouseScrollUp) -> None:
        self._follow_end = False  # then Textual's own handler scrolls
        if self._window is not None and self.scroll_offset.y < self.page_height:
            self._grow_window(self.scroll_offset.y - self.page_height)

    def on_mouse_scroll_down(self, _event: events.MouseScrollDown) -> None:
        if self._window is not None:
            self._grow_window(self.scroll_offset.y)

    # ---------------------------------------------------------------- position
    def _top_line(self) -> Line | None:
        # The first line at or below the top row (a top row can be the gap between two
        # paragraphs). Not bounded by the height: an unmounting view has none left.
        rows = self.rows
        for index in range(self.scroll_offset.y, len(rows)):
            line = rows[index]
            if line is not None:
                return line
        return None

    def position(self) -> ReadingPosition:
        """The reading position (stable across widths and options)."""
        if self._pending is not None:
            return self._pending
        line = self._top_line()
        return ReadingPosition(line.paragraph, line.start) if line else ReadingPosition(0, 0)

    def current_paragraph(self) -> int | None:
        """The paragraph being read: the current match's, else the top line's."""
        if 0 <= self._current_match < len(self._matches):
            return self._matches[self._current_match].paragraph
        line = self._top_line()
        return line.paragraph if line else None

    # ------------------------------------------------------------------ search
    @property
    def matches(self) -> Sequence[Match]:
        return self._matches

    @property
    def current_match(self) -> int:
        return self._current_match

    def search(self, query: str) -> int:
        """Highlight *query* everywhere; go to the first match at or after the top line."""
        self._find(query)
        self._current_match = -1
        if self._matches:
            here = self.position()
            after = [n for n, m in enumerate(self._matches) if (m.paragraph, m.start) >= here]
            self._go_to_match(after[0] if after else 0)
        self.refresh()
        return len(self._matches)

    def _find(self, query: str) -> None:
        # Matched in the engine's own paragraph text: its line maps index into it.
        searched = self.document.paragraphs if self.document is not None else self.paragraphs
        self._query = query
        self._matches = find_matches(searched, query)
        self._matches_by_paragraph = {}
        for number, match in enumerate(self._matches):
            self._matches_by_paragraph.setdefault(match.paragraph, []).append((number, match))
        self._line_cache.clear()

    def clear_search(self) -> None:
        self._query = ""
        self._matches = []
        self._matches_by_paragraph = {}
        self._current_match = -1
        self._line_cache.clear()
        self.refresh()

    def next_match(self, step: int = 1) -> None:
        """Go to the next (``step=1``) or previous (``step=-1``) match, wrapping around."""
        if self._matches:
            self._go_to_match((self._current_match + step) % len(self._matches))

    def _go_to_match(self, number: int) -> None:
        self._current_match = number
        match = self._matches[number]
        self._line_cache.clear()
        target = ReadingPosition(match.paragraph, match.start)
        row = self._row_for(target)
        if row is None:
            self._pending = target
        else:
            # Keep the match a third of the way down, with context above it.
            top = max(0, row - max(1, self.size.height // 3))
            if not (self.scroll_y <= row < self.scroll_y + self.size.height):
                self.scroll_to(0, top, animate=False, immediate=True)
        self.refresh()

    # --------------------------------------------------------------- rendering
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line_cache.clear()

    def _announce_drawn(self) -> None:
        """Post :class:`Drawn` once per document, when its first rows are rendered."""
        document = self.document
        if document is None or self._drawn is document or self._layout is None:
            return  # nothing shown yet (no document, or no width to lay it out in)
        self._drawn = document
        self.post_message(self.Drawn(self, document))
        if self._worker_due is not None:
            layout, generation = self._worker_due
            self._worker_due = None
            self.call_after_refresh(self._start_worker, layout, generation)

    def render_lines(self, crop: Region) -> list[Strip]:
        # The base style walks every ancestor's styles: work it out once per pass
        # rather than once per row.
        self._pass_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._pass_style = None

    def render_line(self, y: int) -> Strip:
        if self._drawn is not self.document:
            self._announce_drawn()
        width = self._view_width
        # The rounded offset, as Textual rounds it to decide when to repaint: a
        # fractional position (a wheel step, an animation's last frame) must not draw
        # one row higher than the scroll range allows, hiding the last line.
        index = self.scroll_offset.y + y
        rows = self.rows
        base = self._pass_style or self.rich_style
        if index >= len(rows) or rows[index] is None:
            return Strip.blank(width, base)
        key = (index, width, self.text_width, self._current_match, id(self._shown))
        cached = self._line_cache.get(key)
        if cached is None:
            line = rows[index]
            assert line is not None
            cached = self._render_row(line, width, base)
            self._line_cache[key] = cached
        return cached

    def _render_row(self, line: Line, width: int, base: Style) -> Strip:
        text_width = self.text_width
        margin = max(0, (width - text_width) // 2)
        if line.fill_end:  # filled after its text, which the terminal lays out from the
            # right (mlterm): the margin before the column goes into the fill, so that
            # it shows on the left too
            padded, margin = line.padded(text_width + margin), 0
        else:
            padded = line.padded(text_width)
        # Where line.text starts inside the padded row (padding is spaces on one side).
        lead = len(padded) - len(padded.lstrip(" ")) - (len(line.text) - len(line.text.lstrip(" ")))
        style = base
        if line.paragraph == TITLE_PARAGRAPH:
            style = base + self.get_component_rich_style("article-view--title")
        elif line.paragraph == META_PARAGRAPH:
            style = base + self.get_component_rich_style("article-view--meta")
        text = Text(padded, style=style, end="", no_wrap=True)
        for number, match in self._matches_by_paragraph.get(line.paragraph, ()):
            first, last = max(match.start, line.start), min(match.end, line.end)
            if first >= last:
                continue
            name = (
                "article-view--current-match"
                if number == self._current_match
                else "article-view--match"
            )
            highlight = self.get_component_rich_style(name)
            for logical in range(first, last):
                try:
                    visual = line.logical_to_visual(logical)
                except IndexError:  # the line draws nothing for it
                    continue
                if 0 <= visual < len(line.text):
                    text.stylize(highlight, lead + visual, lead + visual + 1)
        # Text.render leaves the base style off span-less runs (Rich applies it only
        # through Console.render), so apply it here: otherwise the text cells get the
        # terminal's default colours (black on white in xterm) instead of the theme's.
        rendered = Segment.apply_style(text.render(self.app.console), style)
        segments = [Segment(" " * margin, base), *rendered]
        return Strip(segments).adjust_cell_length(width, base)


def _whole_text_bar(view: ArticleView) -> type[ScrollBarRender]:
    """A vertical scrollbar drawn at *view*'s place in the whole text while it gives one
    (:meth:`ArticleView.whole_text_extent`; Textual's scrollbar takes its renderer per
    instance for this), else at the place Textual gives it: the rows on screen's."""

    class WholeTextBar(ScrollBarRender):
        def __init__(self, virtual_size: int = 100, window_size: int = 0,
                     position: float = 0, thickness: int = 1, vertical: bool = True,
                     style: StyleType = "bright_magenta on #555555") -> None:
            whole = view.whole_text_extent() if vertical else None
            if whole is not None:
                window_size = view.page_height
                position, virtual_size = whole.top, max(window_size + 1, whole.rows)
            super().__init__(virtual_size, window_size, position, thickness, vertical, style)

    return WholeTextBar
