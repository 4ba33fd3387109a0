"""One paragraph laid out again after an edit, redoing only what the edit can change.

An editor lays out the paragraph being typed in at every keystroke, and people
paste paragraphs of thousands of characters: a full layout of those costs a
typist's noticeable delay. What an edit of the text can change, and what is
redone here (the result is the same as a full layout: the tests compare them on
arbitrary edits):

- sanitizing and shaping are local (shaping never joins across a space): only
  the words the edit touches are shaped again; the shaped text, its maps and
  its word measures before and after them are spliced from the previous
  layout's (moved by the edit's deltas);
- the bidi levels can change beyond the edit (a strong letter typed changes how
  neutrals after it resolve; a bracket typed pairs with another one): without
  explicit formatting and brackets around the edit, the rules look no further
  than the nearest strong letters, so only the levels between the strong
  letters on either side of the edit are resolved again; otherwise the whole
  paragraph is. Every line kept from the previous layout is checked against
  the new levels;
- greedy wrapping decides a line from the word it starts with and the words it
  looks at, so the lines before the edited word keep their breaks, except the
  line just before it (the edited word may now fit there): wrapping restarts
  there and stops as soon as a line starts at a word where a line started
  before the edit; the lines after that are the previous ones, moved;
- lines are built again only where wrapping or levels changed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.text.direction import base_level, is_rtl_direction
from reader.text.layout import LayoutOptions, Line
from reader.text.layout.lines import make_line, paragraph_spans
from reader.text.layout.paragraph import (
    EXPLICIT_OR_REMOVED,
    PreparedParagraph,
    prepare_paragraph,
    shape_paragraph,
)
from reader.text.sanitize import sanitize
from reader.text.shaping import ShapedText
from reader.text.wrap import LineSpan, WordTable, splice_word_table, wrap_steps

if TYPE_CHECKING:
    from reader.text.bidi import BidiParagraph

__all__ = ["ParagraphLayout", "lay_out_paragraph", "relayout_paragraph"]


class ParagraphLayout:
    """One paragraph's lines for one set of options, each built when first asked for.

    An editor draws a few lines of a long paragraph: the line breaks and each line's
    logical range are known at once, a line's text and maps only when :meth:`line`
    asks (or when a previous layout had built it and the edit left it as it was).
    :attr:`lines` equal ``Document([text], options.direction).paragraph_lines(0,
    options)`` (with ``index`` as their paragraph number).
    """

    __slots__ = ("_lines", "_prepared", "_spans", "_starts", "base", "built", "index",
                 "options", "reused", "text")

    def __init__(self, text: str, options: LayoutOptions, index: int, base: int,
                 prepared: PreparedParagraph, spans: list[LineSpan],
                 lines: list[Line | None] | None = None, reused: int = 0) -> None:
        self.text = text
        self.options = options
        self.index = index
        self.base = base
        self._prepared = prepared
        self._spans = spans
        source = prepared.shaped.source
        self._starts = [0, *map(source.__getitem__, [a for a, _, _ in spans[1:]])]
        self._lines: list[Line | None] = lines if lines is not None else [None] * len(spans)
        #: lines built by this layout, and lines taken from the previous one (what an
        #: edit cost, for measuring)
        self.built = 0
        self.reused = reused

    def __len__(self) -> int:
        return len(self._spans)

    @property
    def rtl(self) -> bool:
        """The paragraph's direction (that of every line)."""
        return self.base == 1

    def bounds(self, number: int) -> tuple[int, int]:
        """The logical range ``[start, end)`` line ``number`` owns (without building it)."""
        starts = self._starts
        end = starts[number + 1] if number + 1 < len(starts) else len(self.text)
        return starts[number], end

    def line(self, number: int) -> Line:
        """Line ``number``, built on first use."""
        line = self._lines[number]
        if line is None:
            start, end = self.bounds(number)
            line = self._lines[number] = make_line(
                self._prepared, self.options, self.index, self.rtl, self._spans[number],
                start, end, on_its_own=True,
            )
            self.built += 1
        return line

    @property
    def lines(self) -> list[Line]:
        """Every line (all built)."""
        return [self.line(number) for number in range(len(self._spans))]


