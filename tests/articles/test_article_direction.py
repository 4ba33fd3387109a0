"""An article's direction: paragraphs vote with their first strong letter, weighted by length."""

from __future__ import annotations

import pytest

from reader.articles.direction import (
    direction_from_attributes,
    paragraph_direction,
    text_direction,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مرحبا", "rtl"),
        ("2021 - iPad mini 4 جديد", "ltr"),
        ("2021 - جهاز iPad", "rtl"),
        ("שלום", "rtl"),  # Hebrew: class R
        ("ދިވެހި", "rtl"),  # Thaana
        ("«(1234)» ...", None),
        ("\u200fabc", "rtl"),  # RLM is strong R for the bidi algorithm (rule P2), so here too
        ("Ébène", "ltr"),
    ],
)
def test_paragraph_direction(text: str, expected: str | None) -> None:
    assert paragraph_direction(text) == expected


def test_article_direction_votes_by_paragraph_length() -> None:
    arabic = "نص عربي طويل " * 10
    english = "short English"
    assert text_direction([english, arabic]) == "rtl"
    assert text_direction(["A long English paragraph " * 10, "عربي"]) == "ltr"
    # Leaked CSS inside an Arabic paragraph does not flip it.
    assert text_direction([arabic + " #vote ul { padding: 0; margin: 0; } " * 20]) == "rtl"
    assert text_direction([]) == "rtl"  # no letters: the reader's default
    assert text_direction(["123", "..."]) == "rtl"


@pytest.mark.parametrize(
    ("dir_attr", "lang", "expected"),
    [
        ("rtl", None, "rtl"),
        ("LTR", "ar", "ltr"),
        ("auto", "ar", "rtl"),
        (None, "ar-SA", "rtl"),
        (None, "fa_IR", "rtl"),
        (None, "en-US", "ltr"),
        (None, None, None),
        ("", "", None),
    ],
)
def test_direction_from_attributes(dir_attr, lang, expected) -> None:
    assert direction_from_attributes(dir_attr, lang) == expected
