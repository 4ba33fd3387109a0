"""Many paragraphs to screen text at once, for filters (``rtl-reader cat``).

A filter prints lines and never asks where a character came from, so it needs neither
:class:`~reader.text.layout.Line` objects nor their maps, nor the caches a document keeps
for a second width. What it pays for is the per-paragraph overhead of the general
pipeline: a paragraph of a news text is one or two lines, and each pipeline step costs a
few microseconds of setup whatever the paragraph's length. So the work that does not
depend on the paragraph is done once for a whole chunk of paragraphs, joined by newlines
(nothing joins, resolves or measures across a newline):

- shaping (:mod:`reader.text.shaping`): a newline is no letter, so letters never join
  across it, and no ligature holds one;
- the Bidi_Class codes of the shaped text (presentation forms and lam-alef ligatures have
  the classes of the letters they draw, which :func:`ligatures_keep_bidi_classes` checks).

Then each paragraph of the common kind in Arabic text -- right to left, no bidi controls,
no URL, e-mail address or path to isolate -- gets its levels straight from those codes: all
1 when it has no left-to-right letter and no digit, else from the fast implicit rules
(:func:`reader.text.bidi.fast.resolve_implicit`), which leave only levels 1 and 2. A line
is then its level-1 runs taken from the paragraph's cluster-reversed, mirrored text and
its level-2 runs (Latin words, numbers) from the shaped text as it is, in reverse order:
rules L1-L4 for two levels, with string slices instead of an index per character.

Every other paragraph goes through :class:`~reader.text.layout.Document`. The tests hold
the result equal to the general pipeline's on the corpus and on generated text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate

from reader.text import output
from reader.text.bidi.fast import resolve_implicit
from reader.text.isolates import ltr_spans
from reader.text.layout.codes import classes_and_cell_codes
from reader.text.layout.document import Document
from reader.text.layout.options import LayoutOptions
from reader.text.layout.order.uniform import backward_text
from reader.text.layout.paragraph import (
    _shaper,
    explicit_or_removed,
    ligatures_keep_bidi_classes,
)
from reader.text.sanitize import BIDI_CONTROLS, sanitize
from reader.text.wrap import (
    LineSpan,
    break_codes_of,
    cell_codes,
    narrow_cells,
    one_line,
    wrap_asking_at_breaks,
)

__all__ = ["batch_applies", "screen_lines"]

#: what sends a paragraph to the general pipeline: bidi controls
_CONTROLS = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
_LEVEL_TWO_RUNS = re.compile(b"\x02+")


def batch_applies(options: LayoutOptions) -> bool:
    """Whether :func:`screen_lines` lays paragraphs out itself under ``options`` (else it
    hands every paragraph to the general pipeline): ``app`` mode, shaped, harakat kept."""
    return (
        options.mode == "app"
        and options.shape
        and options.harakat == "keep"
        and ligatures_keep_bidi_classes()
    )


def screen_lines(
    paragraphs: Sequence[str],
    options: LayoutOptions,
    *,
    separated: bool = True,
    sanitized: bool = False,
) -> Iterator[str]:
    """The screen lines of untrusted ``paragraphs`` as ``rtl-reader cat`` prints them in a
    visual mode: each line's text, right-aligned lines padded on the left to the width,
    with one blank line between paragraphs (``separated``) or none. The same lines as
    :meth:`Document.lines` (or :meth:`Document.paragraph_lines` one after the other).
    ``sanitized``: the paragraphs are lines of text :func:`sanitize` gave (no newline in
    them), which it would give back unchanged."""
    texts = (list(paragraphs) if sanitized
             else [sanitize(p).replace("\n", " ") for p in paragraphs])
    general = not batch_applies(options)
    if not general:
        chunk = _Chunk(texts)
    width = options.width
    default_level = 1 if options.direction == "rtl" else 0
    for index, text in enumerate(texts):
        if separated and index:
            yield ""
        lines = None
        if not general:
            lines = _fast_lines(text, chunk, index, width, default_level)
        if lines is None:
            lines = _general_lines(text, options)
        yield from lines


class _Chunk:
    """Paragraphs shaped, classified, measured and cluster-reversed together: for each
    paragraph its slice of each (see the module docstring). ``suspects``: the paragraphs
    that may need the general pipeline for what they hold (bidi controls, explicit
    formatting, BN, separators, an address), found by searching the whole chunk; only
    they are searched one by one."""

    __slots__ = ("backward", "breaks", "cell_codes", "cells", "classes", "shaped", "suspects")

    def __init__(self, texts: list[str]) -> None:
        from reader.text.bidi import classify

        logical = "\n".join(texts)
        joined = _shaper("keep").shape_text(logical)
        both = classes_and_cell_codes(joined) if len(joined) >= _STAND_INS_FROM else None
        if both is None:
            codes, known = classify(joined), cell_codes(joined)
        else:
            codes, known = both
        backward = backward_text(joined, codes)  # newlines (B) end every cluster
        self.shaped = joined.split("\n")
        self.suspects = _suspects(texts, logical, self.shaped, codes)
        self.classes = []
        self.backward = []
        #: per paragraph: its cell codes, its cells when every character of the chunk
        #: takes one cell or none (else each paragraph is measured apart), its line-break
        #: codes (each None when the chunk has characters beyond the BMP)
        self.cell_codes: list[bytes | None] = []
        self.cells: list[bytes | None] = []
        self.breaks: list[str | None] = []
        cells = None if known is None else narrow_cells(known)
        breaks = None if known is None else break_codes_of(known)
        size = len(joined)
        position = 0
        for paragraph in self.shaped:
            end = position + len(paragraph)
            self.classes.append(codes[position:end])
            self.backward.append(backward[size - end : size - position])
            self.cell_codes.append(None if known is None else known[position:end])
            self.cells.append(None if cells is None else cells[position:end])
            self.breaks.append(None if breaks is None else breaks[position:end])
            position = end + 1


#: the chunks long enough for their classes and cell codes by stand-ins (see
#: :mod:`reader.text.layout.codes`): its tables cost more than a short text's block masks
_STAND_INS_FROM = 4096


#: what every address :func:`~reader.text.isolates.ltr_spans` finds holds (its own first
#: test): a paragraph holding none of these holds no address
_ADDRESS_HINTS = ("/", "@", "\\", "www.")
#: the bidi controls whose class codes are letters, not the digits of explicit formatting
#: (LRM is L, RLM R, ALM AL): only these are searched for in the text itself
_MARK_CONTROLS = tuple(sorted(BIDI_CONTROLS - set("\u202a\u202b\u202c\u202d\u202e"
                                                  "\u2066\u2067\u2068\u2069")))
#: class codes that send a paragraph to the general pipeline: explicit formatting (the
#: other bidi controls), BN and segment separators (and paragraph separators other than
#: the chunk's joining newlines)
_GENERAL_CODES = re.compile("[1-9bSB]")


def _suspects(texts: list[str], logical: str, shaped: list[str], codes: str) -> set[int]:
    """The indices of the paragraphs (``texts``, joined by newlines into ``logical``;
    ``shaped`` and their ``codes`` likewise) that hold bidi controls, explicit formatting,
    BN, a separator or possibly an address. Each test is one C-level search over the whole
    chunk (a character search in Arabic text costs about a millisecond a megabyte; a regex
    with a character set, ten), and a hit is mapped to its paragraph by bisection."""
    hits = [
        position for needle in (*_MARK_CONTROLS, *_ADDRESS_HINTS) if needle in logical
        for position in _char_offsets(logical, needle)
    ]
    found: set[int] = set()
    if hits:
        ends = list(accumulate(len(text) + 1 for text in texts))
        found.update(bisect_right(ends, hit) for hit in hits)
    if explicit_or_removed(codes) or "S" in codes or codes.count("B") != len(texts) - 1:
        ends = list(accumulate(len(text) + 1 for text in shaped))
        joints = {end - 1 for end in ends}
        found.update(
            bisect_right(ends, match.start()) for match in _GENERAL_CODES.finditer(codes)
            if match.start() not in joints
        )
    return found


def _char_offsets(text: str, needle: str) -> list[int]:
    """Every offset of ``needle`` in ``text``."""
    hits = []
    position = text.find(needle)
    while position >= 0:
        hits.append(position)
        position = text.find(needle, position + 1)
    return hits


def _general_lines(text: str, options: LayoutOptions) -> list[str]:
    visual = output.reorders(options.mode)
    lines = []
    for line in Document([text], options.direction).paragraph_lines(0, options):
        if not visual:
            lines.append(output.unmarked(line.text))
        elif line.align_right and line.text:
            lines.append(line.padded(options.width))
        else:
            lines.append(line.text)
    return lines


def _fast_lines(
    text: str, chunk: _Chunk, index: int, width: int, default_level: int
) -> list[str] | None:
    """The padded lines of one right-to-left paragraph of the common kind (see the module
    docstring), paragraph ``index`` of ``chunk``, or None for the general pipeline."""
    classes = chunk.classes[index]
    if index in chunk.suspects and (
        _CONTROLS.search(text) is not None
        or explicit_or_removed(classes)
        or "S" in classes
        or "B" in classes
        or ltr_spans(text)  # (an address is an isolate: the general rules)
    ):
        return None
    shaped = chunk.shaped[index]
    left = classes.find("L")  # (the first strong letter, by C-level searches)
    if left < 0:
        rtl = default_level == 1 or "A" in classes or "R" in classes
    else:
        rtl = classes.find("A", 0, left) >= 0 or classes.find("R", 0, left) >= 0
    if not rtl:
        return _left_to_right_lines(shaped, classes, chunk, index, width)
    levels = None  # all 1
    numbers = None  # the Arabic numbers at level 2, when they are all that is
    if "L" in classes or "n" in classes or "R" in classes:  # (C-level searches)
        levels = resolve_implicit(shaped, classes, 1)
    elif "E" in classes:
        numbers = _arabic_numbers(classes)
        if numbers is None:
            levels = resolve_implicit(shaped, classes, 1)
    # (marks opening a paragraph have no base: they keep their order, in its own)
    backward = (backward_text(shaped, classes) if classes.startswith("m")
                else chunk.backward[index])
    spans = _line_spans(shaped, chunk, index, width)
    size = len(shaped)
    if numbers:
        if _cut_inside_a_word(shaped, spans):
            levels = _levels_with_numbers(size, numbers)
        else:  # each line is a slice, as in a paragraph all at level 1
            backward = _numbers_forward(shaped, backward, numbers)
    lines = []
    for a, b, used in spans:
        line: str | None
        if a == b:
            line = ""
        elif levels is None or levels.count(1, a, b) == b - a:
            if a and classes[a] == "m":  # (see _rtl_run, inlined: most lines are this)
                return None
            line = backward[size - b : size - a]
        else:
            line = _two_level_line(shaped, classes, backward, levels, a, b)
            if line is None:
                return None
        lines.append(" " * (width - used) + line if used < width and line else line)
    return lines


#: a number in Arabic text at level 2 (see :func:`_arabic_numbers`): digits with their
#: marks, joined by single common separators (opening with a literal, which the regex
#: engine searches for at C speed: ``(?:Em*)+`` tried every position, 2.4 times slower)
_ARABIC_NUMBER = re.compile("E[Em]*(?:cE[Em]*)*")


def _arabic_numbers(classes: str) -> list[tuple[int, int]] | None:
    """The stretches at level 2 of a right-to-left paragraph whose only classes beyond AL,
    neutrals and marks are European digits after its first Arabic letter (most numbers in
    Arabic text), found without the rules' passes (W1-I2): each such digit is an Arabic
    number (W2, as no L or R comes between), so only a common separator between two of
    them joins them (W4; W1 gave a mark after a digit the digit's class), and every
    neutral, bracket or not, sits between right-to-left classes (N0-N2): level 2 for the
    numbers, 1 for the rest. None when a digit comes before the first Arabic letter (a
    European number there: other rules). The caller has checked there is no L, R, AN,
    explicit formatting, BN or separator."""
    first_digit = classes.find("E")
    if classes.find("A", 0, first_digit) < 0:
        return None
    return [number.span() for number in _ARABIC_NUMBER.finditer(classes, first_digit)]


def _levels_with_numbers(size: int, numbers: list[tuple[int, int]]) -> bytes:
    """The levels of a paragraph of ``size`` characters whose ``numbers`` (from
    :func:`_arabic_numbers`) are at level 2 and the rest at level 1."""
    levels = bytearray(b"\x01") * size
    for start, end in numbers:
        levels[start:end] = b"\x02" * (end - start)
    return bytes(levels)


def _cut_inside_a_word(shaped: str, spans: list[LineSpan]) -> bool:
    """Whether a line of ``spans`` starts or ends elsewhere than at a space (a word wider
    than the line, cut): only then may a line end inside a number."""
    size = len(shaped)
    return any((a and shaped[a - 1] != " ") or (b < size and shaped[b] != " ")
               for a, b, _used in spans)


def _numbers_forward(shaped: str, backward: str, numbers: list[tuple[int, int]]) -> str:
    """The paragraph's cluster-reversed, mirrored text (``backward``) with each of its
    Arabic ``numbers`` read forward again: the visual order of the whole paragraph as one
    line (rules L2-L4 for levels 1 and 2), of which each line that neither starts nor ends
    inside a number is a slice (a number is one stretch of the line wherever it sits, and
    never holds a bracket to mirror: digits, their marks and common separators)."""
    size = len(shaped)
    pieces = []  # from the visual end (the paragraph's start) backwards
    done = 0  # the paragraph up to here is placed
    for start, end in numbers:
        pieces.append(backward[size - start : size - done])
        pieces.append(shaped[start:end])
        done = end
    pieces.append(backward[: size - done])
    pieces.reverse()
    return "".join(pieces)


def _line_spans(shaped: str, chunk: _Chunk, index: int, width: int) -> list[LineSpan]:
    """Where the lines of paragraph ``index`` of ``chunk`` (``shaped``) start and end at
    ``width``, with the cells and line-break codes the chunk worked out for it: one line
    when it fits, else wrapped at spaces with UAX #14 asked about the chosen breaks."""
    known_codes = chunk.cell_codes[index]
    cells = chunk.cells[index]
    only = one_line(shaped, known_codes, width, cells)
    if only is not None:
        return [only]
    return wrap_asking_at_breaks(shaped, width, known_codes, cells, chunk.breaks[index])

def _left_to_right_lines(
    shaped: str, classes: str, chunk: _Chunk, index: int, width: int
) -> list[str] | None:
    """The lines of a left-to-right paragraph (``shaped``, paragraph ``index`` of
    ``chunk``; none of the kinds the general pipeline takes): its levels 0, 1 and 2 from
    the fast implicit rules; on each line, level-0 runs as they are and each stretch of
    levels 1 and 2 laid out as in a right-to-left paragraph (rules L1-L4). Unpadded, as
    the general pipeline leaves a line that is not right-aligned."""
    levels = None  # all 0: no right-to-left letter, no Arabic number
    if "R" in classes or "A" in classes or "n" in classes:  # (C-level searches)
        levels = resolve_implicit(shaped, classes, 0)
        if levels.count(0) == len(levels):
            levels = None
    backward = ""
    if levels is not None:
        backward = (backward_text(shaped, classes) if classes.startswith("m")
                    else chunk.backward[index])
    spans = _line_spans(shaped, chunk, index, width)
    lines = []
    for a, b, _used in spans:
        if levels is None or a == b or levels.count(0, a, b) == b - a:
            lines.append(shaped[a:b])
            continue
        line = _mixed_line(shaped, classes, backward, levels, a, b)
        if line is None:
            return None
        lines.append(line)
    return lines


_RIGHT_TO_LEFT_RUNS = re.compile(b"[\x01\x02]+")


def _mixed_line(
    shaped: str, classes: str, backward: str, levels: bytes, a: int, b: int
) -> str | None:
    """Rules L1-L4 for content ``[a, b)`` of a left-to-right paragraph whose levels are
    0, 1 and 2: level-0 runs in logical order, each stretch of levels 1 and 2 reversed
    as a whole (see :func:`_right_to_left_stretch`). None when a run boundary falls
    inside a cluster."""
    line_levels = levels[a:b]
    # L1: whitespace at the end of the line takes the paragraph's level
    if classes[b - 1] == "W":
        trailing = b - a - len(classes[a:b].rstrip("W"))
        line_levels = line_levels[: b - a - trailing] + b"\x00" * trailing
    if line_levels.count(0) + line_levels.count(1) + line_levels.count(2) != b - a:
        return None
    pieces = []
    position = a
    for run in _RIGHT_TO_LEFT_RUNS.finditer(line_levels):
        start, end = a + run.start(), a + run.end()
        if position < start:
            if position > a and classes[position] == "m":  # its base is in the run before
                return None
            pieces.append(shaped[position:start])
        piece = _right_to_left_stretch(
            shaped, classes, backward, line_levels[run.start():run.end()], start, end)
        if piece is None:
            return None
        pieces.append(piece)
        position = end
    if position < b:
        if position > a and classes[position] == "m":
            return None
        pieces.append(shaped[position:b])
    return "".join(pieces)


def _two_level_line(
    shaped: str, classes: str, backward: str, levels: bytes, a: int, b: int
) -> str | None:
    """Rules L1-L4 for content ``[a, b)`` of a right-to-left paragraph whose levels are 1
    and 2: runs in reverse order, a level-1 run cluster-reversed and mirrored, a level-2
    run as it is. None when a run boundary falls inside a cluster (the general rules
    decide those)."""
    line_levels = levels[a:b]
    # L1: whitespace at the end of the line takes the paragraph's level
    if classes[b - 1] == "W":
        trailing = b - a - len(classes[a:b].rstrip("W"))
        line_levels = line_levels[: b - a - trailing] + b"\x01" * trailing
    if line_levels.count(1) + line_levels.count(2) != b - a:
        return None
    return _right_to_left_stretch(shaped, classes, backward, line_levels, a, b)


def _right_to_left_stretch(
    shaped: str, classes: str, backward: str, line_levels: bytes, a: int, b: int
) -> str | None:
    """Content ``[a, b)`` whose levels (``line_levels``, after rule L1) are 1 and 2, in
    visual order: its runs in reverse order, a level-1 run cluster-reversed and
    mirrored, a level-2 run as it is. None when a run boundary falls inside a cluster."""
    first, last = line_levels.find(2), line_levels.rfind(2) + 1
    if line_levels.count(2, first, last) == last - first:  # one run (a number, a word)
        start, end = a + first, a + last
        after = _rtl_run(shaped, classes, backward, end, b) if end < b else ""
        before = _rtl_run(shaped, classes, backward, a, start) if a < start else ""
        if after is None or before is None or classes[start] == "m":
            return None
        return after + shaped[start:end] + before
    pieces = []
    position = b  # walking from the line's end: its visual start
    for run in reversed(list(_LEVEL_TWO_RUNS.finditer(line_levels))):
        start, end = a + run.start(), a + run.end()
        if end < position:
            piece = _rtl_run(shaped, classes, backward, end, position)
            if piece is None:
                return None
            pieces.append(piece)
        if classes[start] == "m":  # a mark whose base is at level 1
            return None
        pieces.append(shaped[start:end])
        position = start
    if a < position:
        piece = _rtl_run(shaped, classes, backward, a, position)
        if piece is None:
            return None
        pieces.append(piece)
    return "".join(pieces)


def _rtl_run(shaped: str, classes: str, backward: str, start: int, end: int) -> str | None:
    """Shaped ``[start, end)`` at level 1, visually: its slice of the paragraph's
    cluster-reversed, mirrored text (None if it does not start on a cluster; it ends on
    one: at a space, a run of the other level or where a long word was cut)."""
    if start and classes[start] == "m":
        return None
    size = len(shaped)
    return backward[size - end : size - start]