def lay_out_paragraph(text: str, options: LayoutOptions, index: int = 0) -> ParagraphLayout:
    """Lay out one untrusted paragraph (its newlines become spaces) from scratch."""
    text = _clean(text)
    base = _base(text, options)
    prepared = prepare_paragraph(text, shape_paragraph(text, options), options, base)
    return ParagraphLayout(text, options, index, base, prepared,
                           paragraph_spans(prepared, options.width))


def relayout_paragraph(previous: ParagraphLayout, text: str) -> ParagraphLayout:
    """The layout of ``text`` (the previous layout's text after any edit), reusing the
    previous layout where the edit cannot have changed it (see the module docstring)."""
    text = _clean(text)
    old = previous.text
    if text == old:
        return previous
    options = previous.options
    base = _base(text, options)
    old_prepared = previous._prepared
    if base != previous.base or old_prepared.words is None:
        return lay_out_paragraph(text, options, previous.index)
    # The edit replaced old[prefix:len(old) - suffix]; widened to whole words.
    prefix, suffix = _common_affixes(old, text)
    start = old.rfind(" ", 0, prefix) + 1
    old_end = old.find(" ", len(old) - suffix)
    if old_end < 0:
        old_end = len(old)
    start, old_end = _widened_to_break_units(old, text, start, old_end)
    new_end = old_end + len(text) - len(old)
    old_shaped = old_prepared.shaped
    shaped_start = _shaped_index(old_shaped, old, start)
    shaped_end = _shaped_index(old_shaped, old, old_end)
    middle = shape_paragraph(text[start:new_end], options)
    shaped = _splice_shaped(old_shaped, len(old), start, old_end, shaped_start, shaped_end,
                            middle, len(text))
    levels = None
    if old_prepared.levels is not None:
        levels = _edited_levels(old_prepared.levels, text, prefix, len(old) - suffix,
                                len(text) - suffix)
    prepared = prepare_paragraph(
        text, shaped, options, base,
        _spliced_classes(old_prepared.shaped_classes, shaped_start, shaped_end, middle.text),
        levels,
    )
    if prepared.has_controls != old_prepared.has_controls or (
        (prepared.shaped_classes is None) != (old_prepared.shaped_classes is None)
    ):  # the paragraph changed path (bidi controls, explicit formatting): all lines change
        return lay_out_paragraph(text, options, previous.index)
    prepared.words = splice_word_table(old_prepared.words, shaped.text, shaped_start, shaped_end)
    spans, kept_before, resumed, tail = _rewrap(previous, prepared.words, shaped_start,
                                                shaped_end)
    return _lines(previous, text, base, prepared, spans, kept_before, resumed, tail)


def _widened_to_break_units(old: str, text: str, start: int, old_end: int) -> tuple[int, int]:
    """``[start, old_end)`` of ``old`` (whole words) widened by whole words while the words
    at either edge stay on one line with their neighbour (UAX #14: ``( word``, a word
    opening with ``،``) before or after the edit, so that the stretches wrapping measures
    outside the range are the same in both texts."""
    from reader.text.breaks.words import joined_at

    delta = len(text) - len(old)
    while start > 0 and (joined_at(old, start) or joined_at(text, start)):
        start = old.rfind(" ", 0, len(old[:start].rstrip(" "))) + 1
    while old_end < len(old) and (
        joined_at(old, old_end) or joined_at(text, old_end + delta)
    ):
        following = len(old) - len(old[old_end:].lstrip(" "))
        end = old.find(" ", following)
        old_end = len(old) if end < 0 else end
    return start, old_end


def _clean(text: str) -> str:
    """What :class:`reader.text.layout.Document` does to each paragraph it is given."""
    return sanitize(text).replace("\n", " ")


def _base(text: str, options: LayoutOptions) -> int:
    return base_level(text, 1 if is_rtl_direction(options.direction) else 0)


def _common_affixes(old: str, new: str) -> tuple[int, int]:
    """Lengths of the longest common prefix and suffix of two different strings, not
    overlapping in either (found by halving, each probe one C-level comparison)."""
    limit = min(len(old), len(new))
    low, high = 0, limit
    while low < high:
        probe = (low + high + 1) // 2
        if old[:probe] == new[:probe]:
            low = probe
        else:
            high = probe - 1
    prefix = low
    low, high = 0, limit - prefix
    while low < high:
        probe = (low + high + 1) // 2
        if old[len(old) - probe:] == new[len(new) - probe:]:
            low = probe
        else:
            high = probe - 1
    return prefix, low


