"""Rules L1-L3: the visual order of one line of a resolved paragraph (general version)."""

from __future__ import annotations

from .classes import REMOVED_BY_X9
from .paragraph import BidiParagraph

# L1: whitespace, isolate formatting characters and (because X9 removed them, they are
# treated like whitespace here) embedding controls and BN before a separator or line end.
_TRAILING = frozenset("W6789" + REMOVED_BY_X9)


def line_levels(para: BidiParagraph, start: int, end: int) -> list[int]:
    """Rule L1: the levels of [start, end) with separators and trailing whitespace reset."""
    levels = list(para.levels[start:end])
    classes = para.classes
    base = para.base_level
    at_line_end = True
    for i in range(end - 1, start - 1, -1):
        code = classes[i]
        if code in "SB":
            levels[i - start] = base
            at_line_end = True
        elif code in _TRAILING:
            if at_line_end:
                levels[i - start] = base
        else:
            at_line_end = False
    return levels


def reorder_line_reference(
    para: BidiParagraph, start: int, end: int, *, marks_after_base: bool = True
) -> list[int]:
    """Rules L1, L2 (and L3 when *marks_after_base*), one character at a time."""
    levels = line_levels(para, start, end)
    classes = para.classes
    kept = [i for i in range(start, end) if classes[i] not in REMOVED_BY_X9]
    kept_levels = [levels[i - start] for i in kept]
    if not kept:
        return []
    order = list(range(len(kept)))
    highest = max(kept_levels)
    odd_levels = [level for level in kept_levels if level & 1]
    if odd_levels:
        lowest_odd = min(odd_levels)
        for level in range(highest, lowest_odd - 1, -1):
            k = 0
            while k < len(order):
                if kept_levels[order[k]] >= level:
                    run_end = k
                    while run_end < len(order) and kept_levels[order[run_end]] >= level:
                        run_end += 1
                    order[k:run_end] = order[k:run_end][::-1]
                    k = run_end
                else:
                    k += 1
    visual = [kept[k] for k in order]
    if marks_after_base:
        visual = _marks_after_base(visual, classes, levels, start)
    return visual


def _marks_after_base(visual: list[int], classes: str, levels: list[int], start: int) -> list[int]:
    """L3: in right-to-left runs, put combining marks back after the letter they follow.

    A cluster is a character followed (logically, X9-removed characters skipped) by
    characters of class NSM at the same level; reversed, it shows as marks then base.
    """
    out = list(visual)
    k = 0
    while k < len(out):
        index = out[k]
        if classes[index] == "m" and levels[index - start] & 1:
            # Collect the reversed cluster: marks with descending indices, then the base.
            end = k
            while (
                end + 1 < len(out)
                and out[end + 1] < out[end]
                and levels[out[end + 1] - start] == levels[index - start]
                and all(classes[j] in REMOVED_BY_X9 for j in range(out[end + 1] + 1, out[end]))
                and classes[out[end]] == "m"
            ):
                end += 1
            if end > k:
                out[k : end + 1] = out[k : end + 1][::-1]
            k = end + 1
        else:
            k += 1
    return out


def reorder_line(
    para: BidiParagraph, start: int, end: int, *, marks_after_base: bool = True
) -> list[int]:
    """Visual order (left to right) of the line [start, end) of *para*, as logical indices.

    Rules L1 and L2 on the paragraph's levels; characters removed by X9 are left out. With
    *marks_after_base* (rule L3) a combining mark that follows its base letter stays after it
    in right-to-left runs too, because terminals draw a mark on the cell before it.
    """
    if not 0 <= start <= end <= len(para.text):
        raise ValueError(f"line [{start}, {end}) outside paragraph of {len(para.text)}")
    return reorder_line_reference(para, start, end, marks_after_base=marks_after_base)
