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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import cache
from itertools import accumulate, compress, pairwise, repeat
from operator import add
from typing import NamedTuple

from rich.cells import cell_len, get_character_cell_size

__all__ = [
    "LineSpan", "WordTable", "clusters", "splice_word_table", "text_cells", "word_table",
    "wrap", "wrap_steps", "wrap_table",
]

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
    return wrap_table(word_table(text, measure), width)


class WordTable(NamedTuple):
    """The words (non-empty, between spaces) of one paragraph with their char and cell
    offsets as if the paragraph were one line: what wrapping at any width needs.

    A space is one cell, so the cells of words ``i..j`` on one line are
    ``cell_ends[j] - cell_starts[i]``, and the last word that fits after word ``i`` is
    found by bisection: a new width costs one bisection per line.
    """

    text: str
    measure: Callable[[str], int]
    starts: list[int]
    ends: list[int]
    cell_starts: list[int]
    cell_ends: list[int]


#: one byte per character for :func:`_cell_codes`: its cells, a space as a space
_CELL_CODE = {0: b"z", 1: b"a", 2: b"w"}
_NARROW = b"z"  # no cell
_WIDE_OR_ODD = re.compile(b"[^az ]")
_MAX_BLOCKS = 8
#: Latin, Arabic, punctuation, Arabic presentation forms
_USUAL_BLOCKS = bytes((0x00, 0x06, 0x20, 0xFB, 0xFE))


@cache
def _block_cells(block: int) -> bytes:
    """Per low byte, the cell code of the character ``block * 256 + low``."""
    codes = bytearray()
    for low in range(256):
        code = block << 8 | low
        codes += b" " if code == 0x20 else _CELL_CODE.get(_CHAR_CELLS[chr(code)], b"x")
    return bytes(codes)


@cache
def _select_block(block: int) -> bytes:
    return bytes(0xFF if byte == block else 0 for byte in range(256))


def _cell_codes(text: str) -> bytes | None:
    """One byte per character of ``text``: ``z`` no cell, ``a`` one, ``w`` two, a space
    for a space (``x`` anything else); bytes.translate per 256-character block present,
    combined with masks. None for characters beyond the Basic Multilingual Plane, or from
    more blocks than a few passes over the text are worth."""
    data = text.encode("utf-16-be", "surrogatepass")
    size = len(text)
    if len(data) != 2 * size:
        return None
    high, low = data[0::2], data[1::2]
    # the usual blocks by a byte search each, the rest (rare) by a set
    blocks = {block for block in _USUAL_BLOCKS if block in high}
    rest = high.translate(None, _USUAL_BLOCKS)
    if rest:
        blocks.update(rest)
    if len(blocks) > _MAX_BLOCKS:
        return None
    if len(blocks) == 1:
        return low.translate(_block_cells(blocks.pop()))
    combined = 0
    for block in blocks:
        codes = int.from_bytes(low.translate(_block_cells(block)), "big")
        combined |= codes & int.from_bytes(high.translate(_select_block(block)), "big")
    return combined.to_bytes(size, "big")


def _word_cells(words: list[str], measure: Callable[[str], int]) -> list[int]:
    """``measure`` of each word, each distinct word measured once."""
    known = _WORD_CELLS if measure is text_cells else {}
    if len(known) > 100_000:
        known.clear()
    known[""] = 0
    cells = list(map(known.get, words))
    if None in cells:  # words not seen before: each distinct one measured once
        for k in [k for k, found in enumerate(cells) if found is None]:
            word = words[k]
            found = known.get(word)
            cells[k] = known[word] = measure(word) if found is None else found
    return cells  # type: ignore[return-value]


def word_table(text: str, measure: Callable[[str], int] = text_cells) -> WordTable:
    """Measure the words of ``text`` once (C-level passes over the whole text)."""
    words = text.split(" ")
    if measure is text_cells and _ZWJ not in text and _VS16 not in text:
        # text_cells is then a sum over characters; with none of two cells, a word's
        # cells are its characters less the zero-width ones
        codes = _cell_codes(text)
    else:
        codes = None
    if codes is not None and _WIDE_OR_ODD.search(codes) is None:
        cells = list(map(len, codes.translate(None, _NARROW).split(b" ")))
    else:
        cells = _word_cells(words, measure)
    lengths = list(map(len, words))
    starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))
    cell_starts = list(accumulate(map(add, cells, repeat(1)), initial=0))
    if 0 in lengths:  # runs of spaces, spaces at either end: keep the words only
        starts = list(compress(starts, lengths))
        cell_starts = list(compress(cell_starts, lengths))
        cells = list(compress(cells, lengths))
        lengths = list(filter(None, lengths))
    else:
        del starts[-1], cell_starts[-1]
    return WordTable(
        text,
        measure,
        starts,
        list(map(add, starts, lengths)),
        cell_starts,
        list(map(add, cell_starts, cells)),
    )


