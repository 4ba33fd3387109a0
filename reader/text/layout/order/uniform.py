"""Lines all at the paragraph's level: slices of the paragraph, no reordering rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial
from itertools import chain, compress, count, repeat
from operator import ne

from reader.text.bidi.classes import REMOVED_BY_X9
from reader.text.bidi.mirroring import MIRROR_GLYPHS
from reader.text.layout.mirror import MIRROR, MIRRORABLE, mirror_table
from reader.text.layout.order.logical import source_slice
from reader.text.layout.paragraph import PreparedParagraph


def is_uniform(levels: bytes, start: int, end: int, base: int) -> bool:
    """Whether every char of the line [start, end) is at the paragraph's level."""
    return levels.count(base, start, end) == end - start


def uniform_line(
    prepared: PreparedParagraph, a: int, b: int, base: int
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
        return prepared.shaped.text[a:b], partial(source_slice, source, a, b)
    classes = prepared.shaped_classes
    size = len(classes)  # type: ignore[arg-type]
    if (a == 0 or classes[a] != "m") and size < _CLUSTER_ORDER_LIMIT:  # type: ignore[index]
        if prepared.backward is None:
            prepared.backward = backward_text(prepared.shaped.text, classes)  # type: ignore[arg-type]
        first, last = size - b, size - a
        return prepared.backward[first:last], partial(_mapped, prepared, first, last)
    return uniform_line_by_clusters(prepared, a, b)


_CLUSTER_ORDER_LIMIT = 0x10000


#: at most one combining mark in this many characters: clusters are kept in order one by
#: one (news text without harakat), else by whole-text operations (vocalised text)
_SPARSE_MARKS = 32


def backward_text(text: str, classes: str) -> str:
    """``text`` in cluster-reversed order (see :func:`bidi.reorder.cluster_reversed_order`),
    mirrored: by whole-text operations on its UTF-16 or UTF-32 code units, or, when it has
    few combining marks and no X9-removed characters, as the reversed text with each
    cluster that has marks put back in logical order (a slice each)."""
    text = _mirrored_text(text, classes)  # (a char for a char: before reversing or after)
    if classes.count("m") * _SPARSE_MARKS <= len(classes) and not _has_removed(classes):
        return _backward_by_marks(text, classes)
    return _backward_by_units(text, classes)


#: at most one neutral (class ON) in this many characters: the neutrals are looked at one
#: by one, else the text is searched for mirrored characters
_SPARSE_NEUTRALS = 16


def _mirrored_text(text: str, classes: str) -> str:
    """``text`` with each character that has a mirrored glyph replaced by it (rule L4).
    Every such character is of class ON: in text with few of them (news text: quotation
    marks, brackets, punctuation), only the characters at an ``O`` of ``classes`` (found
    by C-level searches of the class codes) are looked up, instead of a regex search of
    every character."""
    count = classes.count("O")
    if not count:
        return text
    if count * _SPARSE_NEUTRALS > len(classes):
        return MIRRORABLE.sub(_mirrored, text) if MIRRORABLE.search(text) else text
    glyph_of = MIRROR_GLYPHS.get
    find = classes.find
    pieces = []
    done = 0  # text before here is placed
    position = find("O")
    while position >= 0:
        glyph = glyph_of(text[position])
        if glyph is not None:
            pieces.append(text[done:position])
            pieces.append(glyph)
            done = position + 1
        position = find("O", position + 1)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _has_removed(classes: str) -> bool:
    return any(code in classes for code in REMOVED_BY_X9)


def _backward_by_marks(text: str, classes: str) -> str:
    """``text`` reversed, each run of marks kept after its base (marks opening the text,
    with no base, keep their order at the end): one slice per cluster with marks, found
    from the last mark backwards with ``rfind`` (not mirrored)."""
    size = len(text)
    reversed_text = text[::-1]
    pieces = []
    done = size  # logical text from here on is placed
    position = classes.rfind("m")
    while position >= 0:
        start = position  # the run of marks ending at position, with its base
        while start and classes[start - 1] == "m":
            start -= 1
        start = max(start - 1, 0)
        end = position + 1
        pieces.append(reversed_text[size - done : size - end])
        pieces.append(text[start:end])
        done = start
        position = classes.rfind("m", 0, start)
    pieces.append(reversed_text[size - done :])
    return "".join(pieces)


def _backward_by_units(text: str, classes: str) -> str:
    """:func:`backward_text` before mirroring, by big-integer operations on the code units
    (see :func:`reader.text.bidi.reorder.reverse_keeping_clusters`)."""
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
    return backward


def _mirrored(match: re.Match[str]) -> str:
    return MIRROR[match.group()]


def _mapped(prepared: PreparedParagraph, a: int, b: int) -> Iterable[int]:
    """The map of a slice of :attr:`PreparedParagraph.backward` (its order built on first
    use)."""
    from reader.text.bidi.reorder import cluster_reversed_order

    if prepared.backward_order is None:
        prepared.backward_order = cluster_reversed_order(prepared.shaped_classes)  # type: ignore[arg-type]
    return map(prepared.shaped.source.__getitem__, prepared.backward_order[a:b])


def uniform_line_by_clusters(
    prepared: PreparedParagraph, a: int, b: int
) -> tuple[str, tuple[int, ...]]:
    """A right-to-left line of one level, cluster by cluster (see :func:`uniform_line`)."""
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
    if MIRRORABLE.search(line_text):
        line_text = line_text.translate(mirror_table())
    return line_text, visual_to_logical
