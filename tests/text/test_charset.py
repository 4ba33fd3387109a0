"""Regex character sets as ranges match exactly their characters."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.charset import character_set


@settings(max_examples=300, deadline=None)
@given(st.sets(st.integers(0, 0x2FFF).filter(lambda c: not 0xD800 <= c <= 0xDFFF), max_size=60))
def test_a_character_set_of_ranges_matches_exactly_its_characters(code_points: set[int]) -> None:
    if not code_points:
        return
    pattern = re.compile(character_set(code_points))
    near = {c + d for c in code_points for d in (-1, 0, 1) if 0 <= c + d <= 0x2FFF}
    assert {c for c in near if pattern.fullmatch(chr(c))} == code_points