def wrap_table(table: WordTable, width: int) -> list[LineSpan]:
    """:func:`wrap` on a measured paragraph (greedy: each line takes every word that fits)."""
    lines: list[LineSpan] = []
    for step, _ in wrap_steps(table, width, 0):
        lines.extend(step)
    if not lines:
        lines.append((0, 0, 0))
    return lines


def wrap_steps(
    table: WordTable, width: int, first_word: int
) -> Iterator[tuple[list[LineSpan], int]]:
    """Greedy wrapping from word ``first_word`` on, one step at a time: the lines that
    start with one word (several when the word is cut) and the word the next step starts
    with. A step depends only on the words it starts from, so an editor that re-wraps
    after an edit can stop as soon as a step starts where a line started before."""
    if width < 2:
        raise ValueError(f"width must be at least 2 cells, not {width}")
    starts, ends, cell_starts, cell_ends = (
        table.starts, table.ends, table.cell_starts, table.cell_ends
    )
    count = len(starts)
    i = first_word
    while i < count:
        step: list[LineSpan] = []
        line_start = starts[i]
        origin = cell_starts[i]  # the cell offset the line's cells count from
        if cell_ends[i] - origin > width:  # a word wider than the line: cut it
            a = starts[i]
            pieces = _split_long_word(table.text[a : ends[i]], a, width, table.measure)
            step.extend(pieces[:-1])
            line_start, _, piece_cells = pieces[-1]
            origin = cell_ends[i] - piece_cells
        j = bisect_right(cell_ends, origin + width, i + 1, count)  # words i..j-1 fit
        step.append((line_start, ends[j - 1], cell_ends[j - 1] - origin))
        yield step, j
        i = j


def splice_word_table(table: WordTable, text: str, start: int, old_end: int) -> WordTable:
    """The table of ``text``, made from ``table`` (of the text before an edit) where only
    ``table.text[start:old_end]`` was replaced. That range must hold whole words (a space
    or the text's end on either side of it), so the words outside keep their measures:
    those before keep their offsets, those after move by the edit's char and cell deltas."""
    old = table.text
    new_end = old_end + len(text) - len(old)
    if not (start == 0 or old[start - 1] == " ") or not (
        old_end == len(old) or old[old_end] == " "
    ):
        raise ValueError(f"edit [{start}, {old_end}) does not hold whole words")
    middle = word_table(text[start:new_end], table.measure)
    before = bisect_left(table.ends, start)  # words ending before the edit
    after = bisect_right(table.starts, old_end)  # first word starting after it
    origin = _cells_before(table, start)
    char_delta = new_end - old_end
    cell_delta = origin + _cells_before(middle, new_end - start) - _cells_before(table, old_end)
    return WordTable(
        text,
        table.measure,
        [*table.starts[:before], *map(start.__add__, middle.starts),
         *map(char_delta.__add__, table.starts[after:])],
        [*table.ends[:before], *map(start.__add__, middle.ends),
         *map(char_delta.__add__, table.ends[after:])],
        [*table.cell_starts[:before], *map(origin.__add__, middle.cell_starts),
         *map(cell_delta.__add__, table.cell_starts[after:])],
        [*table.cell_ends[:before], *map(origin.__add__, middle.cell_ends),
         *map(cell_delta.__add__, table.cell_ends[after:])],
    )


def _cells_before(table: WordTable, position: int) -> int:
    """Cells of ``table.text[:position]`` as the table counts them (words by their
    measure, spaces one each); ``position`` must not fall inside a word."""
    last = bisect_right(table.ends, position) - 1  # the last word ending at or before it
    if last < 0:
        return position
    return table.cell_ends[last] + position - table.ends[last]


def wrap_reference(
    text: str, width: int, measure: Callable[[str], int] = text_cells
) -> list[LineSpan]:
    """:func:`wrap` one word at a time (the plain statement of the rules, for the tests)."""
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
