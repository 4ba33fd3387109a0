"""The list of stored articles (or search hits): a virtual list, drawn a line at a time.

Only the entries on screen are read and laid out (toolong's LogLines is the
model): the list knows how many entries its source holds and gives each the same
height, so the scrollbar spans the whole library while a 100,000-article library
costs what a screenful does. Each entry is laid out by the engine for the list's
actual width when it is first drawn, so the first paint is already right-aligned
and wrapped once. An entry: its title (at most :data:`TITLE_LINES` lines, an
ellipsis where it is cut), a line of source and date, for a search hit two lines
of the snippet, and blank lines up to the common height; the words the search
matched are highlighted in the title and the snippet.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.text.layout import Line
from reader.text.output import may_slant
from reader.ui.labels import Labels
from reader.ui.widgets.library.sources import Hits, ListSource

if TYPE_CHECKING:
    from reader.ui.widgets.library.sources import ListEntry

TITLE_LINES = 2
SNIPPET_LINES = 2
_ENTRIES_KEPT = 400  # laid-out entries kept: a few screens' worth


class ArticleList(ScrollView, can_focus=True):
    """Articles in the chosen order; Enter (or a click) opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "key.down", show=False),
        Binding("up,k", "cursor_up", "key.up", show=False),
        Binding("pagedown,space", "page_down", "key.page_down", show=False),
        Binding("pageup", "page_up", "key.page_up", show=False),
        Binding("home,g", "first", "key.home", show=False),
        Binding("end,G", "last", "key.end", show=False),
        Binding("enter", "select", "key.open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--match",
    }

    DEFAULT_CSS = """
    ArticleList > .article-list--cursor { background: $block-cursor-background;
                                          color: $block-cursor-foreground; }
    ArticleList:blur > .article-list--cursor { background: $block-cursor-blurred-background; }
    ArticleList > .article-list--match { color: $text-warning; text-style: bold underline; }
    """

    class Open(Message):
        """Open the article *article_id*."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, labels: Labels, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self.source: ListSource = Hits([])
        self.highlighted: int | None = None
        self._laid_out: OrderedDict[tuple[int, int], list[Text]] = OrderedDict()

    # -- what is listed ----------------------------------------------------------------

    @property
    def entry_height(self) -> int:
        """Screen lines per entry: the same for all, so line y belongs to entry y // h."""
        snippet = SNIPPET_LINES if isinstance(self.source, Hits) else 0
        return TITLE_LINES + 1 + snippet

    @property
    def count(self) -> int:
        return len(self.source)

    def set_source(self, source: ListSource) -> None:
        """List *source* from its first entry."""
        self.source = source
        self._laid_out.clear()
        self.highlighted = 0 if len(source) else None
        self._update_size()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def set_labels(self, labels: Labels) -> None:
        self.labels = labels
        self._laid_out.clear()
        self.refresh()

    def article_id_at(self, index: int | None) -> str | None:
        entry = None if index is None else self.source.entry(index)
        if entry is None:
            return None
        return getattr(entry, "article_id", None) or getattr(entry, "id", None)

    def select_article(self, article_id: str) -> None:
        """Put the cursor on *article_id* if it is listed."""
        index = self.source.position(article_id)
        if index is not None:
            self.highlighted = index
            self._show_cursor(center=True)

    # -- layout ------------------------------------------------------------------------

    def _update_size(self) -> None:
        lines = max(1, self.count) * self.entry_height
        self.virtual_size = Size(self.scrollable_content_region.width, lines)

    def on_resize(self) -> None:
        self._update_size()
        self._laid_out.clear()
        if self.highlighted is not None:
            self._show_cursor()

    def _text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - 1)

    def _entry_lines(self, index: int, width: int) -> list[Text]:
        """Entry *index* laid out to *width*: exactly :attr:`entry_height` lines."""
        key = (index, width)
        found = self._laid_out.get(key)
        if found is not None:
            self._laid_out.move_to_end(key)
            return found
        entry = self.source.entry(index)
        lines = self._lay_out(entry, width) if entry is not None else []
        lines += [Text(" " * width)] * (self.entry_height - len(lines))
        self._laid_out[key] = lines
        if len(self._laid_out) > _ENTRIES_KEPT:
            self._laid_out.popitem(last=False)
        return lines

    def _lay_out(self, entry: ListEntry, width: int) -> list[Text]:
        """Title, source and date, and a search hit's snippet, each line filled to *width*.

        Every line is laid out here by the engine: nothing may wrap visual-order text
        afterwards (it would wrap from the wrong end).
        """
        match = self.get_component_rich_style("article-list--match", partial=True)
        title_lines = self.labels.block(entry.title or "", width, direction="rtl")
        rtl = title_lines[0].rtl if title_lines else self.labels.rtl
        spans = getattr(entry, "title_highlights", ())
        lines = [_styled(line, width, spans, match, Style(bold=True))
                 for line in title_lines[:TITLE_LINES]]
        if len(title_lines) > TITLE_LINES:
            lines[-1] = _mark_cut(lines[-1], rtl)
        # Source and date: two isolates (an Arabic source keeps its shape and order, the
        # date its digits' order) in the title's direction, the date in the chosen digits.
        when = (getattr(entry, "date", None) or "").replace("T", " ")[:16]
        details = [value for value in (getattr(entry, "source", None), when) if value]
        detail = self.labels.block(self.labels.listing(details, " · "), width,
                                   direction="rtl" if rtl else "ltr")
        lines.append(Text(detail[0].padded(width) if detail else " " * width, style="dim"))
        if isinstance(self.source, Hits):
            snippet = getattr(entry, "snippet", "") or ""
            spans = getattr(entry, "highlights", ())
            for line in self.labels.block(snippet, width, direction="rtl")[:SNIPPET_LINES]:
                lines.append(_styled(line, width, spans, match,
                                     Style(italic=may_slant(line.text))))
        return lines  # a short title leaves blank lines after the entry, between entries

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line_number = self.scroll_offset.y + y
        base = self.rich_style
        if not self.count:
            if line_number:
                return Strip.blank(width, base)
            message = self.labels(self.source.empty_key)
            text = Text(message.rjust(width - 1) if self.labels.rtl else message, style="dim")
            return Strip(text.render(self.app.console), text.cell_len).adjust_cell_length(
                width, base)
        index, row = divmod(line_number, self.entry_height)
        if index >= self.count:
            return Strip.blank(width, base)
        text = self._entry_lines(index, self._text_width())[row]
        style = base
        if index == self.highlighted:
            style = base + self.get_component_rich_style("article-list--cursor")
        segments = list(text.render(self.app.console))
        return Strip(segments).adjust_cell_length(width, style).apply_style(style)

    # -- the cursor ----------------------------------------------------------------------

    def _move_to(self, index: int) -> None:
        if not self.count:
            return
        self.highlighted = max(0, min(self.count - 1, index))
        self._show_cursor()
        self.refresh()

    def _show_cursor(self, *, center: bool = False) -> None:
        if self.highlighted is None:
            return
        height = self.entry_height
        region = Region(0, self.highlighted * height, 1, height)
        self.scroll_to_region(region, animate=False, center=center, immediate=True)
        self.refresh()

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.entry_height)

    def action_cursor_down(self) -> None:
        self._move_to((self.highlighted if self.highlighted is not None else -1) + 1)

    def action_cursor_up(self) -> None:
        self._move_to((self.highlighted or 0) - 1)

    def action_page_down(self) -> None:
        self._move_to((self.highlighted or 0) + self._page())

    def action_page_up(self) -> None:
        self._move_to((self.highlighted or 0) - self._page())

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(self.count - 1)

    def action_select(self) -> None:
        article_id = self.article_id_at(self.highlighted)
        if article_id:
            self.post_message(self.Open(article_id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # inside the border, or None on it
        if offset is None:
            return
        index = (self.scroll_offset.y + offset.y) // self.entry_height
        if 0 <= index < self.count:
            self.highlighted = index
            self.refresh()
            self.action_select()


def _mark_cut(text: Text, rtl: bool) -> Text:
    """*text* (a title's last shown line) marked as cut: an ellipsis where the title
    goes on, at the end in reading order (the left of a right-to-left line)."""
    plain = text.plain
    if rtl:
        first = len(plain) - len(plain.lstrip(" "))
        if first:
            return text[: first - 1] + Text("…") + text[first:]
        return Text("…") + text[1:]
    last = len(plain.rstrip(" "))
    if last < len(plain):
        return text[:last] + Text("…") + text[last + 1 :]
    return text[:-1] + Text("…")


def _styled(line: Line, width: int, spans: Sequence[tuple[int, int]], match: Style,
            style: Style) -> Text:
    """*line* filled to *width*, the characters drawing logical *spans* in *match*."""
    padded = line.padded(width)
    lead = len(padded) - len(line.text) if line.align_right else 0
    text = Text(padded, style=style, no_wrap=True, overflow="crop", end="")
    spans = [(s, e) for s, e in spans or () if s < line.end and e > line.start]
    if not spans:
        return text
    marked = [any(s <= logical < e for s, e in spans) for logical in line.visual_to_logical]
    run_start = None
    for visual, inside in enumerate([*marked[: len(line.text)], False]):
        if inside and run_start is None:
            run_start = visual
        elif not inside and run_start is not None:
            text.stylize(match, lead + run_start, lead + visual)
            run_start = None
    return text
