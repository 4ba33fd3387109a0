"""Line breaking by terminal cell width, in logical order.

Widths follow ``rich.cells`` (what Textual uses to plan the screen): Arabic
letters and their presentation forms take one cell, harakat none, CJK two.
Callers pass text without ZWJ: ``rich.cells.cell_len`` lets a ZWJ swallow the
next character, which the terminal still draws (the shaper removes ZWJ; the
layout removes it from unshaped text too).

Lines break where UAX #14 allows (:mod:`reader.text.breaks`): after spaces,
unless what follows may not start a line (a closing bracket, a full stop…),
and inside words where the rules allow it (after a hyphen or a dash, after a
``/`` inside a URL; never inside a number such as 1,234.50 or 11/08/2015).
The spaces at a break hang: they belong to the line before but are not part
of its content (they would otherwise show up as a blank cell at the start of
a right-aligned line). A stretch wider than the line is cut only as a last
resort, and then between grapheme clusters (UAX #29), so a haraka never
leaves its letter.
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

from reader.text.breaks.codes import CODES, code_of, line_break_codes
from reader.text.breaks.graphemes import cluster_starts
from reader.text.breaks.words import (
    NEVER_FIRST,
    PLAIN,
    WordBreaks,
    break_between,
    edges,
    find_suspect,
    joined_at,
    paragraph_breaks,
    word_answers,
    word_breaks,
)

__all__ = [
    "LineSpan", "WordTable", "break_codes_of", "cell_codes", "clusters", "narrow_cells",
    "one_line", "splice_word_table",
    "text_cells", "word_table", "wrap", "wrap_asking_at_breaks", "wrap_at_spaces", "wrap_steps",
    "wrap_table",
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
    """Start offsets of the grapheme clusters of ``word`` (UAX #29)."""
    return cluster_starts(word)


def _split_long_word(
    word: str, offset: int, width: int, measure: Callable[[str], int]
) -> list[LineSpan]:
    """Cut ``word`` (a stretch without a break opportunity, wider than the line) into
    pieces of at most ``width`` cells: after the last ``/`` that fits (a long URL or
    path breaks after a slash, never inside ``//``) or after spaces the stretch holds
    (``( word``), else between grapheme clusters."""
    starts = clusters(word)
    starts.append(len(word))
    soft = {
        k + 1 for k, ch in enumerate(word[:-1])
        if (ch == "/" and word[k + 1] != "/") or (ch == " " and word[k + 1] != " ")
    }
    pieces: list[LineSpan] = []
    piece_start = 0
    piece_cells = 0
    last_soft = (0, 0)  # (position, cells before it in the piece); 0: none yet
    for a, b in pairwise(starts):
        if a in soft:
            last_soft = (a, piece_cells)
        cells = measure(word[a:b])
        while piece_cells + cells > width and a > piece_start:
            cut, cut_cells = last_soft if last_soft[0] > piece_start else (a, piece_cells)
            end, end_cells = cut, cut_cells
            while end > piece_start and word[end - 1] == " ":  # spaces at a cut hang
                end -= 1
                end_cells -= 1
            pieces.append((offset + piece_start, offset + end, end_cells))
            piece_start, piece_cells = cut, piece_cells - cut_cells
            last_soft = (0, 0)
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
    """The words of one paragraph with their char and cell offsets as if the paragraph
    were one line: what wrapping at any width needs. A "word" here is the stretch between
    two line-break opportunities: usually the text between spaces, but a word may end
    inside a space-separated one (after a hyphen, after a URL's ``/``) or take in the next
    one (``( word``: no break after an opening bracket).

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
_NARROW_BYTE = _NARROW[0]
_WIDE_OR_ODD = re.compile(b"[^az ]")
_NARROW_CELLS = b"az "
_MAX_BLOCKS = 8
#: Latin, Arabic, punctuation, Arabic presentation forms
_USUAL_BLOCKS = bytes((0x00, 0x06, 0x20, 0xFB, 0xFE))


@cache
def _block_cells(block: int) -> bytes:
    """Per low byte, the code of the character ``block * 256 + low``: its cells and its
    line-break code together (:data:`_TO_CELLS` and :data:`_TO_BREAKS` take them apart),
    so that one pass classifies a paragraph for both."""
    codes = bytearray()
    for low in range(256):
        ch = chr(block << 8 | low)
        cells = 4 if ch == " " else _CELL_INDEX.get(_CHAR_CELLS[ch], 3)
        codes.append(_FIRST_CODE + CODES.index(code_of(ch)) * 5 + cells)
    return bytes(codes)


_CELL_INDEX = {0: 0, 1: 1, 2: 2}
_FIRST_CODE = 0x30
_TO_CELLS = bytes(
    b"zawx "[(byte - _FIRST_CODE) % 5] if _FIRST_CODE <= byte < _FIRST_CODE + 5 * len(CODES)
    else 0
    for byte in range(256)
)
_TO_BREAKS = bytes(
    ord(CODES[(byte - _FIRST_CODE) // 5]) if _FIRST_CODE <= byte < _FIRST_CODE + 5 * len(CODES)
    else 0
    for byte in range(256)
)


@cache
def _select_block(block: int) -> bytes:
    return bytes(0xFF if byte == block else 0 for byte in range(256))


def _cell_codes(text: str) -> bytes | None:
    """One byte per character of ``text``, its cells and line-break code (see
    :func:`_block_cells`); bytes.translate per 256-character block present,
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


def cell_codes(text: str) -> bytes | None:
    """What :func:`word_table` reads first: one byte per character of ``text``, its cells
    and line-break code, or None where it measures another way. A newline has a code of
    its own, so the codes of a paragraph are their slice of the codes of many paragraphs
    joined by newlines (one pass for all of them)."""
    if _ZWJ in text or _VS16 in text:
        return None
    return _cell_codes(text)


def narrow_cells(known_codes: bytes) -> bytes | None:
    """The cells of each character from its :func:`cell_codes`: ``a`` one cell, ``z`` none,
    a space as a space; None when some character takes two cells or an odd number (then
    the word table measures). Computed once for many paragraphs joined by newlines, each
    paragraph's cells are their slice."""
    cells = known_codes.translate(_TO_CELLS)
    return None if cells.translate(None, _NARROW_CELLS) else cells  # (faster than a regex)


def break_codes_of(known_codes: bytes) -> str:
    """The line-break codes (:func:`reader.text.breaks.codes.line_break_codes`) of the
    characters whose :func:`cell_codes` are given."""
    return known_codes.translate(_TO_BREAKS).decode("ascii")


def one_line(
    text: str, known_codes: bytes | None, width: int, cells: bytes | None = None
) -> LineSpan | None:
    """The only line of ``text`` when all of it fits in ``width`` cells (no break is
    needed, whatever the rules allow: what :func:`wrap` gives then), else None; also None
    when ``known_codes`` (``cell_codes(text)``) is None or shows a wide character.
    ``cells``: ``narrow_cells(known_codes)`` when the caller has them (not None)."""
    if cells is None:
        if known_codes is None:
            return None
        cells = narrow_cells(known_codes)
        if cells is None:
            return None
    size = len(text)
    end = size if not size or text[-1] != " " else len(text.rstrip(" "))
    if end > 4 * width:  # surely too long (a shortcut only: None means "wrap it")
        return None
    start = 0 if not end or text[0] != " " else size - len(text.lstrip(" "))
    if start >= end:
        return (0, 0, 0)
    count = end - start - cells.count(_NARROW, start, end)
    return (start, end, count) if count <= width else None


def wrap_asking_at_breaks(
    text: str,
    width: int,
    known_codes: bytes | None = None,
    cells: bytes | None = None,
    breaks: str | None = None,
) -> list[LineSpan]:
    """:func:`wrap`, wrapping at spaces and asking UAX #14 only about the breaks it
    chooses next to a word the rules may treat otherwise (a filter wraps each paragraph
    at one width, once).

    Greedy wrapping at spaces gives the rules' line wherever the rules allow its break
    and the word that did not fit has no opportunity inside. Both hold whenever neither
    word beside the break holds a match of the paragraph's suspect codes
    (:data:`reader.text.breaks.words.find_suspect`, a regex scan): then its break stands
    without a question. Otherwise the line ends where the rules say, found by
    walking back from the end of the line over the opportunities of those words alone
    (:func:`_break_by_the_rules`), and the next line starts there: the lines of the rest
    depend only on where it starts. Text with a character of two cells, or a stretch
    wider than the line (cut by other rules), is wrapped with the rules' word table.

    ``cells`` and ``breaks``: ``narrow_cells(known_codes)`` and
    ``break_codes_of(known_codes)``, when the caller has them.
    """
    if cells is None and known_codes is not None:
        cells = narrow_cells(known_codes)
    if cells is not None:
        if breaks is None:
            breaks = line_break_codes(text) if known_codes is None else break_codes_of(
                known_codes)
        lines = _wrap_narrow_text(text, width, cells, breaks)
        if lines is not None:
            return lines
    return wrap_table(word_table(text, known_codes=known_codes), width)


def _break_by_the_rules(
    text: str, start: int, limit: int, space: int, codes: str
) -> tuple[int, int] | None:
    """Where the line from ``start`` ends (its content) and the next one starts, by
    UAX #14, when the break wrapping at spaces chose is in question. ``limit``: the last
    offset the line's content may reach; ``space``: the last space up to it (-1 for none
    after ``start``). The answer is the last opportunity that fits: inside the word after
    those spaces, at them, inside the word before, at the spaces before it, and so on back
    (a refused break moves back to the previous one the rules allow). Only words near a
    match of :data:`~reader.text.breaks.words.find_suspect` in the paragraph's ``codes``
    are analysed; between two others the spaces always hold a break. None when nothing
    after ``start`` fits: the line's first stretch is wider than the line."""
    if space < start:
        word_start = text.rfind(" ", 0, start) + 1  # the word the line starts in
    else:
        word_start = space + 1
        while text[word_start] == " ":
            word_start += 1
    word_end = text.find(" ", word_start)
    if word_end < 0:
        word_end = len(text)
    while True:
        suspect = find_suspect(codes, word_start, word_end) is not None
        if suspect:
            answer = word_breaks(text[word_start:word_end])
            if answer != PLAIN:
                for offset in reversed(answer.inside):  # type: ignore[union-attr]
                    if word_start + offset <= limit:
                        if word_start + offset <= start:
                            return None
                        return word_start + offset, word_start + offset
        if word_start <= start:
            return None
        spaces_start = word_start - 1
        while text[spaces_start - 1] == " ":
            spaces_start -= 1
        before_start = text.rfind(" ", 0, spaces_start) + 1
        if (not suspect and find_suspect(codes, before_start, word_end) is None) or (
            break_between(word_breaks(text[before_start:spaces_start]),
                          word_breaks(text[word_start:word_end]))
        ):
            return spaces_start, word_start
        word_start, word_end = before_start, spaces_start


def wrap_at_spaces(
    text: str, width: int, known_codes: bytes | None = None, cells: bytes | None = None
) -> list[LineSpan]:
    """Greedy wrapping at spaces only, without UAX #14: the reference that measures what
    the rules cost (``benchmarks/cat.py --breaking``). ``cells``:
    ``narrow_cells(known_codes)`` when the caller has them."""
    if cells is None and known_codes is not None:
        cells = narrow_cells(known_codes)
    lines = None if cells is None else _wrap_narrow_text(text, width, cells)
    if lines is None:
        lines = wrap_table(word_table(text, known_codes=known_codes, rules=False), width)
    return lines


def _wrap_narrow_text(
    text: str, width: int, cells: bytes, codes: str | None = None
) -> list[LineSpan] | None:
    """Greedy wrapping at spaces (``wrap_table`` of the words between spaces) for text
    whose every character takes one cell or none (news text, vocalised or not; ``cells``
    from :func:`narrow_cells`), found with ``str.rfind`` a line at a time instead of a
    table of its words; None for a word wider than the line. With ``codes`` (the
    paragraph's line-break codes), UAX #14's lines instead: a break next to a word
    holding a match of :data:`~reader.text.breaks.words.find_suspect` is moved where the
    rules put it (:func:`_break_by_the_rules`), and None is for a stretch the rules would
    cut. Each break costs one search over its two words (a C-level scan of a dozen codes,
    cheaper than keeping track of the matches of the whole paragraph).

    A line from ``start`` may reach the last offset ``q`` with at most ``width`` cells
    before it (then the line ends at the last space up to ``q``). In text with zero-width
    characters, ``q`` is found from a guess at the paragraph's share of them, moved by the
    cells it is off until it holds exactly ``width`` (a few counts a line), then past any
    zero-width characters at ``q`` (a haraka adds no cell)."""
    if b" " not in cells:
        return None
    count = cells.count
    size = len(text)
    end = len(text.rstrip(" "))
    start = len(text) - len(text.lstrip(" "))
    zeros = count(_NARROW, start, end)
    rest = end - start - zeros  # cells from the line's start to the end
    # per cell, how many characters the paragraph has (in 1/1024ths)
    stretch = ((end - start) << 10) // max(rest, 1)
    lines = []
    while rest > width:
        limit = start + width
        if zeros:
            limit = min(start + ((width * stretch) >> 10), end)
            used = limit - start - count(_NARROW, start, limit)  # cells of [start, limit)
            while used != width:  # (the cells of [start, end) are more than width)
                step = width - used
                if step > 0:
                    used += step - count(_NARROW, limit, limit + step)
                else:
                    used += step + count(_NARROW, limit + step, limit)
                limit += step
            while cells[limit] == _NARROW_BYTE:  # (limit < end: the rest is wider)
                limit += 1
        space = text.rfind(" ", start, limit + 1)
        if space < 0:
            if codes is None:
                return None
            found = _break_by_the_rules(text, start, limit, space, codes)
            if found is None:
                return None
            line_end, next_start = found
        else:
            line_end = space  # (the line's spaces hang, and the next line starts after them)
            while text[line_end - 1] == " ":
                line_end -= 1
            next_start = space + 1
            while text[next_start] == " ":
                next_start += 1
            if codes is not None:  # a match in the words on either side: ask the rules
                after_end = text.find(" ", next_start)
                if find_suspect(codes, text.rfind(" ", 0, line_end) + 1,
                                size if after_end < 0 else after_end) is not None:
                    found = _break_by_the_rules(text, start, limit, space, codes)
                    if found is None:
                        return None
                    line_end, next_start = found
        line_cells = line_end - start - (count(_NARROW, start, line_end) if zeros else 0)
        lines.append((start, line_end, line_cells))
        rest -= line_cells + next_start - line_end  # (spaces take one cell each)
        start = next_start
    lines.append((start, end, rest) if start < end else (0, 0, 0))
    return lines


def word_table(
    text: str,
    measure: Callable[[str], int] = text_cells,
    known_codes: bytes | None = None,
    *,
    rules: bool = True,
) -> WordTable:
    """Measure the words of ``text`` once (C-level passes over the whole text).

    ``known_codes``: ``cell_codes(text)`` when the caller has them (default measure).
    ``rules``: False for the words between spaces, without UAX #14's joins and cuts."""
    words = text.split(" ")
    if known_codes is not None and measure is text_cells:
        both: bytes | None = known_codes
    elif measure is text_cells and _ZWJ not in text and _VS16 not in text:
        # text_cells is then a sum over characters; with none of two cells, a word's
        # cells are its characters less the zero-width ones
        both = _cell_codes(text)
    else:
        both = None
    codes = break_codes = None
    if both is not None:
        codes = both.translate(_TO_CELLS)
        break_codes = both.translate(_TO_BREAKS).decode("ascii")
    if codes is not None and _WIDE_OR_ODD.search(codes) is None:
        cells = list(map(len, codes.translate(None, _NARROW).split(b" ")))
    else:
        cells = _word_cells(words, measure)
    lengths = list(map(len, words))
    starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))
    answers = word_answers(text, words, break_codes) if rules else None
    if answers:  # where the words not plain start (their indices move when empty words go)
        answers_at = {starts[k]: answer for k, answer in answers.items()}
    cell_starts = list(accumulate(map(add, cells, repeat(1)), initial=0))
    if 0 in lengths:  # runs of spaces, spaces at either end: keep the words only
        starts = list(compress(starts, lengths))
        cell_starts = list(compress(cell_starts, lengths))
        cells = list(compress(cells, lengths))
        lengths = list(filter(None, lengths))
    else:
        del starts[-1], cell_starts[-1]
    table = WordTable(
        text,
        measure,
        starts,
        list(map(add, starts, lengths)),
        cell_starts,
        list(map(add, cell_starts, cells)),
    )
    if not answers:
        return table
    return _break_units(table, {bisect_left(starts, at): a for at, a in answers_at.items()})

