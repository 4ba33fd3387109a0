"""Paragraphs to terminal-ready lines, with maps between screen and logical text.

The pipeline, per paragraph (UAX #9 reorders per *line*, with the levels of
the whole paragraph):

1. sanitize; newlines inside a paragraph become spaces;
2. base direction (P2/P3; a paragraph without strong letters takes the
   document's direction) and embedding levels of the whole paragraph
   (``app`` mode only);
3. shape in logical order (:mod:`reader.text.shaping`), keeping a map from
   each shaped char to its logical index; unshaped text loses its ZWJ, which
   rich.cells would miscount (:mod:`reader.text.wrap`);
4. -- the steps above do not depend on the width and are cached --
5. wrap the shaped text at spaces by cell width (its words are measured once,
   with the other width-independent work);
6. ``app`` mode: reorder each line (L1-L3, marks after their base), mirror
   characters at odd levels (L4); ``terminal`` mode: keep logical order for a
   terminal that does bidi and shaping itself;
7. drop bidi controls (terminals draw them as boxes or as nothing).

``Line.visual_to_logical`` maps every char of ``Line.text`` to the index in the
paragraph's sanitized text (:attr:`Document.paragraphs`) of the char it draws
(a lam-alef ligature maps to its lam).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import chain, compress, count, repeat
from operator import itemgetter, ne
from typing import Any
from unicodedata import combining

from reader.text import output
from reader.text.direction import base_level, is_rtl_direction
from reader.text.sanitize import BIDI_CONTROLS, sanitize
from reader.text.shaping import HARAKAT, ZWJ, ShapedText, Shaper, strip_chars
from reader.text.wrap import LineSpan, WordTable, text_cells, word_table, wrap_table

__all__ = ["Document", "LayoutOptions", "Line", "layout_text", "split_paragraphs"]

MODES = output.MODES
_BIDI_CONTROL = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
_DROP_UNSHAPED = frozenset({ZWJ})
_DROP_UNSHAPED_NO_HARAKAT = frozenset({ZWJ, *HARAKAT})


@dataclass(frozen=True, slots=True)
class LayoutOptions:
    """How to lay out text.

    ``mode``: an output strategy of :mod:`reader.text.output`: ``"app"`` (the
    reader shapes and reorders: visual order), ``"terminal"`` (logical, unshaped
    text for terminals that do both), or a form for a terminal with bidi of its own.
    ``harakat``: ``"keep"`` or ``"strip"``. ``shape``: join Arabic letters
    (``app`` mode; off for terminals or fonts that shape by themselves).
    ``direction``: the document's direction, given to paragraphs with no
    strong letter (``"rtl"`` for Arabic articles).
    ``marks``: put the strategy's bidi marks around each line (see
    :mod:`reader.text.output`).
    """

    width: int
    mode: str = "app"
    harakat: str = "keep"
    shape: bool = True
    direction: str = "rtl"
    #: the strategy's bidi marks (off for editors whose caret model counts characters)
    marks: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.width, int) or self.width < 2:
            raise ValueError(f"width must be an integer of at least 2 cells, not {self.width!r}")
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {self.mode!r}")
        if self.harakat not in ("keep", "strip"):
            raise ValueError(f"harakat must be 'keep' or 'strip', not {self.harakat!r}")
        is_rtl_direction(self.direction)


class Line:
    """One screen line. ``text`` is display-ready; see the module docstring for the maps.

    Immutable, compared and hashed by value like a frozen dataclass. ``visual_to_logical``
    may be given as a tuple or as a function returning the map: most lines are only
    drawn, so the layout computes their maps when first asked.
    """

    __slots__ = ("_map", "align_right", "cells", "end", "paragraph", "rtl", "start", "text")

    text: str
    cells: int
    rtl: bool
    paragraph: int
    start: int
    end: int
    #: right-align when padded (right-to-left paragraph laid out in ``app`` mode)
    align_right: bool

    def __init__(
        self,
        text: str,
        cells: int,
        rtl: bool,
        paragraph: int,
        start: int,
        end: int,
        visual_to_logical: tuple[int, ...] | Callable[[], Iterable[int]],
        align_right: bool = False,
    ) -> None:
        setter = object.__setattr__
        setter(self, "text", text)
        setter(self, "cells", cells)
        setter(self, "rtl", rtl)
        setter(self, "paragraph", paragraph)
        setter(self, "start", start)
        setter(self, "end", end)
        setter(self, "_map", visual_to_logical)
        setter(self, "align_right", align_right)

    @property
    def visual_to_logical(self) -> tuple[int, ...]:
        """For each char of ``text``, the index in the paragraph text of the char it draws."""
        computed = self._map
        if not isinstance(computed, tuple):
            computed = tuple(computed())
            object.__setattr__(self, "_map", computed)
        return computed

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Line is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Line is immutable: cannot delete {name!r}")

    def _fields(self) -> tuple[object, ...]:
        return (self.text, self.cells, self.rtl, self.paragraph, self.start, self.end,
                self.visual_to_logical, self.align_right)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Line:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Line(text={self.text!r}, cells={self.cells!r}, rtl={self.rtl!r}, "
            f"paragraph={self.paragraph!r}, start={self.start!r}, end={self.end!r}, "
            f"visual_to_logical={self.visual_to_logical!r}, align_right={self.align_right!r})"
        )

    def logical_to_visual(self, i: int) -> int:
        """Index in ``text`` of the char drawing logical char ``i`` of the paragraph.

        A char with no glyph of its own (the alef of a lam-alef ligature, a
        stripped haraka, a bidi control, a space at the line break) gives the
        char drawing the nearest logical char before it in this line (not
        counting harakat, which sit on a letter), or failing that the nearest
        after it. ``IndexError`` if ``i`` is not in ``[start, end)`` or the
        line draws nothing.
        """
        if not self.start <= i < self.end or not self.visual_to_logical:
            raise IndexError(f"logical index {i} is not on this line [{self.start}, {self.end})")
        best_before = best_after = -1
        before_key = -1
        after_key = self.end
        for j, logical in enumerate(self.visual_to_logical):
            if logical == i and not output.is_mark(self.text[j]):
                return j
            if before_key < logical < i and not combining(self.text[j]):
                before_key, best_before = logical, j
            elif i < logical < after_key:
                after_key, best_after = logical, j
        return best_before if best_before >= 0 else best_after

    def moved(self, delta: int) -> Line:
        """This line for the same characters ``delta`` positions further in the paragraph
        (an edit before it changed the text's length but not this line). The map is
        shifted when first asked for; shifts of shifts refer to the first line, so an
        editor's lines never form chains."""
        if not delta:
            return self
        computed = self._map
        if isinstance(computed, _MovedMap):
            origin, delta = computed.line, computed.delta + delta
        else:
            origin = self
        moved_map: tuple[int, ...] | Callable[[], Iterable[int]]
        moved_map = _MovedMap(origin, delta) if delta else origin._map
        return Line(origin.text, origin.cells, origin.rtl, origin.paragraph, origin.start + delta,
                    origin.end + delta, moved_map, origin.align_right)

    def padded(self, width: int) -> str:
        """``text`` filled with spaces to ``width`` cells, on the left for right-aligned lines."""
        fill = " " * max(0, width - self.cells)
        return fill + self.text if self.align_right else self.text + fill


class _MovedMap:
    """The map of a line, every index shifted by ``delta`` (see :meth:`Line.moved`)."""

    __slots__ = ("delta", "line")

    def __init__(self, line: Line, delta: int) -> None:
        self.line = line
        self.delta = delta

    def __call__(self) -> Iterable[int]:
        return map(self.delta.__add__, self.line.visual_to_logical)


def split_paragraphs(text: str) -> list[str]:
    """Sanitize ``text`` and split it at newlines, dropping blank lines.

    Articles separate paragraphs by blank lines; the layout puts one blank line
    between paragraphs itself.
    """
    return [p for p in sanitize(text).split("\n") if p.strip()]


class _Prepared:
    """The width-independent work for one paragraph and one (mode, shape, harakat).

    A plain class: some attributes are filled in on first use, and a dataclass would
    cost its generated methods at import, before the app's first paint.
    """

    __slots__ = ("backward", "backward_order", "has_controls", "inverse", "levels",
                 "shaped", "shaped_classes", "words")

    def __init__(self, shaped: ShapedText, inverse: list[int] | None, levels: Any,
                 has_controls: bool, shaped_classes: str | None = None) -> None:
        self.shaped = shaped
        #: logical index -> shaped index (-1: no glyph); None: identity
        self.inverse = inverse
        #: reader.text.bidi.BidiParagraph in app mode, else None
        self.levels = levels
        #: bidi controls in the shaped text (to drop when drawing)
        self.has_controls = has_controls
        #: app mode, paragraphs without explicit formatting or X9-removed characters: the
        #: Bidi_Class codes of the shaped text, for reordering uniform lines by clusters
        self.shaped_classes = shaped_classes
        #: right-to-left paragraphs on that path: the shaped text in cluster-reversed
        #: order (mirrored), and that order as shaped indices; each built on first use
        self.backward: str | None = None
        self.backward_order: Sequence[int] | None = None
        #: the shaped text's words measured once, for wrapping at any width
        self.words: WordTable | None = None


_LAM_ALEF_GLYPHS = re.compile("[\ufef5-\ufefc]")
_LAM_ALEF_SET = frozenset(chr(c) for c in range(0xFEF5, 0xFEFD))
_ALEFS = frozenset("\u0622\u0623\u0625\u0627")
_LAM = "\u0644"


def _own_ligature_tails(text: str, shaped: ShapedText, inverse: list[int]) -> list[int]:
    """Give the alef of each lam-alef ligature the ligature's glyph in ``inverse``.

    In visual order the alef comes before its lam (right-to-left), and harakat
    written on the alef follow it: drawing the ligature where the alef is
    keeps those harakat right after the ligature. A ligature glyph that was in
    the text already (not made by shaping a lam and an alef) has no alef to own.
    Returns the indices of the alefs given a glyph (in increasing order).
    """
    owned = []
    for match in _LAM_ALEF_GLYPHS.finditer(shaped.text):
        k = match.start()
        i = shaped.source[k]
        if text[i] != _LAM:
            continue
        i += 1
        while i < len(text) and text[i] not in _ALEFS:
            i += 1
        if i < len(text) and inverse[i] < 0:
            inverse[i] = k
            owned.append(i)
    return owned


_SHAPERS: dict[str, Shaper] = {}


def _shaper(harakat: str) -> Shaper:
    """One shaper per harakat setting for the whole process: its word cache
    serves every document (the next article shares most words)."""
    shaper = _SHAPERS.get(harakat)
    if shaper is None:
        shaper = _SHAPERS[harakat] = Shaper(harakat)
    return shaper


def shape_paragraph(text: str, options: LayoutOptions) -> ShapedText:
    """Step 3 of the pipeline for one sanitized paragraph (or a run of its words:
    shaping never joins across a space, so words shape alike alone or in context)."""
    return _shape_owning_tails(text, options)[0]


def _shape_owning_tails(text: str, options: LayoutOptions) -> tuple[ShapedText, list[int]]:
    """:func:`shape_paragraph`, and the alefs its ligatures took (see _own_ligature_tails)."""
    if options.shape and output.shapes(options.mode):
        shaped = _shaper(options.harakat).shape(text)
    else:
        drop = _DROP_UNSHAPED if options.harakat == "keep" else _DROP_UNSHAPED_NO_HARAKAT
        shaped = strip_chars(text, drop)
    if shaped.inverse is None:
        return shaped, []
    return shaped, _own_ligature_tails(text, shaped, shaped.inverse)


def _classes_without(classes: str, removed: list[int]) -> str:
    """``classes`` without the codes at the (increasing) indices ``removed``."""
    firsts = [0, *[i + 1 for i in removed]]
    return "".join(map(classes.__getitem__, map(slice, firsts, [*removed, len(classes)])))


def prepare_paragraph(
    text: str,
    shaped: ShapedText,
    options: LayoutOptions,
    base: int,
    shaped_classes: Callable[[], str] | None = None,
    levels: Any = None,
) -> _Prepared:
    """The width-independent work for one paragraph, its shaping done (steps 2-4).

    ``shaped_classes``, when given, returns the Bidi_Class codes of ``shaped.text``
    (an editor splices them from the previous text's instead of classifying it all);
    ``levels``, when given, are the paragraph's resolved levels (``app`` mode).
    """
    app = output.needs_levels(options.mode)
    if not app:
        levels = None
    elif levels is None:
        from reader.text import bidi

        levels = bidi.paragraph_levels(text, base_level=base)
    has_controls = _BIDI_CONTROL.search(shaped.text) is not None
    classes = None
    if (app and output.reorders(options.mode) and not has_controls
            and not _explicit_or_removed(levels.classes)):
        from reader.text import bidi

        if shaped.inverse is None and _glyphs_keep_bidi_classes():
            classes = levels.classes  # one glyph per char, of the char's class
        elif shaped_classes is not None:
            classes = shaped_classes()
        else:
            classes = bidi.classify(shaped.text)
    return _Prepared(shaped, shaped.inverse, levels, has_controls, classes)


class Document:
    """Paragraphs laid out on demand, caching what does not depend on the width.

    ``paragraphs`` are untrusted: each is sanitized (its newlines become
    spaces, so paragraph indices stay those of the input). A new width redoes
    only wrapping and reordering.
    """

    #: Reorder lines whose characters all sit at the paragraph's level without the
    #: general rules (same result; the tests compare both on the corpus).
    fast_reorder = True

    def __init__(self, paragraphs: Sequence[str], direction: str = "rtl") -> None:
        is_rtl_direction(direction)
        self.direction = direction
        self.paragraphs: tuple[str, ...] = tuple(
            sanitize(p).replace("\n", " ") for p in paragraphs
        )
        self._base_levels: dict[tuple[int, str], int] = {}
        self._prepared: dict[tuple[int, str, bool, str], _Prepared] = {}
        self._lines: dict[LayoutOptions, list[Line]] = {}
        self._paragraph_lines: dict[LayoutOptions, dict[int, list[Line]]] = {}

    def __len__(self) -> int:
        return len(self.paragraphs)

    # -- width-independent work ------------------------------------------------

    def base_level(self, index: int, direction: str | None = None) -> int:
        """0 or 1: the paragraph's base direction (P2/P3, else the document's)."""
        direction = direction or self.direction
        key = (index, direction)
        level = self._base_levels.get(key)
        if level is None:
            default = 1 if is_rtl_direction(direction) else 0
            level = self._base_levels[key] = base_level(self.paragraphs[index], default)
        return level

    def _prepare(self, index: int, options: LayoutOptions) -> _Prepared:
        key = (index, options.mode, options.shape and output.shapes(options.mode),
               options.harakat)
        prepared = self._prepared.get(key)
        if prepared is None:
            text = self.paragraphs[index]
            base = self.base_level(index, options.direction)
            shaped, owned = _shape_owning_tails(text, options)
            levels = shaped_classes = None
            if (
                output.reorders(options.mode)
                and shaped.inverse is not None
                and len(owned) == len(text) - len(shaped.text)  # only ligature alefs went
                and _ligatures_keep_bidi_classes()
            ):
                # The shaped text is the text without those alefs, each char drawn by a
                # glyph of its class: its classes are the text's without the alefs'.
                from reader.text import bidi

                levels = bidi.paragraph_levels(text, base_level=base)
                shaped_classes = partial(_classes_without, levels.classes, owned)
            prepared = self._prepared[key] = prepare_paragraph(
                text, shaped, options, base, shaped_classes, levels
            )
        return prepared

    # -- lines -------------------------------------------------------------------

    def paragraph_lines(self, index: int, options: LayoutOptions) -> list[Line]:
        """The lines of paragraph ``index`` (at least one), cached per options."""
        per_options = self._paragraph_lines.setdefault(options, {})
        lines = per_options.get(index)
        if lines is None:
            lines = per_options[index] = self._layout_paragraph(index, options)
        return lines

    def lines(self, options: LayoutOptions) -> list[Line]:
        """All lines, with one empty line between paragraphs; cached per options."""
        lines = self._lines.get(options)
        if lines is not None:
            return lines
        lines = []
        for index in range(len(self.paragraphs)):
            if index:
                previous = lines[-1]
                end = len(self.paragraphs[index - 1])
                lines.append(
                    Line("", 0, previous.rtl, index - 1, end, end, (), previous.align_right)
                )
            lines.extend(self.paragraph_lines(index, options))
        if len(self._lines) >= 8:  # a few widths (resizes); older ones go
            self._lines.clear()
            self._paragraph_lines = {options: self._paragraph_lines.get(options, {})}
        self._lines[options] = lines
        return lines

    def _layout_paragraph(self, index: int, options: LayoutOptions) -> list[Line]:
        prepared = self._prepare(index, options)
        text = self.paragraphs[index]
        source = prepared.shaped.source
        spans = paragraph_spans(prepared, options.width)
        starts = [0] + [source[a] for a, _, _ in spans[1:]]
        ends = [*starts[1:], len(text)]
        rtl = self.base_level(index, options.direction) == 1
        return [
            make_line(prepared, options, index, rtl, span, start, end, fast=self.fast_reorder)
            for span, start, end in zip(spans, starts, ends, strict=True)
        ]

    @staticmethod
    def _visual(
        prepared: _Prepared, start: int, end: int, a: int, b: int
    ) -> tuple[list[str], list[int]]:
        """Visual order of the line owning logical [start, end), content shaped [a, b)."""
        from reader.text import bidi

        shaped_text = prepared.shaped.text
        inverse = prepared.inverse
        levels = prepared.levels.levels
        mirror = _mirror
        source = prepared.shaped.source
        drawn: list[str] = []
        logical: list[int] = []
        ligature = -1  # the lam-alef glyph drawn last: its other letter draws nothing
        ligatures_at: list[int] = []
        for i in bidi.reorder_line(prepared.levels, start, end, marks_after_base=True):
            k = i if inverse is None else inverse[i]
            if k < a or k >= b or k == ligature:  # no glyph, a hanging space, drawn already
                continue
            ch = shaped_text[k]
            if ch in BIDI_CONTROLS:
                continue
            if ch in _LAM_ALEF_SET:
                ligature = k
                ligatures_at.append(len(drawn))
            if levels[i] & 1:
                ch = mirror.get(ch, ch)
            drawn.append(ch)
            logical.append(source[k])
        _ligature_marks_in_logical_order(prepared, drawn, logical, ligatures_at)
        return drawn, logical


def paragraph_spans(prepared: _Prepared, width: int) -> list[LineSpan]:
    """Step 5: the line breaks of a prepared paragraph (its words measured once)."""
    if prepared.words is None:
        prepared.words = word_table(prepared.shaped.text)
    return wrap_table(prepared.words, width)


def make_line(
    prepared: _Prepared,
    options: LayoutOptions,
    index: int,
    rtl: bool,
    span: LineSpan,
    start: int,
    end: int,
    *,
    fast: bool = True,
    on_its_own: bool = False,
) -> Line:
    """Steps 6-7 for one line: content ``span`` of the shaped text, owning logical
    ``[start, end)`` of paragraph ``index``.

    ``fast``: reorder lines of one level without the general rules (same result).
    ``on_its_own``: build the line from its own characters only, with its map, never
    from (or into) whole-paragraph caches: what an editor wants for the few lines an
    edit changes (the result is the same).
    """
    a, b, cells = span
    shaped_text = prepared.shaped.text
    source = prepared.shaped.source
    visual_to_logical: tuple[int, ...] | Callable[[], Iterable[int]]
    base = prepared.levels.base_level if prepared.levels is not None else 0
    reorder = output.reorders(options.mode)
    if (
        reorder
        and prepared.shaped_classes is not None
        and fast
        and _uniform(prepared.levels.levels, start, end, base)
    ):
        if on_its_own and base:
            line_text, visual_to_logical = _uniform_line_by_clusters(prepared, a, b)
        else:
            line_text, visual_to_logical = _uniform_line(prepared, a, b, base)
    elif reorder:
        visual = _visual_by_runs if fast and not prepared.has_controls else Document._visual
        drawn, logical = visual(prepared, start, end, a, b)
        line_text = "".join(drawn)
        visual_to_logical = tuple(logical)
        if len(line_text) != b - a:  # chars dropped (controls, BN like U+00AD)
            cells = text_cells(line_text)
    elif prepared.has_controls:
        drawn, logical = _logical(shaped_text, source, a, b)
        line_text = "".join(drawn)
        visual_to_logical = tuple(logical)
    else:
        line_text = shaped_text[a:b]
        visual_to_logical = partial(_slice, source, a, b)
    if options.mode != "app":
        positions = (visual_to_logical if isinstance(visual_to_logical, tuple)
                     else tuple(visual_to_logical()))
        levels = prepared.levels.levels if prepared.levels is not None else None
        line_text, finished = output.finish_line(options.mode, line_text, positions, rtl, levels,
                                                 marks=options.marks)
        visual_to_logical = positions if finished is None else finished
    if on_its_own and not isinstance(visual_to_logical, tuple):
        visual_to_logical = tuple(visual_to_logical())
    return Line(line_text, cells, rtl, index, start, end, visual_to_logical, rtl)


def _visual_by_runs(
    prepared: _Prepared, start: int, end: int, a: int, b: int
) -> tuple[list[str], list[int]]:
    """:meth:`Document._visual` for a paragraph without bidi controls, by C-level maps over
    the whole line and regex searches for the few ligatures and mirrored characters,
    instead of a loop per character (the tests hold both equal)."""
    from reader.text import bidi

    shaped_text = prepared.shaped.text
    inverse = prepared.inverse
    order = bidi.reorder_line(prepared.levels, start, end, marks_after_base=True)
    if len(order) < 2:  # (itemgetter of one index gives the item, not a tuple)
        return Document._visual(prepared, start, end, a, b)
    glyphs = order if inverse is None else list(itemgetter(*order)(inverse))
    # only the glyphs of the line's content (not hanging spaces, not chars without one)
    if min(glyphs) < a or max(glyphs) >= b:
        inside = [a <= k < b for k in glyphs]
        order = list(compress(order, inside))
        glyphs = list(compress(glyphs, inside))
        if len(order) < 2:
            return Document._visual(prepared, start, end, a, b)
    line_text = "".join(itemgetter(*glyphs)(shaped_text))
    ligatures_at: list[int] = []
    if _LAM_ALEF_GLYPHS.search(line_text):
        # A ligature glyph is drawn once: both its letters map to it, and the second one
        # met (the same glyph as the last ligature drawn) draws nothing.
        last = -1
        dropped: list[int] = []
        for match in _LAM_ALEF_GLYPHS.finditer(line_text):
            at = match.start()
            if glyphs[at] == last:
                dropped.append(at)
            else:
                last = glyphs[at]
                ligatures_at.append(at - len(dropped))
        if dropped:
            for at in reversed(dropped):
                del order[at], glyphs[at]
            line_text = "".join([shaped_text[k] for k in glyphs])
    drawn = list(line_text)
    if _MIRRORABLE.search(line_text):
        levels = prepared.levels.levels
        for match in _MIRRORABLE.finditer(line_text):
            at = match.start()
            if levels[order[at]] & 1:
                drawn[at] = _mirror[drawn[at]]
    logical = [*itemgetter(*glyphs)(prepared.shaped.source)] if len(glyphs) > 1 else [
        prepared.shaped.source[k] for k in glyphs]
    _ligature_marks_in_logical_order(prepared, drawn, logical, ligatures_at)
    return drawn, logical


def _ligature_marks_in_logical_order(
    prepared: _Prepared, drawn: list[str], logical: list[int], ligatures_at: list[int]
) -> None:
    """The harakat of both letters follow a ligature; keep them in logical order, as
    shaping wrote them (the order a uniform line gets too)."""
    classes = prepared.levels.classes
    for at in ligatures_at:
        stop = at + 1  # its marks: logically after its lam (not a line's orphan marks)
        while (
            stop < len(logical)
            and classes[logical[stop]] == "m"
            and logical[stop] > logical[at]
        ):
            stop += 1
        if stop - at > 2:
            marks = sorted(zip(logical[at + 1:stop], drawn[at + 1:stop], strict=True))
            logical[at + 1:stop] = [m[0] for m in marks]
            drawn[at + 1:stop] = [m[1] for m in marks]


@lru_cache(maxsize=1)
def _glyphs_keep_bidi_classes() -> bool:
    """Whether every letter's presentation forms have the letter's Bidi_Class (so the
    classes of shaped text without ligatures are those of the logical text)."""
    from reader.text import bidi
    from reader.text.reshaper_tables import letters_arabic

    return all(
        bidi.bidi_class(glyph) == bidi.bidi_class(letter)
        for letter, forms in letters_arabic().items()
        for glyph in forms
        if glyph
    )


def _uniform(levels: bytes, start: int, end: int, base: int) -> bool:
    """Whether every char of the line [start, end) is at the paragraph's level."""
    return levels.count(base, start, end) == end - start


@lru_cache(maxsize=1)
def _ligatures_keep_bidi_classes() -> bool:
    """Whether glyphs keep their letter's Bidi_Class and each lam-alef ligature has the
    class of lam (so shaped text has the classes of the letters it draws)."""
    from reader.text import bidi

    return _glyphs_keep_bidi_classes() and all(
        bidi.bidi_class(glyph) == bidi.bidi_class(_LAM) for glyph in _LAM_ALEF_SET
    )


_EXPLICIT_OR_REMOVED = re.compile("[1-9b]")  # embeddings, overrides, isolates, PDF, BN


def _explicit_or_removed(classes: str) -> bool:
    """Whether ``classes`` has explicit formatting or X9-removed codes (the only ones
    that are digits, and ``b``): searches for one letter and a C-level ``isalpha`` first."""
    if "b" in classes:
        return True
    return not classes.isalpha() and _EXPLICIT_OR_REMOVED.search(classes) is not None


def _uniform_line(
    prepared: _Prepared, a: int, b: int, base: int
) -> tuple[str, tuple[int, ...] | Callable[[], Iterable[int]]]:
    """A line of one level equal to the paragraph's (rules L1-L4 reduce to this).

    Level 0: logical order. Level 1: clusters (a char and its harakat) in reverse
    order, each kept in logical order (L3), mirrored (L4): a slice of the paragraph's
    cluster-reversed text when the line starts on a cluster (it always ends on one: at
    a space or at the paragraph's end, or where a long word was cut between clusters).
    The map is computed when asked for.
    """
    source = prepared.shaped.source
    if not base:
        return prepared.shaped.text[a:b], partial(_slice, source, a, b)
    classes = prepared.shaped_classes
    size = len(classes)  # type: ignore[arg-type]
    if (a == 0 or classes[a] != "m") and size < _CLUSTER_ORDER_LIMIT:  # type: ignore[index]
        if prepared.backward is None:
            prepared.backward = _backward_text(prepared.shaped.text, classes)  # type: ignore[arg-type]
        first, last = size - b, size - a
        return prepared.backward[first:last], partial(_mapped, prepared, first, last)
    return _uniform_line_by_clusters(prepared, a, b)


_CLUSTER_ORDER_LIMIT = 0x10000


def _backward_text(text: str, classes: str) -> str:
    """``text`` in cluster-reversed order (see :func:`bidi.reorder.cluster_reversed_order`),
    mirrored, by whole-text operations on its UTF-32 code units."""
    from reader.text.bidi.reorder import reverse_keeping_clusters

    try:  # one UTF-16 unit per char (no surrogates): half the bytes to move
        forward = text.encode("utf-16-le")
    except UnicodeEncodeError:  # a lone surrogate
        forward = b""
    if len(forward) == 2 * len(text):
        backward = reverse_keeping_clusters(
            text[::-1].encode("utf-16-le"), forward, classes, 2
        ).decode("utf-16-le")
    else:  # characters beyond the Basic Multilingual Plane
        backward = reverse_keeping_clusters(
            text[::-1].encode("utf-32-le"), text.encode("utf-32-le"), classes, 4
        ).decode("utf-32-le")
    if _MIRRORABLE.search(backward):  # a few brackets: no translate of the whole text
        backward = _MIRRORABLE.sub(_mirrored, backward)
    return backward


def _mirrored(match: re.Match[str]) -> str:
    return _mirror[match.group()]


def _slice(source: Sequence[int], a: int, b: int) -> Sequence[int]:
    return source[a:b]


def _mapped(prepared: _Prepared, a: int, b: int) -> Iterable[int]:
    """The map of a slice of :attr:`_Prepared.backward` (the order is built on first use)."""
    from reader.text.bidi.reorder import cluster_reversed_order

    if prepared.backward_order is None:
        prepared.backward_order = cluster_reversed_order(prepared.shaped_classes)  # type: ignore[arg-type]
    return map(prepared.shaped.source.__getitem__, prepared.backward_order[a:b])


def _uniform_line_by_clusters(prepared: _Prepared, a: int, b: int) -> tuple[str, tuple[int, ...]]:
    """A right-to-left line of one level, cluster by cluster (see :func:`_uniform_line`)."""
    shaped_text = prepared.shaped.text[a:b]
    source = prepared.shaped.source
    classes = prepared.shaped_classes[a:b]  # type: ignore[index]
    if "m" not in classes:
        line_text = shaped_text[::-1]
        visual_to_logical = tuple(source[a:b][::-1])
    else:
        # Reversed, a cluster reads marks-then-base: it ends after each non-mark.
        # Each cluster is reversed back by a slice; map/compress keep the
        # per-char and per-cluster work in C.
        n = b - a
        reversed_classes = classes[::-1]
        ends = list(compress(count(1), map(ne, reversed_classes, repeat("m"))))
        if not ends or ends[-1] != n:  # the line starts with marks: a cluster of its own
            ends.append(n)
        slices = list(map(slice, ends, [0, *ends[:-1]], repeat(-1)))
        padded_text = "\0" + shaped_text[::-1]  # one pad so a slice never stops at -1
        line_text = "".join(map(padded_text.__getitem__, slices))
        padded_source = [-1, *source[a:b][::-1]]
        visual_to_logical = tuple(chain.from_iterable(map(padded_source.__getitem__, slices)))
    if _MIRRORABLE.search(line_text):
        line_text = line_text.translate(_mirror_table())
    return line_text, visual_to_logical


def _logical(
    shaped_text: str, source: Sequence[int], a: int, b: int
) -> tuple[list[str], list[int]]:
    drawn: list[str] = []
    logical: list[int] = []
    for k in range(a, b):
        ch = shaped_text[k]
        if ch not in BIDI_CONTROLS:
            drawn.append(ch)
            logical.append(source[k])
    return drawn, logical


def _mirror_table() -> dict[int, int]:
    from reader.text.bidi.mirroring import MIRROR_TABLE

    return MIRROR_TABLE


class _MirrorTableLazy:
    """A regex finding chars with a mirroring glyph, compiled on first use."""

    pattern: re.Pattern[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        if self.pattern is None:
            self.pattern = re.compile(
                "[" + "".join(re.escape(chr(c)) for c in sorted(_mirror_table())) + "]"
            )
        return self.pattern.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        self.search("")
        return self.pattern.finditer(text)  # type: ignore[union-attr]

    def sub(self, replace: Callable[[re.Match[str]], str], text: str) -> str:
        self.search("")
        return self.pattern.sub(replace, text)  # type: ignore[union-attr]


_MIRRORABLE = _MirrorTableLazy()


class _MirrorTable(dict[str, str]):
    """Bidi_Mirroring_Glyph (rule L4) for every char, computed on first use."""

    def __missing__(self, ch: str) -> str:
        from reader.text import bidi

        mirrored = self[ch] = bidi.mirror_char(ch)
        return mirrored

    def get(self, ch: str, default: str | None = None) -> str:  # type: ignore[override]
        return self[ch]


_mirror = _MirrorTable()


def layout_text(text: str, options: LayoutOptions) -> list[Line]:
    """Lay out one untrusted string: paragraphs at newlines (blank lines dropped)."""
    return Document(split_paragraphs(text), options.direction).lines(options)