def _shaped_index(shaped: ShapedText, text: str, index: int) -> int:
    """The shaped index where logical ``index`` (at a text end or next to a space) falls.
    Spaces are never dropped or joined by shaping: they map one to one."""
    inverse = shaped.inverse
    if inverse is None:
        return index
    if index == len(text):
        return len(shaped.text)
    if text[index] == " ":
        return inverse[index]
    return 0 if index == 0 else inverse[index - 1] + 1  # a word starts after a space


def _splice_shaped(
    old: ShapedText, old_length: int, start: int, old_end: int, shaped_start: int,
    shaped_end: int, middle: ShapedText, new_length: int,
) -> ShapedText:
    """The previous shaping with logical ``[start, old_end)`` (shaped ``[shaped_start,
    shaped_end)``) replaced by ``middle``, the shaping of the new words there."""
    text = old.text[:shaped_start] + middle.text + old.text[shaped_end:]
    if old.inverse is None and middle.inverse is None:
        return ShapedText(text, range(len(text)))
    moved = new_length - old_length
    shift = len(text) - len(old.text)
    old_inverse: Sequence[int] = old.inverse if old.inverse is not None else range(old_length)
    middle_inverse: Sequence[int] = (
        middle.inverse if middle.inverse is not None else range(len(middle.source))
    )
    source = [*old.source[:shaped_start], *map(start.__add__, middle.source),
              *map(moved.__add__, old.source[shaped_end:])]
    inverse = [*old_inverse[:start], *_moved_indices(middle_inverse, shaped_start),
               *_moved_indices(old_inverse[old_end:], shift)]
    return ShapedText(text, source, inverse)


def _moved_indices(indices: Sequence[int], delta: int) -> Sequence[int] | list[int]:
    """``indices`` moved by ``delta``, keeping -1 (no glyph) as it is."""
    if not delta:
        return indices
    if -1 not in indices:
        return list(map(delta.__add__, indices))
    return [i + delta if i >= 0 else -1 for i in indices]


def _spliced_classes(
    old: str | None, shaped_start: int, shaped_end: int, middle: str
) -> Callable[[], str] | None:
    """The Bidi_Class codes of the new shaped text from the previous ones (per char)."""
    if old is None:
        return None

    def splice() -> str:
        from reader.text.bidi import classify

        return old[:shaped_start] + classify(middle) + old[shaped_end:]

    return splice


def _edited_levels(
    old: BidiParagraph, text: str, start: int, old_end: int, new_end: int
) -> BidiParagraph | None:
    """The levels of ``text``, the old paragraph with ``[start, old_end)`` replaced by
    ``text[start:new_end]``, resolving only a window around the edit; None when the
    whole paragraph must be resolved again.

    Without explicit formatting, BN characters or bracket pairs reaching over the edit,
    a paragraph is one isolating run sequence in which every rule looks no further than
    the nearest strong letter (L, R, AL) on either side: W1 (marks), W2 and W7 (the last
    strong letter before a number), W4-W6 (separators and terminators next to numbers),
    N1-N2 (neutrals between strong types). So the levels from the last strong letter
    before the edit to the first one after it are resolved as a paragraph of their own
    (its ends strong, the paragraph's sos and eos cannot reach in), and the rest keep
    theirs. Brackets (N0) reach further: the window must hold none (before or after the
    edit, so the pairing of the others is unchanged) and no pair may enclose it.
    """
    from reader.text.bidi import BidiParagraph, classify, paragraph_levels
    from reader.text.bidi.fast import _BRACKET_RE, _bracket_pairs
    from reader.text.isolates import ltr_spans

    if ltr_spans(text) or ltr_spans(old.text):  # addresses are isolated: all again
        return None
    classes = old.classes[:start] + classify(text[start:new_end]) + old.classes[old_end:]
    if EXPLICIT_OR_REMOVED.search(classes) or EXPLICIT_OR_REMOVED.search(old.classes):
        return None
    first = max(classes.rfind("L", 0, start), classes.rfind("R", 0, start),
                classes.rfind("A", 0, start), 0)
    after = _STRONG.search(classes, new_end)
    last = after.start() + 1 if after is not None else len(text)  # window [first, last)
    old_last = last - new_end + old_end
    if _BRACKET_RE.search(text, first, last) or _BRACKET_RE.search(old.text, first, old_last):
        return None
    if any(o < first and c >= last for o, c in _bracket_pairs(text)):
        return None
    window = paragraph_levels(text[first:last], base_level=old.base_level).levels
    levels = old.levels[:first] + window + old.levels[old_last:]
    return BidiParagraph(text, old.base_level, levels, classes)


