"""Rules L1-L3: the visual order of one line of a resolved paragraph (general version)."""

from __future__ import annotations

import re
import sys
from array import array

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
    if len(para.text) >= _ID_LIMIT:
        return reorder_line_reference(para, start, end, marks_after_base=marks_after_base)
    return _reorder_line_fast(para, start, end, marks_after_base)


# --- Fast line reordering -------------------------------------------------------------
#
# A line's visual order is assembled from slices of three arrays of 16-bit indices: all
# indices ascending, descending, and (per paragraph, cached on it) the paragraph's indices
# reversed with every cluster (a character and the combining marks or X9-removed
# characters after it) kept in logical order. Every right-to-left run that starts and ends
# on cluster boundaries is a slice of the last one (rule L3), so a line costs a few
# C-level slices and joins. The cluster-reversed array is built with big-integer mask
# arithmetic (a few dozen whole-array operations per paragraph), not a loop per cluster.
# Paragraphs of 65,536 characters or more use the general version.
_ID_LIMIT = 0x10000
_UNIT = 2  # bytes per index in the arrays
_ATTACHING = "m" + REMOVED_BY_X9  # codes that join the cluster of the character before
_ATTACH_FLAG = bytes(1 if chr(byte) in _ATTACHING else 0 for byte in range(256))
_FULL_BYTE = bytes.maketrans(b"\x01", b"\xff")
_MAX_ATTACHED = 4  # longer runs of marks use the slower cluster split
_CLUSTER_CODES = re.compile(r"[^mb1-5][mb1-5]+|[mb1-5]+")  # clusters with attachments
_ANY_CLUSTER_CODES = re.compile(r"[^mb1-5][mb1-5]*|[mb1-5]+")
_WHITESPACE_BEFORE_SEPARATOR = re.compile(r"[W6789b1-5]*[SB]")
_REMOVED_CODES = re.compile(r"[b1-5]")
_LEVEL_CHANGE = re.compile(rb"[^\x00]")
_L1_WHITESPACE = "W6789" + REMOVED_BY_X9


# Every 16-bit index in ascending and in descending order: a paragraph's indices, forward or
# reversed, are slices of these (built once, 128 KiB each).
def _index_units() -> tuple[bytes, bytes]:
    """Ascending and descending 16-bit indices in native byte order, from whole-byte-string
    operations (an array built from range() costs ~4 ms each at import)."""
    low = bytes(range(256)) * 256
    high = b"".join([bytes((byte,)) * 256 for byte in range(256)])
    little, big = bytearray(2 * _ID_LIMIT), bytearray(2 * _ID_LIMIT)
    little[0::2] = big[1::2] = low
    little[1::2] = big[0::2] = high
    # reversed unit by unit, the other byte order's ascending units read descending
    if sys.byteorder == "little":
        return bytes(little), bytes(big[::-1])
    return bytes(big), bytes(little[::-1])


_ASCENDING, _DESCENDING = _index_units()


def _forward_slice(first: int, last: int) -> bytes:
    """Indices first..last-1 as 16-bit units."""
    return _ASCENDING[_UNIT * first : _UNIT * last]


def _backward_slice(first: int, last: int) -> bytes:
    """Indices last-1 down to first as 16-bit units."""
    return _DESCENDING[_UNIT * (_ID_LIMIT - last) : _UNIT * (_ID_LIMIT - first)]


def _unit_mask(starts: int, size: int, unit: int = _UNIT) -> int:
    """Byte flags (0/1 per position) to a mask of whole units of *unit* bytes."""
    flags = starts.to_bytes(size, "little").translate(_FULL_BYTE)
    units = bytearray(unit * size)
    for byte in range(unit):
        units[byte::unit] = flags
    return int.from_bytes(units, "little")


def _backward_clusters(para: BidiParagraph) -> bytes:
    """Indices reversed, with each cluster in logical order (see the section comment)."""
    data = para._cache.get("clusters")
    if data is None:
        data = para._cache["clusters"] = _build_backward_clusters(para)
    return data  # type: ignore[return-value]


def _build_backward_clusters(para: BidiParagraph) -> bytes:
    size = len(para.text)
    return reverse_keeping_clusters(
        _backward_slice(0, size), _forward_slice(0, size), para.classes, _UNIT
    )


