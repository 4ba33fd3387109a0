"""Addresses laid out as left-to-right isolates: their slashes and dots never move."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import isolates
from reader.text.isolates import levels_isolating_addresses, ltr_spans, without_addresses
from reader.text.layout import LayoutOptions, layout_text

SENTENCE = (
    "نشر الموقع https://www.example.com/news/2015/08/11/ وراسلوه على info@example.org "
    "يوم 11/08/2015 الساعة 14:20 بمبلغ 1,234.50 ريال"
)
UNITS = ["https://www.example.com/news/2015/08/11/", "info@example.org", "11/08/2015",
         "14:20", "1,234.50"]


@pytest.mark.parametrize("width", [80, 50])
def test_each_unit_appears_whole_and_left_to_right(width: int) -> None:
    lines = [line.text for line in layout_text(SENTENCE, LayoutOptions(width))]
    for unit in UNITS:
        assert any(unit in line for line in lines), (unit, lines)
    assert not any("/https" in line for line in lines)


def test_a_long_url_splits_after_a_slash_and_keeps_its_order() -> None:
    lines = [line.text for line in layout_text(SENTENCE, LayoutOptions(30))]
    assert any("https://www.example.com/news/" in line for line in lines), lines
    assert any("2015/08/11/" in line for line in lines), lines
    assert not any("/https" in line for line in lines)


@pytest.mark.parametrize(("text", "found"), [
    ("اقرأ https://x.org/a_(b)) الآن", ["https://x.org/a_(b)"]),
    ("الملف /usr/share/doc/x.txt، وغيره", ["/usr/share/doc/x.txt"]),
    ("زوروا www.example.com.", ["www.example.com"]),
    ("يوم 11/08/2015 و 1/2", []),
])
def test_what_counts_as_an_address(text: str, found: list[str]) -> None:
    assert [text[a:b] for a, b in ltr_spans(text)] == found


def test_levels_are_those_of_the_text_wrapped_in_lri_pdi() -> None:
    from reader.text import bidi

    isolated = levels_isolating_addresses(SENTENCE, 1)
    spans = ltr_spans(SENTENCE)
    marked = SENTENCE
    for start, end in reversed(spans):
        marked = marked[:start] + "\u2066" + marked[start:end] + "\u2069" + marked[end:]
    reference = bidi.paragraph_levels(marked, base_level=1)
    kept = [k for k, ch in enumerate(marked) if ch not in "\u2066\u2069"]
    assert isolated.levels == bytes(reference.levels[k] for k in kept)
    assert len(isolated.levels) == len(SENTENCE) == len(isolated.classes)


def test_a_paragraph_opening_with_a_url_takes_the_direction_of_its_words() -> None:
    from reader.text.direction import base_level

    assert without_addresses("https://x.org/a مرحبا") == " مرحبا"
    assert base_level("https://x.org/a مرحبا") == 1


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab.:/\\@~+-_ wc9ق", max_size=30))
def test_text_the_address_prefilter_skips_has_no_address(text: str) -> None:
    """ltr_spans skips the whole expression on text without what every address holds."""
    if isolates._MAY_HOLD_AN_ADDRESS.search(text) is None:
        assert isolates._LTR_RUN.search(text) is None
    assert isolates.ltr_spans("9 / 482 و 11/08/2015") == []
