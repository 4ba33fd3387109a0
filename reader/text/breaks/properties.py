"""Line_Break and Grapheme_Cluster_Break of single characters (Unicode 15.0.0 tables).

A bisection in the generated ranges, remembered per character: text repeats the same few
hundred characters, so after the first lines every lookup is one dict access.
"""

from __future__ import annotations

from bisect import bisect_right

from ._tables import GRAPHEME_BREAK_RANGES, LINE_BREAK_RANGES

__all__ = ["grapheme_break", "line_break"]


class _Property(dict[str, str]):
    """char -> property value, looked up in sorted ``(first, last, value)`` ranges."""

    def __init__(self, ranges: tuple[tuple[int, int, str], ...], default: str) -> None:
        super().__init__()
        self._ranges = ranges
        self._starts = [first for first, _last, _value in ranges]
        self._default = default

    def __missing__(self, ch: str) -> str:
        cp = ord(ch)
        k = bisect_right(self._starts, cp) - 1
        value = self._default
        if k >= 0:
            first, last, found = self._ranges[k]
            if first <= cp <= last:
                value = found
        self[ch] = value
        return value


#: Line_Break after rule LB1 (with OPW, CPW and IDP: see generate_tables.py)
LINE_BREAK = _Property(LINE_BREAK_RANGES, "AL")
#: Grapheme_Cluster_Break, with ExtPict for Extended_Pictographic characters
GRAPHEME_BREAK = _Property(GRAPHEME_BREAK_RANGES, "Other")


def line_break(ch: str) -> str:
    """The Line_Break class of ``ch`` as the line-breaking rules use it."""
    return LINE_BREAK[ch]


def grapheme_break(ch: str) -> str:
    """The Grapheme_Cluster_Break of ``ch`` (``ExtPict`` for Extended_Pictographic)."""
    return GRAPHEME_BREAK[ch]
