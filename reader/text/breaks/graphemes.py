"""Extended grapheme clusters (UAX #29, Unicode 15.0.0): what a reader sees as one character.

This is the project's one definition of a cluster: a letter and its harakat, a lam-alef and
its marks, a flag, an emoji sequence, a Hangul syllable, CR LF. The caret steps over clusters,
Backspace deletes one, wrapping cuts a word too long for the line only between clusters, and
highlighting and widths count them. Every case of GraphemeBreakTest.txt passes (the tests).
"""

from __future__ import annotations

from collections.abc import Iterator

from .properties import GRAPHEME_BREAK

__all__ = ["cluster_starts", "clusters", "is_boundary", "next_boundary", "previous_boundary"]

_CONTROLS = frozenset({"Control", "CR", "LF"})
_EXTEND = frozenset({"Extend", "ZWJ", "SpacingMark"})
_HANGUL_AFTER = {
    "L": frozenset({"L", "V", "LV", "LVT"}),
    "LV": frozenset({"V", "T"}),
    "V": frozenset({"V", "T"}),
    "LVT": frozenset({"T"}),
    "T": frozenset({"T"}),
}


def _joins(text: str, i: int, before: str, after: str) -> bool:
    """Whether there is no boundary between ``text[i - 1]`` (class ``before``) and
    ``text[i]`` (class ``after``): rules GB3 to GB13."""
    if before == "CR":
        return after == "LF"  # GB3, GB4
    if before in _CONTROLS or after in _CONTROLS:
        return False  # GB4, GB5
    if after in _EXTEND or before == "Prepend":
        return True  # GB9, GB9a, GB9b
    hangul = _HANGUL_AFTER.get(before)
    if hangul is not None and after in hangul:
        return True  # GB6-GB8
    if before == "ZWJ" and after == "ExtPict":  # GB11: ExtPict Extend* ZWJ x ExtPict
        k = i - 2
        while k >= 0 and GRAPHEME_BREAK[text[k]] == "Extend":
            k -= 1
        return k >= 0 and GRAPHEME_BREAK[text[k]] == "ExtPict"
    if before == after == "Regional_Indicator":  # GB12, GB13: pairs
        k = i - 1
        while k >= 0 and GRAPHEME_BREAK[text[k]] == "Regional_Indicator":
            k -= 1
        return (i - 1 - k) % 2 == 1
    return False  # GB999


def cluster_starts(text: str) -> list[int]:
    """Start offsets of the clusters of ``text`` (``[0, ...]``; empty for ``""``)."""
    if not text:
        return []
    if text.isascii() and "\r" not in text:  # one char, one cluster
        return list(range(len(text)))
    classes = list(map(GRAPHEME_BREAK.__getitem__, text))
    starts = [0]
    for i in range(1, len(text)):
        if not _joins(text, i, classes[i - 1], classes[i]):
            starts.append(i)
    return starts


def clusters(text: str) -> Iterator[str]:
    """The clusters of ``text``, in order."""
    starts = cluster_starts(text)
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        yield text[a:b]


def next_boundary(text: str, i: int) -> int:
    """The first cluster boundary after offset ``i`` (``len(text)`` at the end)."""
    size = len(text)
    if i >= size:
        return size
    i += 1
    while i < size and _joins(text, i, GRAPHEME_BREAK[text[i - 1]], GRAPHEME_BREAK[text[i]]):
        i += 1
    return i


def previous_boundary(text: str, i: int) -> int:
    """The last cluster boundary before offset ``i`` (0 at the start).

    Rules GB11-GB13 look back, so the search starts a little before ``i``, at the first
    boundary that no context decides (anything but ZWJ before ExtPict or two regional
    indicators), and walks forward."""
    if i <= 0:
        return 0
    i = min(i, len(text))
    start = i - 1
    while start > 0:
        here = GRAPHEME_BREAK[text[start]]
        before = GRAPHEME_BREAK[text[start - 1]]
        contextual = (before == "ZWJ" and here == "ExtPict") or (
            before == here == "Regional_Indicator"
        )
        if not contextual and not _joins(text, start, before, here):
            break
        start -= 1
    boundary = start
    while True:
        following = next_boundary(text, boundary)
        if following >= i:
            return boundary
        boundary = following


def is_boundary(text: str, i: int) -> bool:
    """Whether offset ``i`` is a cluster boundary (the ends of the text are)."""
    if i <= 0 or i >= len(text):
        return True
    return previous_boundary(text, i + 1) == i
