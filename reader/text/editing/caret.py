"""Where the caret is drawn and where the arrow keys take it, from the engine's maps.

The buffer is logical; the screen shows the engine's layout of it (shaped, in
visual order, right-aligned for right-to-left paragraphs, wrapped to the
pane). This module joins the two with each line's ``visual_to_logical`` map:

- the caret is drawn on the cell that shows the logical character after it
  (a block caret, as terminals draw one), or at the line's end in reading
  order (left of a right-to-left line, right of a left-to-right one) when it
  stands after the paragraph's last character;
- Left/Right step to the next cell on screen, whatever the logical order
  (moving visually); past a line's edge they continue on the next or previous
  line in reading order;
- Up/Down keep the caret's screen column on the line above or below;
- Home/End go to the start/end of the line in reading order.

Positions are logical indices of the whole buffer (paragraphs joined by
``\\n``), always cluster boundaries (see :mod:`reader.text.editing.buffer`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple, Protocol, cast

from rich.cells import get_character_cell_size

from reader.text.editing.buffer import is_cluster_continuation
from reader.text.layout import LayoutOptions, Line
from reader.text.relayout import ParagraphLayout, lay_out_paragraph, relayout_paragraph


class ParagraphLines(Protocol):
    """What a row needs of a paragraph's layout (:class:`ParagraphLayout` has it)."""

    @property
    def rtl(self) -> bool: ...

    def __len__(self) -> int: ...

    def bounds(self, number: int) -> tuple[int, int]: ...

    def line(self, number: int) -> Line: ...


class Cell(NamedTuple):
    """One screen cell of a row: the characters drawn there and what they show."""

    x: int  # column within the row, padding included
    chars: str  # a base character and the zero-width marks drawn on it
    logical: int  # buffer position of the base character


class Row:
    """One visual line of the editor.

    Its place in the text is known at once; its characters, cells and alignment
    only when the row is drawn or the caret is on it (the engine builds the line
    then), so a keystroke in a long paragraph costs what the pane shows.
    """

    __slots__ = ("_cells", "_layout", "_number", "end", "last_in_paragraph", "pane_width",
                 "paragraph", "paragraph_length", "paragraph_start", "rtl_visual", "start")

    def __init__(self, paragraph: int, paragraph_start: int, paragraph_length: int,
                 layout: ParagraphLines | None, number: int, last_in_paragraph: bool,
                 rtl_visual: bool, pane_width: int) -> None:
        self.paragraph = paragraph
        self.paragraph_start = paragraph_start  # buffer position where the paragraph begins
        self.paragraph_length = paragraph_length
        self._layout = layout  # None for an empty paragraph (no line to draw)
        self._number = number
        self.last_in_paragraph = last_in_paragraph
        self.rtl_visual = rtl_visual  # drawn right-aligned, reading from the right
        self.pane_width = pane_width
        line_start, line_end = layout.bounds(number) if layout is not None else (0, 0)
        self.start = paragraph_start + line_start  # buffer range the row owns
        self.end = paragraph_start + line_end
        self._cells: list[Cell] | None = None

    @property
    def line(self) -> Line | None:
        return self._layout.line(self._number) if self._layout is not None else None

    @property
    def width(self) -> int:
        line = self.line
        return line.cells if line else 0

    @property
    def offset(self) -> int:
        """Column where the line's text starts."""
        return self.pane_width - self.width if self.rtl_visual else 0

    @property
    def end_x(self) -> int:
        """Column of the caret standing after the line's last character in reading order."""
        return self.offset - 1 if self.rtl_visual else self.offset + self.width

    @property
    def cells(self) -> list[Cell]:
        """The row's cells, left to right, with buffer positions (built when first needed)."""
        if self._cells is None:
            self._cells = _line_cells(self.line, self.offset, self.paragraph_start)
        return self._cells


