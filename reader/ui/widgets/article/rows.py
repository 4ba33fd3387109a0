"""The article view's rows: a document's laid-out lines at one set of options.

Two kinds of :class:`Rows` exist. The view's main rows start at the first paragraph
and grow, a worker appending paragraphs in order, until the whole text is laid out.
A *window* starts anywhere: a saved place, a search match or the end, deep in a long
text, is shown from a window at once rather than after the main rows have reached
it (a minute for a 48 MB text). A window grows both ways as the reader moves; the view
changes over to the main rows, at the same line, once they cover the window.

Rows of either kind are the same rows for the same paragraphs: each paragraph's lines
come from the engine at the same options, with one blank row between paragraphs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import NamedTuple

from reader.text.layout import LayoutOptions, Line

#: Gives one paragraph's lines (``Document.paragraph_lines`` at the rows' options).
LinesOf = Callable[[int], Sequence[Line]]


class ReadingPosition(NamedTuple):
    """Where the reader is: the paragraph and the logical offset of the top line."""

    paragraph: int
    offset: int


class Rows:
    """Rows of the paragraphs ``first_paragraph`` … ``next_paragraph - 1``
    (``None`` rows are the gaps between paragraphs)."""

    __slots__ = ("complete", "first_paragraph", "first_row", "next_paragraph", "options",
                 "rows")

    def __init__(self, options: LayoutOptions, first_paragraph: int = 0) -> None:
        self.options = options
        self.rows: list[Line | None] = []
        self.first_row: list[int] = []  # per paragraph from first_paragraph
        self.first_paragraph = first_paragraph
        self.next_paragraph = first_paragraph
        self.complete = False  # True once next_paragraph is the text's last + 1

    def add(self, paragraph: int, lines: Sequence[Line]) -> None:
        """Append *paragraph* (which must be ``next_paragraph``)."""
        if paragraph != self.first_paragraph:
            self.rows.append(None)
        self.first_row.append(len(self.rows))
        self.rows.extend(lines)
        self.next_paragraph = paragraph + 1

    def prepend(self, lines: Sequence[Line]) -> int:
        """Put the paragraph before ``first_paragraph`` in front; returns how many rows
        came in front (the rows below move down by as many)."""
        added = [*lines, None]
        self.rows[0:0] = added
        self.first_row = [0, *(row + len(added) for row in self.first_row)]
        self.first_paragraph -= 1
        return len(added)

    def covers(self, other: Rows) -> bool:
        """True when every paragraph of *other* is here too."""
        return (self.first_paragraph <= other.first_paragraph
                and self.next_paragraph >= other.next_paragraph)

    def row_of(self, position: ReadingPosition) -> int | None:
        """The row showing *position*, or None while its paragraph is not laid out here."""
        index = position.paragraph - self.first_paragraph
        if not 0 <= index < len(self.first_row):
            return None
        row = self.first_row[index]
        end = self.first_row[index + 1] - 1 if index + 1 < len(self.first_row) else len(self.rows)
        best = row
        for at in range(row, end):
            line = self.rows[at]
            if line is not None and line.start <= position.offset:
                best = at
        return best

    def grow_down(self, lines_of: LinesOf, total: int, rows: int) -> None:
        """Append paragraphs till at least *rows* rows or the text's end (*total*
        paragraphs)."""
        while len(self.rows) < rows and self.next_paragraph < total:
            self.add(self.next_paragraph, lines_of(self.next_paragraph))
        if self.next_paragraph >= total:
            self.complete = True

    def grow_up(self, lines_of: LinesOf, rows: int) -> int:
        """Put paragraphs in front till at least *rows* rows came or the text's start;
        returns the rows that came in front."""
        added = 0
        while added < rows and self.first_paragraph > 0:
            added += self.prepend(lines_of(self.first_paragraph - 1))
        return added


def window_at(position: ReadingPosition, lines_of: LinesOf, total: int, options: LayoutOptions,
              height: int) -> Rows:
    """Rows around *position* for a view *height* rows high: its paragraph and those
    after it for a few screens, and enough before it that the place can be at the top
    (near the end, that the last screen is full, with a page above it: the window can
    scroll, so its scrollbar is drawn)."""
    window = Rows(options, first_paragraph=position.paragraph)
    window.grow_down(lines_of, total, height * 3)
    row = window.row_of(position) or 0
    below = len(window.rows) - row
    if below < height:
        window.grow_up(lines_of, 2 * height - below)
    return window


class Extent(NamedTuple):
    """Where the top row is in the whole text, and how many rows the whole text has, in
    rows at the current options: exact where the rows are laid out, estimated where not."""

    top: float  # a row, or a place between rows kept by the view's scrollbar
    rows: int


def character_starts(paragraphs: Sequence[str]) -> list[int]:
    """The characters before each paragraph, and the text's total last (the estimate's
    measure of the paragraphs not laid out yet)."""
    starts = [0]
    starts.extend(accumulate(len(paragraph) for paragraph in paragraphs))
    return starts


def whole_text_extent(main: Rows, window: Rows | None, top: int,
                      starts: Sequence[int]) -> Extent:
    """The whole text's extent while it is not all laid out, with the top row at *top*
    of the rows on screen (*window* while there is one, else *main*); *starts* are the
    :func:`character_starts` of the text's paragraphs.

    A scrollbar that measured only the rows laid out said "near the top" at the end of a
    48 MB text shown from a window. Rows not laid out are estimated from their paragraphs'
    characters, at the lines per character of the rows laid out (the main rows and the
    window's rows beyond them, each paragraph counted once), plus half a line each (a
    paragraph's last line is half full on average: short paragraphs then count right
    too) and a gap row each. The
    window's first row is exact once the main rows reach it, so when the main rows take
    over at the same top line the top stays where it was: only what a batch of layout
    adds makes the estimate better, a little at a time.
    """
    total = len(starts) - 1
    lines, characters = _lines_and_characters(main, starts)
    extra = 0  # the window's paragraphs beyond the main rows
    if window is not None and window.rows and window.next_paragraph > main.next_paragraph:
        start = max(main.next_paragraph, window.first_paragraph)
        row = window.first_row[start - window.first_paragraph]
        extra = window.next_paragraph - start
        lines += len(window.rows) - row - (extra - 1)
        characters += starts[window.next_paragraph] - starts[start]
    laid_out = main.next_paragraph - main.first_paragraph + extra
    rate = max(0.0, lines - laid_out / 2) / characters if characters else 0.0

    def estimated(first: int, end: int) -> int:
        """Rows of the paragraphs first … end - 1 with their gaps (at least a line each)."""
        if end <= first:
            return 0
        count = end - first
        return count + max(count, round(rate * (starts[end] - starts[first]) + count / 2))

    shown = window if window is not None else main
    if shown is main:
        before = 0
    elif shown.first_paragraph < main.next_paragraph:
        before = main.first_row[shown.first_paragraph - main.first_paragraph]
    else:
        gap = 1 if main.rows else 0
        before = len(main.rows) + gap + estimated(main.next_paragraph, shown.first_paragraph)
    after = estimated(shown.next_paragraph, total)
    return Extent(before + top, before + len(shown.rows) + after)


def _lines_and_characters(rows: Rows, starts: Sequence[int]) -> tuple[int, int]:
    """The text lines of *rows* (its rows less the gaps) and their paragraphs' characters."""
    paragraphs = rows.next_paragraph - rows.first_paragraph
    if not paragraphs:
        return 0, 0
    return (len(rows.rows) - (paragraphs - 1),
            starts[rows.next_paragraph] - starts[rows.first_paragraph])


def paragraph_at(main: Rows, row: float, starts: Sequence[int]) -> int:
    """The paragraph at *row* of the whole text (:func:`whole_text_extent`'s rows): the
    main rows' own where they reach, else the paragraph the estimate puts there (the
    scrollbar's thumb dragged to a place not laid out yet)."""
    if main.rows and row < len(main.rows):
        return main.first_paragraph + bisect_right(main.first_row, int(row)) - 1
    total = len(starts) - 1
    first = main.next_paragraph
    if first >= total:
        return total - 1

    def rows_to(paragraph: int) -> int:
        """The estimated row of *paragraph*'s first line."""
        probe = Rows(main.options, first_paragraph=paragraph)
        return int(whole_text_extent(main, probe, 0, starts).top)

    low, high = first, total - 1  # the last paragraph whose first line is at or above row
    while low < high:
        middle = (low + high + 1) // 2
        if rows_to(middle) <= row:
            low = middle
        else:
            high = middle - 1
    return low