_WATCH_BEFORE = frozenset({"OP", "NS"})


def _break_units(table: WordTable, answers: dict[int, WordBreaks]) -> WordTable:
    """``table`` (space-separated words) turned into the stretches between UAX #14
    opportunities: words cut where a break is allowed inside them, joined to the word
    before where no break is allowed at the spaces between. ``answers``: the words (by
    index) that are not plain; only they and their neighbours are touched."""
    text, measure = table.text, table.measure
    starts, ends = table.starts, table.ends
    cell_starts, cell_ends = table.cell_starts, table.cell_ends
    count = len(starts)

    # Whether the spaces before word k hold a break: break_between(answer before, answer),
    # spelled out for a plain neighbour, the common case (a lone "،" or ")" after a word):
    # after a plain word, a break unless the answer's head may not start a line;
    # before one, a break unless its tail is an opening bracket. A word the search left
    # out holds a break at its end only as ``QU SP* x OP`` or ``(CL|CP) SP* x NS`` (see
    # :data:`reader.text.breaks.words._SUSPICIOUS`): only then are its classes read.
    joins = set()  # words that stay on the line of the word before them
    get = answers.get
    for k, answer in answers.items():
        if k:
            found = get(k - 1)
            if found is not None:
                if not break_between(found, answer):
                    joins.add(k)
            elif answer.head in _WATCH_BEFORE:
                if not break_between(edges(text[starts[k - 1] : ends[k - 1]]), answer):
                    joins.add(k)
            elif answer.head in NEVER_FIRST:
                joins.add(k)
        if k + 1 < count and k + 1 not in answers and answer.tail == "OP":
            joins.add(k + 1)  # (a word with an answer decides its own spaces, above)
    cut_words = [k for k, answer in answers.items() if answer.inside]
    if not cut_words:  # only joins: keep the first word of each group, with the last one's end
        firsts = [True] * count
        lasts = [True] * count
        for k in joins:
            firsts[k] = lasts[k - 1] = False
        return WordTable(text, measure, list(compress(starts, firsts)),
                         list(compress(ends, lasts)), list(compress(cell_starts, firsts)),
                         list(compress(cell_ends, lasts)))
    for k in sorted(joins.union(cut_words), reverse=True):
        found = answers.get(k)
        if found is not None and found.inside:  # cut the word (its end may be joined on)
            a, b = starts[k], ends[k]
            cuts = [a + offset for offset in found.inside]
            piece_starts = [a, *cuts]
            piece_ends = [*cuts, b]
            cells = [measure(text[x:y]) for x, y in zip(piece_starts[:-1], cuts, strict=True)]
            piece_cell_starts = list(accumulate(cells, initial=cell_starts[k]))
            starts[k:k + 1] = piece_starts
            ends[k:k + 1] = piece_ends
            cell_ends[k:k + 1] = [*piece_cell_starts[1:], cell_ends[k]]
            cell_starts[k:k + 1] = piece_cell_starts
        if k in joins:  # its first piece goes on the end of the word before
            ends[k - 1], cell_ends[k - 1] = ends[k], cell_ends[k]
            del starts[k], ends[k], cell_starts[k], cell_ends[k]
    return WordTable(text, measure, starts, ends, cell_starts, cell_ends)


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
    if (
        _straddles(table, start)
        or _straddles(table, old_end)
        or joined_at(text, start)
        or joined_at(text, new_end)
    ):  # the edit joins or parts the words around it (UAX #14): measure it all again
        return word_table(text, table.measure)
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


