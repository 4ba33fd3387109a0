"""Base direction of a paragraph (P2/P3 with the document's default)."""

from __future__ import annotations

import pytest

from reader.text.direction import base_level, is_rtl_direction


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("مرحبا world", 1, 1),
        ("Barack Obama قال", 1, 0),
        ("2015. باراك", 0, 1),  # digits and punctuation are not strong
        ("2015", 1, 1),  # no strong letter: the document's direction
        ("2015", 0, 0),
        ("", 1, 1),
        ("\u2067abc\u2069 نص", 0, 1),  # text inside an isolate is skipped
        ("\u2067abc", 1, 1),  # unterminated isolate: no strong char outside it
        ("\u202aabc", 1, 0),  # an embedding is not skipped (P2 only skips isolates)
        ("\u200fabc", 0, 1),  # RLM is a strong R character
    ],
)
def test_base_level(text: str, default: int, expected: int) -> None:
    assert base_level(text, default) == expected


def test_direction_names() -> None:
    assert is_rtl_direction("rtl") and not is_rtl_direction("ltr")
    with pytest.raises(ValueError):
        is_rtl_direction("auto")


def test_letters_new_in_unicode_15_decide_like_the_engine() -> None:
    """Python 3.11's unicodedata (Unicode 14) gives no class to a Kawi letter (new in
    15.0); the paragraph direction reads the engine's 15.0 table, as the levels do."""
    from reader.articles.direction import paragraph_direction
    from reader.text import bidi
    from reader.text.direction import base_level

    kawi = "\U00011f04 مرحبا"
    assert base_level(kawi) == 0 == bidi.paragraph_levels(kawi).base_level
    assert paragraph_direction(kawi) == "ltr"