def _line_cells(line: Line | None, offset: int, base: int) -> list[Cell]:
    """A line's characters grouped by screen cell (a letter with its zero-width marks)."""
    cells: list[Cell] = []
    if line is None:
        return cells
    x = offset
    sizes = map(_CELL_SIZE.__getitem__, line.text)
    for ch, logical, size in zip(line.text, line.visual_to_logical, sizes, strict=True):
        if size == 0 and cells:
            prev = cells[-1]
            cells[-1] = Cell(prev.x, prev.chars + ch, prev.logical)
            continue
        cells.append(Cell(x, ch, base + logical))
        x += size
    return cells


class VisualLayout:
    """A snapshot of the editor's text as the screen shows it.

    *width* is the pane's width in cells; lines are laid out one cell narrower
    so that the caret after the last character always has a cell to stand on.
    In ``terminal`` mode the engine returns logical, unshaped lines and the
    terminal reorders them itself; the caret then follows logical order.
    """

    def __init__(self, text: str, width: int, *, mode: str = "app", direction: str = "rtl",
                 previous: VisualLayout | None = None,
                 paragraph_layout: Callable[[str, LayoutOptions], ParagraphLines] | None = None,
                 ) -> None:
        """*previous*: the layout before this edit. Its unchanged paragraphs are reused and
        the edited one is laid out again from it (reader.text.relayout), so a keystroke in
        a long paragraph redoes only what the edit changed.

        *paragraph_layout* lays each paragraph out instead of the engine's wrapping
        layout (a one-line field lays its value out unwrapped, its own way); such a
        layout is always made afresh."""
        self.text = text
        self.width = max(3, width)  # the engine needs two cells, plus the caret's
        self.mode = mode
        self._settings = (self.width, mode, direction, paragraph_layout)
        self._options = LayoutOptions(width=self.width - 1, mode=mode, harakat="keep",
                                      shape=True, direction=direction, marks=False)
        paragraphs = text.split("\n")
        if paragraph_layout is not None:
            self._layouts: list[ParagraphLines | None] = [
                paragraph_layout(p, self._options) if p else None for p in paragraphs
            ]
        elif previous is not None and previous._settings == self._settings:
            # The same settings: no paragraph_layout, so the engine's ParagraphLayouts.
            old = cast("list[ParagraphLayout | None]", previous._layouts)
            followed = _follow(previous._paragraphs, old, paragraphs, self._options)
            self._layouts = cast("list[ParagraphLines | None]", followed)
        else:
            self._layouts = [self._fresh(p) for p in paragraphs]
        self._paragraphs: list[str] = paragraphs
        empty_rtl = direction == "rtl" and mode == "app"
        self.rows: list[Row] = []
        start = 0
        for index, (paragraph, layout) in enumerate(zip(paragraphs, self._layouts, strict=True)):
            if layout is None:
                self.rows.append(Row(index, start, 0, None, 0, True, empty_rtl, self.width))
            else:
                rtl = layout.rtl and mode == "app"
                count = len(layout)
                self.rows.extend(
                    Row(index, start, len(paragraph), layout, n, n == count - 1, rtl, self.width)
                    for n in range(count)
                )
            start += len(paragraph) + 1
        self._row_starts = [row.start for row in self.rows]

    def _fresh(self, paragraph: str) -> ParagraphLayout | None:
        return lay_out_paragraph(paragraph, self._options) if paragraph else None

    # -- positions ------------------------------------------------------------------
    def _is_boundary(self, pos: int) -> bool:
        return not is_cluster_continuation(self.text, pos)

    def _previous_boundary(self, pos: int) -> int:
        pos = max(0, pos - 1)
        while pos > 0 and not self._is_boundary(pos):
            pos -= 1
        return pos

    def row_of(self, pos: int) -> int:
        """Index of the row showing the caret at buffer position *pos*."""
        return max(0, bisect_right(self._row_starts, pos) - 1)

    def stops(self, row_index: int) -> list[tuple[int, int]]:
        """(column, position) where the caret can stand on a row, left to right.

        Besides one stop per drawn cluster, a row has one at its end in reading
        order: the paragraph's end on its last row, the space the line was
        broken at on the others (the layout draws no glyph for it).
        """
        row = self.rows[row_index]
        seen: dict[int, int] = {}
        for cell in row.cells:
            if self._is_boundary(cell.logical):
                seen.setdefault(cell.x, cell.logical)
        if row.last_in_paragraph:
            seen.setdefault(row.end_x, row.paragraph_start + row.paragraph_length)
        else:
            trailing = self._after_drawn(row)
            if trailing < row.end:
                seen.setdefault(row.end_x, trailing)
        return sorted(seen.items())

    def _after_drawn(self, row: Row) -> int:
        """The first position after the last character the row draws."""
        if not row.cells:
            return row.start
        pos = max(cell.logical for cell in row.cells) + 1
        while pos < len(self.text) and not self._is_boundary(pos):
            pos += 1
        return pos

    def _gap_after(self, row_index: int) -> bool:
        """True when the layout left characters between this row and the next (a wrap space)."""
        row = self.rows[row_index]
        nxt = self.rows[row_index + 1] if row_index + 1 < len(self.rows) else None
        return nxt is not None and nxt.paragraph == row.paragraph and nxt.start > row.end

    def caret_cell(self, pos: int) -> tuple[int, int]:
        """(row, column) where the caret at *pos* is drawn."""
        row_index = self.row_of(pos)
        row = self.rows[row_index]
        best = None
        drawn_after = False
        for cell in row.cells:
            if cell.logical == pos:
                # A line of marks alone draws in no cell: right-aligned, its zero-width
                # glyph would sit one column past the pane's edge.
                return row_index, min(cell.x, row.pane_width - 1)
            if cell.logical < pos:
                if best is None or cell.logical > best.logical:
                    best = cell
            else:
                drawn_after = True
        if best is not None and drawn_after:
            # No glyph of its own inside the line (the alef of lam-alef): the glyph holding it.
            return row_index, best.x
        # After everything drawn (paragraph end, the space a line was broken at).
        return row_index, row.end_x

    # -- movement -------------------------------------------------------------------
    def move_horizontal(self, pos: int, direction: int) -> int:
        """The position one cell to the left (-1) or right (+1) on screen."""
        row_index, x = self.caret_cell(pos)
        stops = self.stops(row_index)
        if direction > 0:
            ahead = [p for sx, p in stops if sx > x]
            if ahead:
                return ahead[0]
        else:
            ahead = [p for sx, p in stops if sx < x]
            if ahead:
                return ahead[-1]
        row = self.rows[row_index]
        forward = (direction < 0) == row.rtl_visual
        if forward:
            if row_index + 1 < len(self.rows):
                return self.rows[row_index + 1].start
            return pos
        if row_index > 0:
            return self.line_end(self.rows[row_index - 1].start)
        return pos

    def line_start(self, pos: int) -> int:
        """Start of the caret's line in reading order (Home)."""
        return self.rows[self.row_of(pos)].start

    def line_end(self, pos: int) -> int:
        """End of the caret's line in reading order (End)."""
        row_index = self.row_of(pos)
        row = self.rows[row_index]
        if row.last_in_paragraph:
            return row.paragraph_start + row.paragraph_length
        if self._gap_after(row_index):
            return row.end
        trailing = self._after_drawn(row)
        if trailing < row.end:
            return trailing
        return max(row.start, self._previous_boundary(row.end))

    def move_vertical(self, pos: int, direction: int, goal_x: int | None = None) -> tuple[int, int]:
        """The position on the row above (-1) or below (+1) nearest to column *goal_x*.

        Returns (position, goal column) so the caller keeps the column over
        repeated Up/Down through shorter lines.
        """
        row_index, x = self.caret_cell(pos)
        goal = x if goal_x is None else goal_x
        target = row_index + direction
        if target < 0:
            return 0, goal
        if target >= len(self.rows):
            return len(self.text), goal
        stops = self.stops(target)
        if not stops:
            return self.rows[target].start, goal
        _, best = min(stops, key=lambda s: (abs(s[0] - goal), s[0]))
        return best, goal

    def position_at(self, row_index: int, x: int) -> int:
        """The position whose caret cell is nearest to column *x* of a row (mouse clicks)."""
        row_index = max(0, min(row_index, len(self.rows) - 1))
        stops = self.stops(row_index)
        if not stops:
            return self.rows[row_index].start
        return min(stops, key=lambda s: (abs(s[0] - x), s[0]))[1]

    # -- drawing ----------------------------------------------------------------------
    def spans(self, row_index: int, caret: int | None, selection: tuple[int, int] = (0, 0)
              ) -> list[tuple[str, str]]:
        """The row as (text, kind) spans filling the pane's width.

        kind is ``""`` for plain text, ``"selection"`` or ``"caret"``. The
        selection is a logical range, so a selection that crosses a direction
        change shows as several pieces on screen, as it should.
        """
        row = self.rows[row_index]
        caret_x = None
        if caret is not None:
            c_row, c_x = self.caret_cell(caret)
            caret_x = c_x if c_row == row_index else None
        sel_start, sel_end = selection
        if caret_x is None and not (sel_start < sel_end and sel_start < row.end
                                    and row.start < sel_end):
            # Neither caret nor selection here (most rows): the line, aligned, in one piece.
            line = row.line
            if line is None:
                return [(" " * self.width, "")]
            left = row.offset
            return [(" " * left + line.text + " " * max(0, self.width - left - line.cells), "")]
        pieces: list[tuple[str, str]] = []  # (text, kind) per cell or run of padding
        column = 0

        def pad(upto: int) -> None:  # blank columns, the caret possibly on one of them
            if column < upto:
                if caret_x is not None and column <= caret_x < upto:
                    pieces.extend(((" " * (caret_x - column), ""), (" ", "caret"),
                                   (" " * (upto - caret_x - 1), "")))
                else:
                    pieces.append((" " * (upto - column), ""))

        for cell in row.cells:
            if column < cell.x:
                pad(cell.x)
                column = cell.x
            if column == caret_x:
                kind = "caret"
            elif sel_start <= cell.logical < sel_end:
                kind = "selection"
            else:
                kind = ""
            pieces.append((cell.chars, kind))
            column += max(1, _CELL_SIZE[cell.chars[0]])
        pad(self.width)
        out = []
        for kind, group in groupby(pieces, key=itemgetter(1)):
            text = "".join(text for text, _ in group)
            if text:
                out.append((text, kind))
        return out