def _straddles(table: WordTable, position: int) -> bool:
    """Whether a word of ``table`` (joined across spaces) runs over ``position``."""
    k = bisect_right(table.starts, position) - 1
    return k >= 0 and table.starts[k] < position < table.ends[k]


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
    """:func:`wrap` one stretch at a time, from the list of opportunities (the plain
    statement of the rules, for the tests)."""
    if width < 2:
        raise ValueError(f"width must be at least 2 cells, not {width}")
    lines: list[LineSpan] = []
    line_start = -1  # content start of the current line, -1 while it is empty
    line_end = 0
    line_cells = 0
    cuts = [0, *paragraph_breaks(text), len(text)]
    for cut, next_cut in pairwise(cuts):
        stretch = text[cut:next_cut]
        a = cut + len(stretch) - len(stretch.lstrip(" "))
        b = cut + len(stretch.rstrip(" "))
        if a >= b:
            continue
        cells = measure(text[a:b])
        if line_start >= 0:
            gap = a - line_end  # the spaces between the last stretch and this one
            if line_cells + gap + cells <= width:
                line_end = b
                line_cells += gap + cells
                continue
            lines.append((line_start, line_end, line_cells))
            line_start = -1
        if cells <= width:
            line_start, line_end, line_cells = a, b, cells
            continue
        pieces = _split_long_word(text[a:b], a, width, measure)
        lines.extend(pieces[:-1])
        line_start, line_end, line_cells = pieces[-1]
    if line_start >= 0:
        lines.append((line_start, line_end, line_cells))
    if not lines:
        lines.append((0, 0, 0))
    return lines
