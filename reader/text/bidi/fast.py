"""Rules W1-I2 at C speed for the common paragraph: no explicit embeddings or isolates.

Such a paragraph is one isolating run sequence at the paragraph level, so every rule becomes
a string operation over its class codes (``str.replace``, regex substitution with constant
replacements, ``translate``) instead of a Python loop per character. Bracket pairs (N0) are
resolved in a pass over the bracket characters only. Paragraphs with explicit formatting
characters go to :mod:`.reference`; the tests check that both agree.
"""

from __future__ import annotations

import re

from .mirroring import BRACKET_CHARS, CLOSING_BRACKETS, OPENING_BRACKETS

_BRACKET_LIMIT = 63
# Codes that precede a mark and give it their class (W1); the order does not matter.
_MARK_TAKERS = "LRAEstncBSWO"
# Spans are matched whole (from a strong letter to the next one of the other kind) and
# checked in the callback: a pattern that demanded an EN inside could rescan a long span from
# every starting letter (quadratic).
_W2_SPAN = re.compile(r"A[^LR]*")
_W4_EUROPEAN = re.compile(r"(?<=E)[sc](?=E)")
_W4_ARABIC = re.compile(r"(?<=n)c(?=n)")
_W5_RUN = re.compile(r"t+")
_W7_SPAN = re.compile(r"L[^R]*")
_NEUTRALS_BEFORE = (re.compile(r"[BSWO]+(?=[REn])"), re.compile(r"[BSWO]+(?=L)"))
_MARKED_BEFORE = (re.compile(r"x+(?=[REn])"), re.compile(r"x+(?=L)"))
_BRACKET_RE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(BRACKET_CHARS)) + "]")
_STRONG_R = re.compile(rb"[REn]")
_L, _R = ord("L"), ord("R")

# I1/I2 after N1/N2: resolved code -> level byte, for an even (0) and an odd (1) paragraph.
# Unresolved neutrals (and "x": neutrals N1 marked but did not confirm) take the
# paragraph's direction (N2).
_LEVELS = (
    bytes.maketrans(b"LREnxBSWO", bytes([0, 1, 2, 2, 0, 0, 0, 0, 0])),
    bytes.maketrans(b"LREnxBSWO", bytes([2, 1, 2, 2, 1, 1, 1, 1, 1])),
)


def _to_arabic_numbers(span: re.Match[str]) -> str:
    return span.group().replace("E", "n")


def _to_left_to_right(span: re.Match[str]) -> str:
    return span.group().replace("E", "L")


def _terminators(run: re.Match[str]) -> str:
    codes, start, end = run.string, run.start(), run.end()
    if codes[start - 1] == "E" or (end < len(codes) and codes[end] == "E"):
        return "E" * (end - start)
    return run.group()


def _w_rules(codes: str) -> str:
    """W1-W7 on ``sos + codes + eos`` (no explicit formatting characters, no BN)."""
    # W1: each mark takes the class of what precedes it; one pass per mark in a row.
    # A mark only ever takes the class of the letter its chain starts with, so the codes
    # found before marks in the first pass are the only ones to look for afterwards.
    if "m" in codes:
        takers = [taker for taker in _MARK_TAKERS if taker in codes and taker + "m" in codes]
        while takers:
            for taker in takers:
                codes = codes.replace(taker + "m", taker + taker)
            takers = [taker for taker in takers if taker + "m" in codes]
    if "E" in codes and "A" in codes:
        codes = _W2_SPAN.sub(_to_arabic_numbers, codes)  # W2
    codes = codes.replace("A", "R")  # W3
    # (a pattern opening with a lookbehind is tried at every position: the substrings it
    # needs are looked for first, at C speed)
    if "Es" in codes or "Ec" in codes:
        codes = _W4_EUROPEAN.sub("E", codes)  # W4
    if "nc" in codes:
        codes = _W4_ARABIC.sub("n", codes)
    if "t" in codes and "E" in codes:
        codes = _W5_RUN.sub(_terminators, codes)  # W5
    for separator in "stc":  # W6
        if separator in codes:
            codes = codes.replace(separator, "O")
    if "E" in codes and "L" in codes:
        codes = _W7_SPAN.sub(_to_left_to_right, codes)  # W7
    return codes


def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    """BD16 over the bracket characters of *text* (all have class ON on this path)."""
    stack: list[tuple[int, int]] = []
    pairs: list[tuple[int, int]] = []
    for match in _BRACKET_RE.finditer(text):
        index = match.start()
        ch = text[index]
        key = OPENING_BRACKETS.get(ch)
        if key is not None:
            if len(stack) == _BRACKET_LIMIT:
                break
            stack.append((key, index))
            continue
        key = CLOSING_BRACKETS[ch]
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == key:
                pairs.append((stack[depth][1], index))
                del stack[depth:]
                break
    pairs.sort()
    return pairs