class _CellSizes(dict[str, int]):
    """Terminal cells of each character (rich's measure), looked up once per character."""

    def __missing__(self, ch: str) -> int:
        size = self[ch] = get_character_cell_size(ch)
        return size


_CELL_SIZE = _CellSizes()


def _follow(old_texts: list[str], old_layouts: list[ParagraphLayout | None], texts: list[str],
            options: LayoutOptions) -> list[ParagraphLayout | None]:
    """The layouts of *texts* from those of *old_texts*: paragraphs before and after the
    edit are reused as they are; an edited one is laid out again from the old paragraph
    it shares its start (or, failing that, its end) with."""
    limit = min(len(old_texts), len(texts))
    before = 0
    while before < limit and old_texts[before] == texts[before]:
        before += 1
    after = 0
    while (after < limit - before
           and old_texts[len(old_texts) - 1 - after] == texts[len(texts) - 1 - after]):
        after += 1
    old_middle = range(before, len(old_texts) - after)
    new_last = len(texts) - after - 1
    layouts = old_layouts[:before]
    for index in range(before, new_last + 1):
        text = texts[index]
        source = None
        if old_middle and index in (before, new_last):
            # the first edited paragraph continues the first old one (typing, Enter), the
            # last one the last old one (Backspace joining two paragraphs)
            source = old_layouts[old_middle[0] if index == before else old_middle[-1]]
        if not text:
            layouts.append(None)
        elif source is None:
            layouts.append(lay_out_paragraph(text, options))
        else:
            layouts.append(relayout_paragraph(source, text))
    layouts.extend(old_layouts[len(old_layouts) - after:] if after else [])
    return layouts
