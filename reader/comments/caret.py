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
``\\n``), always cluster boundaries (see :mod:`reader.comments.buffer`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from rich.cells import get_character_cell_size

from reader.comments.buffer import is_cluster_continuation


class LineLike(Protocol):
    """The part of :class:`reader.text.layout.Line` the editor relies on."""

    text: str
    cells: int
    rtl: bool
    start: int
    end: int
    visual_to_logical: tuple[int, ...]


#: Lays out one paragraph (no newline in it) for a width: the engine's job.
ParagraphLayout = Callable[[str, int, str, str], Sequence[LineLike]]


def engine_layout(text: str, width: int, mode: str, direction: str) -> Sequence[LineLike]:
    """The engine's lines for one paragraph (at least one line, even when blank)."""
    from reader.text.layout import Document, LayoutOptions

    options = LayoutOptions(width=width, mode=mode, harakat="keep", shape=True,
                            direction=direction)
    return Document([text], direction).paragraph_lines(0, options)


@dataclass(frozen=True, slots=True)
class Cell:
    """One screen cell of a row: the characters drawn there and what they show."""

    x: int  # column within the row, padding included
    chars: str  # a base character and the zero-width marks drawn on it
    logical: int  # buffer position of the base character


@dataclass(slots=True)
class Row:
    """One visual line of the editor."""

    paragraph: int
    paragraph_start: int  # buffer position where the paragraph begins
    paragraph_length: int
    line: LineLike | None  # None for an empty paragraph the layout gave no line for
    last_in_paragraph: bool
    rtl_visual: bool  # drawn right-aligned, reading from the right
    offset: int  # column where the line's text starts
    relative_cells: tuple[Cell, ...] = ()  # logical positions relative to the paragraph
    _cells: list[Cell] | None = field(default=None, repr=False)

    @property
    def cells(self) -> list[Cell]:
        """The row's cells, left to right, with buffer positions (built when first needed)."""
        if self._cells is None:
            base = self.paragraph_start
            self._cells = [Cell(c.x, c.chars, base + c.logical) for c in self.relative_cells]
        return self._cells

    @property
    def start(self) -> int:
        return self.paragraph_start + (self.line.start if self.line else 0)

    @property
    def end(self) -> int:
        return self.paragraph_start + (self.line.end if self.line else 0)

    @property
    def width(self) -> int:
        return self.line.cells if self.line else 0

    @property
    def end_x(self) -> int:
        """Column of the caret standing after the line's last character in reading order."""
        return self.offset - 1 if self.rtl_visual else self.offset + self.width


def _row_shapes(paragraph: str, width: int, mode: str, direction: str,
                layout: ParagraphLayout) -> tuple:
    lines = list(layout(paragraph, width - 1, mode, direction)) if paragraph else []
    if not lines:
        rtl = direction == "rtl" and mode == "app"
        return ((None, True, rtl, width if rtl else 0, ()),)
    shapes = []
    for n, line in enumerate(lines):
        rtl = line.rtl and mode == "app"
        offset = width - line.cells if rtl else 0
        cells: list[Cell] = []
        x = offset
        for j, ch in enumerate(line.text):
            size = get_character_cell_size(ch)
            logical = line.visual_to_logical[j]
            if size == 0 and cells:
                prev = cells[-1]
                cells[-1] = Cell(prev.x, prev.chars + ch, prev.logical)
                continue
            cells.append(Cell(x, ch, logical))
            x += size
        shapes.append((line, n == len(lines) - 1, rtl, offset, tuple(cells)))
    return tuple(shapes)


class VisualLayout:
    """A snapshot of the editor's text as the screen shows it.

    *width* is the pane's width in cells; lines are laid out one cell narrower
    so that the caret after the last character always has a cell to stand on.
    In ``terminal`` mode the engine returns logical, unshaped lines and the
    terminal reorders them itself; the caret then follows logical order.
    """

    def __init__(self, text: str, width: int, *, mode: str = "app", direction: str = "rtl",
                 layout: ParagraphLayout = engine_layout,
                 previous: VisualLayout | None = None) -> None:
        """*previous*: the layout before this edit; its unchanged paragraphs are reused,
        so a keystroke in a long comment lays out only the paragraph typed in."""
        self.text = text
        self.width = max(3, width)  # the engine needs two cells, plus the caret's
        self.mode = mode
        self._settings = (self.width, mode, direction, layout)
        reuse = previous._shapes if previous and previous._settings == self._settings else {}
        self._shapes: dict[str, tuple] = {}
        self.rows: list[Row] = []
        start = 0
        for index, paragraph in enumerate(text.split("\n")):
            shapes = self._shapes.get(paragraph) or reuse.get(paragraph)
            if shapes is None:
                shapes = _row_shapes(paragraph, self.width, mode, direction, layout)
            self._shapes[paragraph] = shapes
            for line, last, rtl, offset, cells in shapes:
                self.rows.append(
                    Row(index, start, len(paragraph), line, last, rtl, offset, cells)
                )
            start += len(paragraph) + 1

    # -- positions ------------------------------------------------------------------
    def _is_boundary(self, pos: int) -> bool:
        return pos <= 0 or pos >= len(self.text) or not is_cluster_continuation(self.text[pos])

    def _previous_boundary(self, pos: int) -> int:
        pos = max(0, pos - 1)
        while pos > 0 and not self._is_boundary(pos):
            pos -= 1
        return pos

    def row_of(self, pos: int) -> int:
        """Index of the row showing the caret at buffer position *pos*."""
        found = 0
        for i, row in enumerate(self.rows):
            if row.start <= pos and row.paragraph_start <= pos:
                found = i
            else:
                break
        return found

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
                return row_index, cell.x
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
        out: list[tuple[str, str]] = []

        def put(text: str, kind: str) -> None:
            if out and out[-1][1] == kind:
                out[-1] = (out[-1][0] + text, kind)
            else:
                out.append((text, kind))

        column = 0
        sel_start, sel_end = selection
        for cell in row.cells:
            while column < cell.x:
                put(" ", "caret" if column == caret_x else "")
                column += 1
            if column == caret_x:
                kind = "caret"
            elif sel_start <= cell.logical < sel_end:
                kind = "selection"
            else:
                kind = ""
            put(cell.chars, kind)
            column += max(1, sum(get_character_cell_size(c) for c in cell.chars))
        while column < self.width:
            put(" ", "caret" if column == caret_x else "")
            column += 1
        return out
