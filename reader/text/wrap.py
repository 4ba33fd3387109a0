"""Line breaking by terminal cell width, in logical order.

Widths follow ``rich.cells`` (what Textual uses to plan the screen): Arabic
letters and their presentation forms take one cell, harakat none, CJK two.
Callers pass text without ZWJ: ``rich.cells.cell_len`` lets a ZWJ swallow the
next character, which the terminal still draws (the shaper removes ZWJ; the
layout removes it from unshaped text too).

Lines break at spaces only. The spaces at a break hang: they belong to the
line before but are not part of its content (they would otherwise show up
as a blank cell at the start of a right-aligned line). A word wider than the
line is cut only as a last resort, and then between grapheme-like clusters
(a character with its zero-width marks), so a haraka never leaves its letter.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from rich.cells import cell_len, get_character_cell_size

__all__ = ["LineSpan", "clusters", "text_cells", "wrap"]

#: (content_start, content_end, cells): the line's visible characters are text[start:end].
#: A line owns text from its content start up to the next line's content start
#: (the last line up to the end of the text, the first from 0).
LineSpan = tuple[int, int, int]

_ZWJ = "\u200d"


class _CharCells(dict[str, int]):
    """Cells of each character, looked up in rich's table on first sight."""

    def __missing__(self, ch: str) -> int:
        cells = self[ch] = get_character_cell_size(ch)
        return cells


_CHAR_CELLS = _CharCells()
_WORD_CELLS: dict[str, int] = {}  # words recur (Zipf): measure each once
_VS16 = "\ufe0f"


def text_cells(text: str) -> int:
    """Terminal cells of ``text`` (no ZWJ in it), exactly as ``rich.cells.cell_len``.

    Without ZWJ or VS16, cell_len is the sum of the characters' widths, which a
    dict lookup per character computes faster; VS16 (which can widen the
    character before it) goes to rich itself.
    """
    if _ZWJ in text:  # refuse the measuring bug rather than hide it
        raise ValueError("text_cells: remove ZWJ before measuring (rich.cells miscounts it)")
    if _VS16 in text:
        return cell_len(text)
    return sum(map(_CHAR_CELLS.__getitem__, text))


def clusters(word: str) -> list[int]:
    """Start offsets of the clusters of ``word``: a char of nonzero width and the
    zero-width chars (harakat, variation selectors, format chars) after it."""
    starts = [0] if word else []
    for i in range(1, len(word)):
        if get_character_cell_size(word[i]) > 0:
            starts.append(i)
    return starts


def _split_long_word(
    word: str, offset: int, width: int, measure: Callable[[str], int]
) -> list[LineSpan]:
    """Cut ``word`` into pieces of at most ``width`` cells at cluster boundaries."""
    starts = clusters(word)
    starts.append(len(word))
    pieces: list[LineSpan] = []
    piece_start = 0
    piece_cells = 0
    for a, b in pairwise(starts):
        cells = measure(word[a:b])
        if piece_cells + cells > width and a > piece_start:
            pieces.append((offset + piece_start, offset + a, piece_cells))
            piece_start, piece_cells = a, 0
        piece_cells += cells
    pieces.append((offset + piece_start, offset + len(word), piece_cells))
    return pieces


def wrap(text: str, width: int, measure: Callable[[str], int] = text_cells) -> list[LineSpan]:
    """Break one paragraph into lines of at most ``width`` cells.

    Returns ``(content_start, content_end, cells)`` for each line (at least
    one line, possibly empty). Runs of spaces inside a line are kept; spaces at
    the start of the paragraph and at breaks are not part of any line's
    content. A single cluster wider than ``width`` (a 2-cell character on a
    1-cell line) cannot fit: ``width`` must be at least 2.
    """
    if width < 2:
        raise ValueError(f"width must be at least 2 cells, not {width}")
    lines: list[LineSpan] = []
    known = _WORD_CELLS if measure is text_cells else {}
    if len(known) > 100_000:
        known.clear()
    line_start = -1  # content start of the current line, -1 while it is empty
    line_end = 0
    line_cells = 0
    b = -1
    for word in text.split(" "):
        a = b + 1
        b = a + len(word)
        if not word:
            continue
        cells = known.get(word)
        if cells is None:
            cells = known[word] = measure(word)
        if line_start >= 0:
            gap = a - line_end  # the spaces between the last word and this one
            if line_cells + gap + cells <= width:
                line_end = b
                line_cells += gap + cells
                continue
            lines.append((line_start, line_end, line_cells))
            line_start = -1
        if cells <= width:
            line_start, line_end, line_cells = a, b, cells
            continue
        pieces = _split_long_word(word, a, width, measure)
        lines.extend(pieces[:-1])
        line_start, line_end, line_cells = pieces[-1]
    if line_start >= 0:
        lines.append((line_start, line_end, line_cells))
    if not lines:
        lines.append((0, 0, 0))
    return lines