def reverse_keeping_clusters(backward: bytes, forward: bytes, classes: str, unit: int) -> bytes:
    """Units of *forward* (one per code of *classes*) reversed, each cluster (a character
    and the marks or X9-removed characters after it) kept in logical order; attached
    characters at the very start have no base and keep their order.

    *backward* is *forward* reversed unit by unit (16-bit indices for the line order, UTF-32
    code units for a text).
    """
    size = len(classes)
    # Work in reversed order: a cluster shows as its attached characters, then its base.
    attached = int.from_bytes(classes[::-1].encode("ascii").translate(_ATTACH_FLAG), "little")
    if not attached:
        return backward
    bases = int.from_bytes(b"\x01" * size, "little") ^ attached
    # Position p is byte p of these little-endian integers (so p - 1 is "<< 8") and unit p
    # of the data is bits 8*unit*p and up, whatever the machine's byte order.
    bits = 8 * unit
    chain = attached & ~(attached << 8)  # runs of attached characters start here
    values = int.from_bytes(backward, "little")
    covered = moved = 0
    for count in range(1, _MAX_ATTACHED + 2):
        if count > 1:
            chain &= attached >> (8 * (count - 1))
        if not chain:
            break
        if count > _MAX_ATTACHED:
            return _split_keeping_clusters(backward, forward, classes, unit)
        starts = chain & (bases >> (8 * count))  # exactly *count* attached, then the base
        if not starts:
            continue
        unit_mask = _unit_mask(starts, size, unit)
        width = count + 1  # the block to reverse
        for offset in range(width):
            shift = bits * (width - 1 - 2 * offset)
            if shift == 0:  # the middle of an odd-sized block stays
                continue
            mask = unit_mask << (bits * offset)
            covered |= mask
            part = values & mask
            moved |= part << shift if shift > 0 else part >> -shift
    result = ((values & ~covered) | moved).to_bytes(unit * size, "little")
    # Attached characters at the very start of the paragraph have no base: logical order.
    leading = size - len(classes.lstrip(_ATTACHING))
    if leading:
        result = result[: unit * (size - leading)] + forward[: unit * leading]
    return result


def _split_backward_clusters(para: BidiParagraph) -> bytes:
    """The same as :func:`_build_backward_clusters`, one cluster at a time."""
    size = len(para.text)
    return _split_keeping_clusters(
        _backward_slice(0, size), _forward_slice(0, size), para.classes, _UNIT
    )


def _split_keeping_clusters(backward: bytes, forward: bytes, classes: str, unit: int) -> bytes:
    """The same as :func:`reverse_keeping_clusters`, one cluster at a time."""
    size = len(classes)
    pieces = []
    position = size
    for match in reversed(list(_CLUSTER_CODES.finditer(classes))):
        # units [match.end(), position) reversed, then the cluster in logical order
        pieces.append(backward[unit * (size - position) : unit * (size - match.end())])
        pieces.append(forward[unit * match.start() : unit * match.end()])
        position = match.start()
    pieces.append(backward[unit * (size - position) :])
    return b"".join(pieces)


def _line_levels_fast(para: BidiParagraph, start: int, end: int) -> tuple[bytes, bool]:
    """L1, plus X9-removed characters given a neighbour's level so they join its run.

    Returns the levels and whether the line has X9-removed characters.
    """
    levels = para.levels[start:end]
    codes = para.classes[start:end]
    changed: bytearray | None = None
    base = para.base_level
    kept = len(codes.rstrip(_L1_WHITESPACE))
    if kept < len(codes) and levels.count(base, kept) != len(codes) - kept:
        changed = bytearray(levels)
        changed[kept:] = bytes((base,)) * (len(codes) - kept)
    if "S" in codes or "B" in codes:
        for match in _WHITESPACE_BEFORE_SEPARATOR.finditer(codes):
            if changed is None:
                changed = bytearray(levels)
            changed[match.start() : match.end()] = bytes((base,)) * (match.end() - match.start())
    has_removed = _paragraph_has_removed(para) and _REMOVED_CODES.search(codes) is not None
    if has_removed:
        if changed is None:
            changed = bytearray(levels)
        first_kept = next((k for k, code in enumerate(codes) if code not in REMOVED_BY_X9), None)
        if first_kept is not None:
            previous = changed[first_kept]
            for k, code in enumerate(codes):
                if code in REMOVED_BY_X9:
                    changed[k] = previous
                else:
                    previous = changed[k]
    return (levels if changed is None else bytes(changed)), has_removed


