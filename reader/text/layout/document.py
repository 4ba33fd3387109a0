"""A document: paragraphs laid out on demand, with the caches that make it cheap."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from reader.text import isolates, output
from reader.text.direction import base_level, is_rtl_direction
from reader.text.isolates import InterfaceText
from reader.text.layout.line import Line
from reader.text.layout.lines import make_line, paragraph_spans
from reader.text.layout.options import LayoutOptions
from reader.text.layout.paragraph import (
    PreparedParagraph,
    classes_without,
    ligatures_keep_bidi_classes,
    prepare_paragraph,
    shape_owning_tails,
)
from reader.text.sanitize import sanitize


def split_paragraphs(text: str) -> list[str]:
    """Sanitize ``text`` and split it at newlines, dropping blank lines.

    Articles separate paragraphs by blank lines; the layout puts one blank line
    between paragraphs itself.
    """
    return [p for p in sanitize(text).split("\n") if p.strip()]


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
        #: paragraphs whose bidi controls are the interface's own (see
        #: :class:`reader.text.isolates.InterfaceText`): their FSIs are resolved here, and
        #: a terminal that orders gets their isolates; every other paragraph's are dropped
        self.interface = frozenset(
            index for index, p in enumerate(paragraphs) if isinstance(p, InterfaceText))
        if self.interface:
            self.paragraphs = tuple(
                isolates.resolve_first_strong(p) if index in self.interface else p
                for index, p in enumerate(self.paragraphs))
        self._base_levels: dict[tuple[int, str], int] = {}
        self._prepared: dict[tuple[int, str, bool, str], PreparedParagraph] = {}
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

    def _prepare(self, index: int, options: LayoutOptions) -> PreparedParagraph:
        key = (index, options.mode, options.shape and output.shapes(options.mode),
               options.harakat)
        prepared = self._prepared.get(key)
        if prepared is None:
            text = self.paragraphs[index]
            base = self.base_level(index, options.direction)
            shaped, owned = shape_owning_tails(text, options)
            levels = shaped_classes = None
            if (
                output.reorders(options.mode)
                and shaped.inverse is not None
                and len(owned) == len(text) - len(shaped.text)  # only ligature alefs went
                and ligatures_keep_bidi_classes()
            ):
                # The shaped text is the text without those alefs, each char drawn by a
                # glyph of its class: its classes are the text's without the alefs'.

                levels = isolates.levels_isolating_addresses(text, base)
                shaped_classes = partial(classes_without, levels.classes, owned)
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
        own_controls = index in self.interface
        return [
            make_line(prepared, options, index, rtl, span, start, end, fast=self.fast_reorder,
                      own_controls=own_controls)
            for span, start, end in zip(spans, starts, ends, strict=True)
        ]


def layout_text(text: str, options: LayoutOptions) -> list[Line]:
    """Lay out one untrusted string: paragraphs at newlines (blank lines dropped). The
    interface's own text (:class:`InterfaceText`) keeps its trust in each paragraph
    (sanitizing adds no control)."""
    paragraphs = split_paragraphs(text)
    if isinstance(text, InterfaceText):
        paragraphs = [InterfaceText(p) for p in paragraphs]
    return Document(paragraphs, options.direction).lines(options)
