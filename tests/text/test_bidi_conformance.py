"""UAX #9 conformance: all of BidiTest.txt and BidiCharacterTest.txt (Unicode 15.0.0).

The full files live in ../shared/unicode (skipped when absent); a subset copied into
tests/fixtures/unicode always runs. Each file is split into chunks so pytest-xdist spreads
them over the workers. Every case runs through the public API (fast paths where they
apply) and through the general implementation where that is a different path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from reader.text.bidi import paragraph_levels, reorder_line
from reader.text.bidi.classes import REMOVED_BY_X9
from reader.text.bidi.levels import paragraph_levels_general
from reader.text.bidi.reorder import line_levels, reorder_line_reference
from tests.conftest import FIXTURES, shared_path

# One character of each Bidi_Class, for BidiTest.txt (which lists classes, not characters).
# None of them is a bracket, as BidiTest.txt assumes.
CHAR_OF_CLASS = {
    "L": "a", "R": "\u05d0", "AL": "\u0627", "EN": "0", "ES": "+", "ET": "$", "AN": "\u0660",
    "CS": ",", "NSM": "\u0300", "BN": "\u00ad", "B": "\u2029", "S": "\t", "WS": " ",
    "ON": "!", "LRE": "\u202a", "LRO": "\u202d", "RLE": "\u202b", "RLO": "\u202e",
    "PDF": "\u202c", "LRI": "\u2066", "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069",
}
# BidiTest bitset bit -> base_level argument (auto is P2/P3 with LTR as the default).
DIRECTION_BITS = ((1, None), (2, 0), (4, 1))
# BidiCharacterTest field 1 -> base_level argument.
CHARACTER_TEST_DIRECTIONS = {"0": 0, "1": 1, "2": None}


_EXPLICIT = re.compile("[\u202a-\u202e\u2066-\u2069]")

# (text, base_level, expected levels with None for "x", expected visual order, line number)
Case = tuple[str, "int | None", tuple["int | None", ...], tuple[int, ...], int]


@lru_cache(maxsize=4)
def bidi_test_cases(path: Path) -> tuple[Case, ...]:
    """Every (line, direction) case of a BidiTest.txt file."""
    cases: list[Case] = []
    levels: tuple[int | None, ...] = ()
    order: tuple[int, ...] = ()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("@Levels:"):
                levels = tuple(None if v == "x" else int(v) for v in line[8:].split())
            elif line.startswith("@Reorder:"):
                order = tuple(int(v) for v in line[9:].split())
            elif line.startswith("@"):
                continue
            else:
                classes, bits = line.split(";")
                text = "".join(CHAR_OF_CLASS[name] for name in classes.split())
                for bit, base_level in DIRECTION_BITS:
                    if int(bits, 16) & bit:
                        cases.append((text, base_level, levels, order, number))
    return tuple(cases)


@lru_cache(maxsize=4)
def character_test_cases(path: Path) -> tuple[Case, ...]:
    """Every case of a BidiCharacterTest.txt file (its field 2, the paragraph level, is
    checked through the levels, which the tests compare in full)."""
    cases: list[Case] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            codes, direction, _paragraph_level, levels, order = line.split(";")
            text = "".join(chr(int(code, 16)) for code in codes.split())
            cases.append((
                text,
                CHARACTER_TEST_DIRECTIONS[direction],
                tuple(None if v == "x" else int(v) for v in levels.split()),
                tuple(int(v) for v in order.split()),
                number,
            ))
    return tuple(cases)


def chunk(cases: tuple[Case, ...], index: int, count: int) -> Iterator[Case]:
    """The *index*-th of *count* interleaved slices (interleaved so each mixes case kinds)."""
    return iter(cases[index::count])


def check_cases(cases: Iterator[Case]) -> tuple[int, list[str]]:
    """Run *cases* through the public API and the general implementation, and rule L1-L2.

    Each case runs through :func:`paragraph_levels` (its fast path where it applies) and
    the fast line reordering; cases that took the fast path also run through the general
    resolution, and every case through the general reordering, so both paths of each step
    meet every case they can. Returns (cases run, failure descriptions).
    """
    failures: list[str] = []
    run = 0
    for text, base_level, levels, order, number in cases:
        run += 1
        para = paragraph_levels(text, base_level, default_level=0)
        paras = [para]
        if not _EXPLICIT.search(text):  # the public API used the fast path
            paras.append(paragraph_levels_general(text, base_level, default_level=0))
        for resolved in paras:
            # The files give levels after rule L1 (each case is one line).
            got_levels = tuple(
                None if resolved.classes[i] in REMOVED_BY_X9 else level
                for i, level in enumerate(line_levels(resolved, 0, len(text)))
            )
            if got_levels != levels:
                failures.append(f"line {number} base={base_level} {_describe(text)}: "
                                f"levels {got_levels} != {levels}")
        for reorder in (reorder_line, reorder_line_reference):
            got_order = tuple(reorder(para, 0, len(text), marks_after_base=False))
            if got_order != order:
                failures.append(f"line {number} base={base_level} {_describe(text)}: "
                                f"{reorder.__name__} {got_order} != {order}")
    return run, failures


def _describe(text: str) -> str:
    return " ".join(f"{ord(ch):04X}" for ch in text)


BIDI_TEST_CHUNKS = 12
CHARACTER_TEST_CHUNKS = 4


def _assert_all_pass(run: int, failures: list[str]) -> None:
    assert run > 0
    assert not failures, f"{len(failures)} of {run} cases fail:\n" + "\n".join(failures[:20])


@pytest.mark.parametrize("index", range(BIDI_TEST_CHUNKS))
def test_bidi_test_txt(index: int) -> None:
    cases = bidi_test_cases(shared_path("unicode", "BidiTest.txt"))
    _assert_all_pass(*check_cases(chunk(cases, index, BIDI_TEST_CHUNKS)))


@pytest.mark.parametrize("index", range(CHARACTER_TEST_CHUNKS))
def test_bidi_character_test_txt(index: int) -> None:
    cases = character_test_cases(shared_path("unicode", "BidiCharacterTest.txt"))
    _assert_all_pass(*check_cases(chunk(cases, index, CHARACTER_TEST_CHUNKS)))


def test_bidi_fixture_subsets() -> None:
    """The copied subsets, so a clone without ../shared still checks conformance."""
    folder = Path(FIXTURES, "unicode")
    cases = bidi_test_cases(folder / "BidiTest-subset.txt")
    assert len(cases) > 300
    _assert_all_pass(*check_cases(iter(cases)))
    cases = character_test_cases(folder / "BidiCharacterTest-subset.txt")
    assert len(cases) > 300
    _assert_all_pass(*check_cases(iter(cases)))


def test_conformance_files_are_complete() -> None:
    """The chunks above cover the published case counts (770,241 and 91,707)."""
    assert len(bidi_test_cases(shared_path("unicode", "BidiTest.txt"))) == 770_241
    assert len(character_test_cases(shared_path("unicode", "BidiCharacterTest.txt"))) == 91_707
