"""Rules L1-L4 by whole-line maps, for paragraphs without bidi controls."""

from __future__ import annotations

from itertools import compress
from operator import itemgetter

from reader.text.layout.mirror import MIRROR, MIRRORABLE
from reader.text.layout.order.general import ligature_marks_in_logical_order, visual_per_char
from reader.text.layout.paragraph import LAM_ALEF_GLYPHS, PreparedParagraph


def visual_by_runs(
    prepared: PreparedParagraph, start: int, end: int, a: int, b: int
) -> tuple[list[str], list[int]]:
    """:meth:`visual_per_char` for a paragraph without bidi controls, by C-level maps over
    the whole line and regex searches for the few ligatures and mirrored characters,
    instead of a loop per character (the tests hold both equal)."""
    from reader.text import bidi

    shaped_text = prepared.shaped.text
    inverse = prepared.inverse
    order = bidi.reorder_line(prepared.levels, start, end, marks_after_base=True)
    if len(order) < 2:  # (itemgetter of one index gives the item, not a tuple)
        return visual_per_char(prepared, start, end, a, b)
    glyphs = order if inverse is None else list(itemgetter(*order)(inverse))
    # only the glyphs of the line's content (not hanging spaces, not chars without one)
    if min(glyphs) < a or max(glyphs) >= b:
        inside = [a <= k < b for k in glyphs]
        order = list(compress(order, inside))
        glyphs = list(compress(glyphs, inside))
        if len(order) < 2:
            return visual_per_char(prepared, start, end, a, b)
    line_text = "".join(itemgetter(*glyphs)(shaped_text))
    ligatures_at: list[int] = []
    if LAM_ALEF_GLYPHS.search(line_text):
        # A ligature glyph is drawn once: both its letters map to it, and the second one
        # met (the same glyph as the last ligature drawn) draws nothing.
        last = -1
        dropped: list[int] = []
        for match in LAM_ALEF_GLYPHS.finditer(line_text):
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
    if MIRRORABLE.search(line_text):
        levels = prepared.levels.levels
        for match in MIRRORABLE.finditer(line_text):
            at = match.start()
            if levels[order[at]] & 1:
                drawn[at] = MIRROR[drawn[at]]
    logical = [*itemgetter(*glyphs)(prepared.shaped.source)] if len(glyphs) > 1 else [
        prepared.shaped.source[k] for k in glyphs]
    ligature_marks_in_logical_order(prepared, drawn, logical, ligatures_at)
    return drawn, logical
