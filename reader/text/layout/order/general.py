"""Rules L1-L4 character by character: the line order for any line."""

from __future__ import annotations

from reader.text.layout.mirror import MIRROR
from reader.text.layout.paragraph import LAM_ALEF_SET, PreparedParagraph
from reader.text.sanitize import BIDI_CONTROLS


def visual_per_char(
    prepared: PreparedParagraph, start: int, end: int, a: int, b: int
) -> tuple[list[str], list[int]]:
    """Visual order of the line owning logical [start, end), content shaped [a, b)."""
    from reader.text import bidi

    shaped_text = prepared.shaped.text
    inverse = prepared.inverse
    levels = prepared.levels.levels
    mirror = MIRROR
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
        if ch in LAM_ALEF_SET:
            ligature = k
            ligatures_at.append(len(drawn))
        if levels[i] & 1:
            ch = mirror.get(ch, ch)
        drawn.append(ch)
        logical.append(source[k])
    ligature_marks_in_logical_order(prepared, drawn, logical, ligatures_at)
    return drawn, logical


def ligature_marks_in_logical_order(
    prepared: PreparedParagraph, drawn: list[str], logical: list[int], ligatures_at: list[int]
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
