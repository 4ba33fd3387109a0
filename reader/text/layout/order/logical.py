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