def _n0(codes: str, pairs: list[tuple[int, int]], original: str, embedding: int) -> str:
    """N0 on ``sos + codes + eos`` (indices into it are text indices + 1)."""
    buf = bytearray(codes, "ascii")
    size = len(original)
    for opening, closing in pairs:
        has_l = buf.find(b"L", opening + 2, closing + 1) >= 0
        has_r = _STRONG_R.search(buf, opening + 2, closing + 1) is not None
        if not (has_l or has_r):
            continue
        if (embedding == _L and has_l) or (embedding == _R and has_r):
            direction = embedding
        else:  # only the opposite direction inside: the context before decides (sos at 0)
            last_l = buf.rfind(b"L", 0, opening + 1)
            last_r = max(buf.rfind(b"R", 0, opening + 1), buf.rfind(b"E", 0, opening + 1),
                         buf.rfind(b"n", 0, opening + 1))
            direction = _L if last_l > last_r else _R
        for index in (opening, closing):
            buf[index + 1] = direction
            j = index + 1
            while j < size and original[j] == "m":
                buf[j + 1] = direction
                j += 1
    return buf.decode("ascii")


def _fill(marked: re.Match[str]) -> str:
    return "x" * (marked.end() - marked.start())


def resolve_implicit(text: str, classes: str, base_level: int) -> bytes:
    """Levels of a paragraph without explicit formatting characters or BN (rules W1-I2).

    *base_level* is 0 or 1: the paragraph is one isolating run sequence whose sos and eos
    are its direction.

    A right-to-left paragraph without brackets is resolved on its stretches between
    Arabic letters (see :func:`_by_arabic_stretches`).
    """
    if base_level and "A" in classes and not _BRACKET_RE.search(text):
        return _by_arabic_stretches(classes)
    return _resolve(text, classes, base_level)


#: a stretch from an Arabic letter to an Arabic letter holding only neutrals, marks and
#: separators besides: every character of it ends at level 1 in a right-to-left paragraph
_ARABIC_STRETCH = re.compile("A[AWOmstcBS]*A")
#: levels of paragraphs reduced to what lies between Arabic stretches (news text repeats
#: its shapes: a Latin name, a number, between Arabic words)
_REDUCED_LEVELS: dict[str, bytes] = {}
_REDUCED_LIMIT = 20_000


def _by_arabic_stretches(classes: str) -> bytes:
    """:func:`_resolve` for a right-to-left paragraph without brackets, by its reduced
    form: each stretch from an Arabic letter to an Arabic letter with only neutrals,
    marks and separators between becomes one ``A``. Each character of such a stretch
    ends at level 1: AL is R (W3), a mark takes its letter's class or a neutral's (W1), a
    separator or terminator touching no number is a neutral (W4-W6), and a neutral
    between two R is R (N1). Outside the stretches, every rule looks no further than the
    nearest strong letter or number on each side (W1-W7 and N1 without N0), which is
    the stretch's ``A`` (AL before a number makes it Arabic, W2) or the paragraph's own
    edge: so the reduced classes resolve to the levels of what lies between. The tests
    compare it with :func:`_resolve` and the conformance suites go through it."""
    spans = [match.span() for match in _ARABIC_STRETCH.finditer(classes)]
    if not spans:
        return _resolve(classes, classes, 1)
    gaps = []
    position = 0
    for start, end in spans:
        gaps.append(classes[position:start])
        position = end
    gaps.append(classes[position:])
    reduced = "A".join(gaps)
    levels = _REDUCED_LEVELS.get(reduced)
    if levels is None:
        if len(_REDUCED_LEVELS) >= _REDUCED_LIMIT:
            _REDUCED_LEVELS.clear()
        levels = _REDUCED_LEVELS[reduced] = _resolve(reduced, reduced, 1)
    out = bytearray()
    taken = 0  # reduced levels used
    for gap, (start, end) in zip(gaps, spans, strict=False):  # (one gap more)
        out += levels[taken : taken + len(gap)]
        out += b"\x01" * (end - start)
        taken += len(gap) + 1
    out += levels[taken:]
    return bytes(out)



def _resolve(text: str, classes: str, base_level: int) -> bytes:
    """:func:`resolve_implicit` by string operations over the whole paragraph."""
    edge = "R" if base_level else "L"
    codes = _w_rules(edge + classes + edge)
    if _BRACKET_RE.search(text):
        pairs = _bracket_pairs(text)
        if pairs:
            codes = _n0(codes, pairs, classes, ord(edge))
    # N1: a neutral run between strong runs of the other direction takes it (EN, AN count
    # as R): marked "x" when that direction follows, confirmed on the reversed string when
    # it also precedes. N2: the rest take the paragraph's direction (the level table).
    other = "L" if base_level else "R"
    if other in codes or (not base_level and ("E" in codes or "n" in codes)):
        codes = _NEUTRALS_BEFORE[base_level].sub(_fill, codes)
        if "x" in codes:
            reversed_codes = _MARKED_BEFORE[base_level].sub(
                lambda run: other * (run.end() - run.start()), codes[::-1]
            )
            codes = reversed_codes[::-1]
    return codes[1:-1].encode("ascii").translate(_LEVELS[base_level])
