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

from collections.abc import Callable, Sequence
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
    (near the end, that the last screen is full)."""
    window = Rows(options, first_paragraph=position.paragraph)
    window.grow_down(lines_of, total, height * 3)
    row = window.row_of(position) or 0
    below = len(window.rows) - row
    if below < height:
        window.grow_up(lines_of, height - below)
    return window
