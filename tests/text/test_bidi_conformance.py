"""UAX #9 conformance: all of BidiTest.txt and BidiCharacterTest.txt (Unicode 15.0.0).

The full files live in ../shared/unicode (skipped when absent); a subset copied into
tests/fixtures/unicode always runs. Each file is split into chunks so pytest-xdist spreads
them over the workers. Every case runs through the public API (fast paths where they
apply) and through the general implementation where that is a different path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, shared_path
from tests.text.bidi_conformance import bidi_test_cases, character_test_cases, check_cases, chunk

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
