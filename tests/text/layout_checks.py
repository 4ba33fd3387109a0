"""Properties every laid-out paragraph must have, checked the way a reader would.

Used by the layout tests on hypothesis text, the seed and the corpus.
"""

from __future__ import annotations

import re
import unicodedata

from rich.cells import cell_len

from reader.text.bidi import bidi_class
from reader.text.layout import Document, LayoutOptions, Line
from reader.text.output import LRM, RTL_CLOSE, RTL_OPEN, STRATEGIES, wants_edges
from reader.text.output import is_mark as is_strategy_mark
from reader.text.sanitize import BIDI_CONTROLS
from reader.text.shaping import HARAKAT

_INERT = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200d]")
# Latin runs ("iPad mini 4") and numbers ("6.1", "2015", "1,000") read left to right.
LTR_TOKENS = re.compile(r"[A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*|\d+(?:[.,:/]\d+)*")


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")


def may_be_undrawn(ch: str, options: LayoutOptions) -> bool:
    """Logical chars that legitimately have no glyph of their own."""
    return (
        ch.isspace()
        or ch in BIDI_CONTROLS
        or unicodedata.category(ch) == "Cf"  # ZWJ, ZWNJ and other X9-removed format chars
        or bidi_class(ch) == "BN"  # also unassigned default-ignorable code points
        or ch in "\u0627\u0623\u0625\u0622"  # the alef of a lam-alef ligature
        or (options.harakat == "strip" and ch in HARAKAT)
    )


def without_strategy_marks(line: Line, mode: str) -> Line:
    """*line* without the marks an output strategy puts at the ends of its text (checked
    here: nowhere else, and only for the strategies that add them)."""
    if not line.text or not (is_strategy_mark(line.text[0]) or is_strategy_mark(line.text[-1])):
        return line
    end = LRM if STRATEGIES[mode].lrm else ""
    marks = (RTL_OPEN, RTL_CLOSE + end) if line.rtl else ("", end)
    assert line.text.startswith(marks[0]) and line.text.endswith(marks[1]), line
    inner = slice(len(marks[0]), len(line.text) - len(marks[1]))
    text, mapped = line.text[inner], line.visual_to_logical[inner]
    if wants_edges(mode):  # Konsole's: marks at the text's edges, brackets held apart
        kept = [i for i, ch in enumerate(text) if not is_strategy_mark(ch)]
        text, mapped = "".join(text[i] for i in kept), tuple(mapped[i] for i in kept)
    assert not any(map(is_strategy_mark, text)), line
    return Line(text, line.cells, line.rtl, line.paragraph, line.start, line.end,
                mapped, line.align_right)


def check_paragraph(document: Document, index: int, options: LayoutOptions) -> list[Line]:
    text = document.paragraphs[index]
    marked = STRATEGIES[options.mode].marked
    lines = document.paragraph_lines(index, options)
    assert lines, "every paragraph has at least one line"
    expected_start = 0
    for line in lines:
        if marked:
            line = without_strategy_marks(line, options.mode)
        else:
            assert not any(map(is_strategy_mark, line.text))
        assert line.paragraph == index
        assert line.start == expected_start, (line.start, expected_start)
        assert line.start <= line.end <= len(text)
        expected_start = line.end
        assert line.cells == cell_len(line.text) <= options.width, line
        assert not BIDI_CONTROLS.intersection(line.text)
        assert _INERT.search(line.text) is None
        assert len(line.visual_to_logical) == len(line.text)
        assert len(set(line.visual_to_logical)) == len(line.visual_to_logical)
        for logical in line.visual_to_logical:
            assert line.start <= logical < line.end
        for j in range(0, len(line.visual_to_logical), 17):  # a sample: it is O(line) a call
            assert line.logical_to_visual(line.visual_to_logical[j]) == j
        drawn = set(line.visual_to_logical)
        for logical in range(line.start, line.end):
            if logical not in drawn:
                assert may_be_undrawn(text[logical], options), (text[logical], line)
        if options.mode == "terminal":
            assert list(line.visual_to_logical) == sorted(line.visual_to_logical)
        else:
            check_marks_follow_their_base(text, line)
            check_ltr_tokens(text, line)
        if not options.shape or options.mode == "terminal":
            for ch, logical in zip(line.text, line.visual_to_logical, strict=True):
                assert ch == text[logical] or (options.mode == "app" and ch != text[logical]
                                               and unicodedata.mirrored(text[logical]))
        else:
            for ch, logical in zip(line.text, line.visual_to_logical, strict=True):
                src = text[logical]
                assert ch == src or unicodedata.normalize("NFKC", ch).startswith(
                    unicodedata.normalize("NFKC", src)) or unicodedata.mirrored(src), (ch, src)
    assert expected_start == len(text)
    return lines


def check_marks_follow_their_base(text: str, line: Line) -> None:
    """Rule L3: a haraka is drawn right after (to the right in the string of) its letter."""
    drawn_at = {logical: j for j, logical in enumerate(line.visual_to_logical)}
    for j, logical in enumerate(line.visual_to_logical):
        if not is_mark(text[logical]):
            continue
        base = logical - 1
        while base >= line.start and is_mark(text[base]):
            base -= 1
        if base < line.start or not text[base].isalpha():
            continue  # a mark with no letter before it on this line
        k = j - 1
        while k >= 0 and is_mark(text[line.visual_to_logical[k]]):
            k -= 1
        expected = drawn_at[base] if base in drawn_at else line.logical_to_visual(base)
        assert k >= 0 and k == expected, (
            f"mark {text[logical]!r} at {logical} not after its base {text[base]!r}: {line}"
        )


def check_ltr_tokens(text: str, line: Line) -> None:
    """Latin runs and numbers keep their left-to-right order, contiguous on screen."""
    drawn_at = {logical: j for j, logical in enumerate(line.visual_to_logical)}
    segment = text[line.start:line.end]
    for match in LTR_TOKENS.finditer(segment):
        positions = [
            drawn_at[line.start + i] for i in range(*match.span()) if line.start + i in drawn_at
        ]
        if not positions:
            continue
        assert positions == list(range(positions[0], positions[0] + len(positions))), (
            f"{match.group()!r} is not drawn left to right in {line.text!r}"
        )


def check_document(document: Document, options: LayoutOptions) -> None:
    for index in range(len(document)):
        check_paragraph(document, index, options)
    lines = document.lines(options)
    gaps = [line for line in lines if not line.text and not line.visual_to_logical]
    assert len(gaps) >= len(document) - 1


def reader_view(line: Line) -> str:
    """What the cells show, as plain letters: presentation forms and ligatures
    decomposed (NFKC), harakat left out."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKC", line.text) if not is_mark(ch)
    )