_STRONG = re.compile("[LRA]")


def _rewrap(
    previous: ParagraphLayout, new_words: WordTable, shaped_start: int, shaped_end: int
) -> tuple[list[LineSpan], int, int, int]:
    """The line breaks after an edit of shaped ``[shaped_start, shaped_end)`` (whole words).

    Returns the spans, how many leading lines were kept, the index of the first span
    taken from the previous layout after the edit, and that span's index there.
    """
    old_words = previous._prepared.words
    assert old_words is not None  # relayout_paragraph lays out from scratch otherwise
    old_spans = previous._spans
    width = previous.options.width
    span_starts = [a for a, _, _ in old_spans]
    first_touched = bisect_left(old_words.ends, shaped_start)
    if first_touched < len(old_words.starts):
        touched_line = bisect_right(span_starts, old_words.starts[first_touched]) - 1
    else:
        touched_line = len(old_spans) - 1
    restart = max(touched_line - 1, 0)
    word_starts = old_words.starts
    while restart > 0 and not _starts_word(word_starts, span_starts[restart]):
        restart -= 1  # a piece of a long word: go back to its first piece
    first_word = bisect_left(word_starts, span_starts[restart]) if restart else 0
    word_delta = len(new_words.starts) - len(word_starts)
    shift = len(new_words.text) - len(old_words.text)
    first_after = bisect_right(word_starts, shaped_end) + word_delta  # words moved, not edited
    spans = old_spans[:restart]
    tail = len(old_spans)
    for step, next_word in wrap_steps(new_words, width, first_word):
        spans.extend(step)
        if next_word < first_after:
            continue
        old_word = next_word - word_delta
        if old_word >= len(word_starts):
            break
        line = bisect_left(span_starts, word_starts[old_word])
        if line < len(old_spans) and span_starts[line] == word_starts[old_word]:
            tail = line  # a line starts here as before: the rest is as before
            break
    if not spans:
        spans.append((0, 0, 0))
    resumed = len(spans)
    spans.extend((a + shift, b + shift, cells) for a, b, cells in old_spans[tail:])
    return spans, restart, resumed, tail


def _starts_word(word_starts: list[int], position: int) -> bool:
    found = bisect_left(word_starts, position)
    return found < len(word_starts) and word_starts[found] == position


def _lines(
    previous: ParagraphLayout, text: str, base: int, prepared: PreparedParagraph,
    spans: list[LineSpan], kept_before: int, resumed: int, tail: int,
) -> ParagraphLayout:
    """The new layout, with the lines the previous one had built where the spans, the
    logical ranges and the levels are the same (the others are built when asked for)."""
    layout = ParagraphLayout(text, previous.options, previous.index, base, prepared, spans)
    moved = len(text) - len(previous.text)
    old_lines = previous._lines
    new_levels = old_levels = None
    if prepared.levels is not None:
        new_levels = prepared.levels.levels
        old_levels = previous._prepared.levels.levels
    lines = layout._lines
    reused = 0
    # A line kept must own the same characters (the paragraph's first line also owns
    # the spaces it starts with) at the same levels.
    for number in range(kept_before):
        line = old_lines[number]
        if line is not None:
            start, end = layout.bounds(number)
            if (line.start, line.end) == (start, end) and (
                new_levels is None or new_levels[start:end] == old_levels[start:end]  # type: ignore[index]
            ):
                lines[number] = line
                reused += 1
    for number in range(resumed, len(spans)):
        line = old_lines[number - resumed + tail]
        if line is not None:
            start, end = layout.bounds(number)
            if (line.start + moved, line.end + moved) == (start, end) and (
                new_levels is None
                or new_levels[start:end] == old_levels[start - moved:end - moved]  # type: ignore[index]
            ):
                lines[number] = line.moved(moved)
                reused += 1
    layout.reused = reused
    return layout
