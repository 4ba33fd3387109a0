"""A prepared paragraph to lines: where it breaks (step 5) and each line built (6-7)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from reader.text import output
from reader.text.layout.line import Line
from reader.text.layout.options import LayoutOptions
from reader.text.layout.order.general import visual_per_char
from reader.text.layout.order.logical import (
    logical_keeping_controls,
    logical_order,
    source_slice,
)
from reader.text.layout.order.runs import visual_by_runs
from reader.text.layout.order.uniform import is_uniform, uniform_line, uniform_line_by_clusters
from reader.text.layout.paragraph import PreparedParagraph
from reader.text.wrap import LineSpan, text_cells, word_table, wrap_table


def paragraph_spans(prepared: PreparedParagraph, width: int) -> list[LineSpan]:
    """Step 5: the line breaks of a prepared paragraph (its words measured once)."""
    if prepared.words is None:
        prepared.words = word_table(prepared.shaped.text)
    return wrap_table(prepared.words, width)


def make_line(
    prepared: PreparedParagraph,
    options: LayoutOptions,
    index: int,
    rtl: bool,
    span: LineSpan,
    start: int,
    end: int,
    *,
    fast: bool = True,
    on_its_own: bool = False,
    own_controls: bool = False,
) -> Line:
    """Steps 6-7 for one line: content ``span`` of the shaped text, owning logical
    ``[start, end)`` of paragraph ``index``.

    ``fast``: reorder lines of one level without the general rules (same result).
    ``on_its_own``: build the line from its own characters only, with its map, never
    from (or into) whole-paragraph caches: what an editor wants for the few lines an
    edit changes (the result is the same).
    ``own_controls``: the paragraph's bidi controls are the interface's own isolates
    (:class:`reader.text.isolates.InterfaceText`): a strategy whose terminal orders gets
    them in the form it honours; any other paragraph's are dropped.
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
        and is_uniform(prepared.levels.levels, start, end, base)
    ):
        if on_its_own and base:
            line_text, visual_to_logical = uniform_line_by_clusters(prepared, a, b)
        else:
            line_text, visual_to_logical = uniform_line(prepared, a, b, base)
    elif reorder:
        visual = visual_by_runs if fast and not prepared.has_controls else visual_per_char
        drawn, logical = visual(prepared, start, end, a, b)
        line_text = "".join(drawn)
        visual_to_logical = tuple(logical)
        if len(line_text) != b - a:  # chars dropped (controls, BN like U+00AD)
            cells = text_cells(line_text)
    elif prepared.has_controls and own_controls and output.sends_isolates(options.mode):
        drawn, logical = logical_keeping_controls(shaped_text, source, a, b)
        line_text, logical = output.interface_isolates("".join(drawn), logical)
        visual_to_logical = tuple(logical)
    elif prepared.has_controls:
        drawn, logical = logical_order(shaped_text, source, a, b)
        line_text = "".join(drawn)
        visual_to_logical = tuple(logical)
    else:
        line_text = shaped_text[a:b]
        visual_to_logical = partial(source_slice, source, a, b)
    fill = ""
    if options.mode != "app":
        positions = (visual_to_logical if isinstance(visual_to_logical, tuple)
                     else tuple(visual_to_logical()))
        edges = (output.konsole_edges(shaped_text, a, b, rtl)
                 if options.marks and output.wants_edges(options.mode) and not (
                     prepared.has_controls and output.has_explicit_controls(shaped_text))
                 else ("", ""))
        line_text, finished = output.finish_line(options.mode, line_text, positions, rtl,
                                                 marks=options.marks, edges=edges)
        visual_to_logical = positions if finished is None else finished
        fill = output.fill_end(options.mode, line_text, rtl)
    if on_its_own and not isinstance(visual_to_logical, tuple):
        visual_to_logical = tuple(visual_to_logical())
    return Line(line_text, cells, rtl, index, start, end, visual_to_logical, rtl and not fill,
                fill)
