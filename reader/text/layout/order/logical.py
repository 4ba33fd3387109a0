"""``terminal`` mode: lines in logical order, for a terminal that reorders itself."""

from __future__ import annotations

from collections.abc import Sequence

from reader.text.sanitize import BIDI_CONTROLS


def source_slice(source: Sequence[int], a: int, b: int) -> Sequence[int]:
    return source[a:b]


def logical_order(
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


_OPENERS = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI
_PDI = "\u2069"


def logical_keeping_controls(
    shaped_text: str, source: Sequence[int], a: int, b: int
) -> tuple[list[str], list[int]]:
    """A line of the interface's own text (:class:`reader.text.isolates.InterfaceText`)
    in logical order with its bidi controls kept for the terminal's bidi: the isolates
    open where the line starts are opened again before it, and those still open at its
    end are closed after it (mapped to the line's first and last characters), so no
    isolate reaches into the padding, the border or the next pane."""
    if a >= b:
        return [], []
    reopened: list[str] = []
    for ch in shaped_text[:a]:
        if ch in _OPENERS:
            reopened.append(ch)
        elif ch == _PDI and reopened:
            reopened.pop()
    drawn = list(reopened)
    logical = [source[a]] * len(reopened)
    open_now = len(reopened)
    for k in range(a, b):
        ch = shaped_text[k]
        if ch in _OPENERS:
            open_now += 1
        elif ch == _PDI:
            if not open_now:
                continue  # closes nothing on this line (an unmatched PDI does nothing)
            open_now -= 1
        drawn.append(ch)
        logical.append(source[k])
    drawn += [_PDI] * open_now
    logical += [source[b - 1]] * open_now
    return drawn, logical