def _paragraph_has_removed(para: BidiParagraph) -> bool:
    found = para._cache.get("removed")
    if found is None:
        found = para._cache["removed"] = _REMOVED_CODES.search(para.classes) is not None
    return found  # type: ignore[return-value]


def _level_runs(levels: bytes) -> list[tuple[int, int, int]]:
    """(start, end, level) of the runs of equal levels."""
    size = len(levels)
    first = levels[0]
    if levels.count(first) == size:
        return [(0, size, first)]
    changes = int.from_bytes(levels[1:], "little") ^ int.from_bytes(levels[:-1], "little")
    boundaries = changes.to_bytes(size - 1, "little")
    starts = [0] + [change.start() + 1 for change in _LEVEL_CHANGE.finditer(boundaries)]
    ends = [*starts[1:], size]
    return [
        (run_start, run_end, levels[run_start])
        for run_start, run_end in zip(starts, ends, strict=True)
    ]


def _reorder_line_fast(
    para: BidiParagraph, start: int, end: int, marks_after_base: bool
) -> list[int]:
    if start == end:
        return []
    levels, has_removed = _line_levels_fast(para, start, end)
    runs = _level_runs(levels)
    # L2 on whole runs: from the highest level to the lowest odd one, reverse every maximal
    # sequence of runs at that level or above. A run's own characters end up reversed iff
    # its level is odd.
    if len(runs) > 1:
        highest = max(level for _, _, level in runs)
        lowest_odd = min((level for _, _, level in runs if level & 1), default=highest + 1)
        for level in range(highest, lowest_odd - 1, -1):
            reordered = []
            k = 0
            while k < len(runs):
                if runs[k][2] >= level:
                    stop = k
                    while stop < len(runs) and runs[stop][2] >= level:
                        stop += 1
                    reordered.extend(runs[k:stop][::-1])
                    k = stop
                else:
                    reordered.append(runs[k])
                    k += 1
            runs = reordered
    classes = para.classes
    size = len(classes)
    pieces = []
    for run_start, run_end, level in runs:
        first, last = start + run_start, start + run_end
        if not level & 1:
            pieces.append(_ASCENDING[_UNIT * first : _UNIT * last])
        elif not marks_after_base or "m" not in classes[first:last]:
            pieces.append(_DESCENDING[_UNIT * (_ID_LIMIT - last) : _UNIT * (_ID_LIMIT - first)])
        elif classes[first] not in _ATTACHING and (last == size or classes[last] not in _ATTACHING):
            pieces.append(_backward_clusters(para)[_UNIT * (size - last) : _UNIT * (size - first)])
        else:  # the run cuts a cluster (a line or run boundary before a mark)
            for match in reversed(list(_ANY_CLUSTER_CODES.finditer(classes, first, last))):
                pieces.append(_forward_slice(match.start(), match.end()))
    indices = array("H")
    indices.frombytes(pieces[0] if len(pieces) == 1 else b"".join(pieces))
    if has_removed:
        return [i for i in indices if classes[i] not in REMOVED_BY_X9]
    return indices.tolist()


def cluster_reversed_order(classes: str) -> array[int]:
    """Indices 0..len(classes)-1 reversed, each cluster (a character and the combining
    marks after it) kept in logical order: rules L2 and L3 for a text wholly at one odd
    level. Marks at the very start have no base and keep their logical order.

    *classes* are Bidi_Class codes without explicit formatting characters or BN; a slice
    ``order[len - end : len - start]`` is the visual order of [start, end) when both are
    cluster boundaries.
    """
    if len(classes) >= _ID_LIMIT:
        raise ValueError("text too long for 16-bit indices")
    para = BidiParagraph("\0" * len(classes), 1, b"", classes)
    order = array("H")
    order.frombytes(_build_backward_clusters(para))
    return order
