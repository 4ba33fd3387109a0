"""What a reader of Arabic sees: paragraph direction, L1, L3 with harakat, removed controls."""

from __future__ import annotations

import pytest

from reader.text.bidi import paragraph_levels, reorder_line


def visual(text: str, start: int = 0, end: int | None = None, **options: object) -> str:
    para = paragraph_levels(text)
    end = len(text) if end is None else end
    return "".join(text[i] for i in reorder_line(para, start, end, **options))


def test_paragraph_direction_from_first_strong_letter_and_default() -> None:
    assert paragraph_levels("Barack Obama قال").base_level == 0
    assert paragraph_levels("قال Barack Obama").base_level == 1
    assert paragraph_levels("2015.").base_level == 1  # no strong letter: the default
    assert paragraph_levels("2015.", default_level=0).base_level == 0
    assert paragraph_levels("\u2067abc\u2069 \u0628").base_level == 1  # isolates skipped
    assert paragraph_levels("", default_level=1).levels == b""


def test_line_of_a_paragraph_keeps_the_paragraph_direction() -> None:
    text = "قال الرئيس Barack Obama اليوم"
    para = paragraph_levels(text)
    start = text.index("Barack")
    line = "".join(text[i] for i in reorder_line(para, start, len(text)))
    # Right to left even though the line starts with Latin: the Arabic word on the left.
    assert line == "مويلا Barack Obama"


def test_marks_follow_their_base_in_right_to_left_text() -> None:
    text = "عُمَر"
    assert visual(text) == "رمَعُ"
    assert visual(text, marks_after_base=False) == "رَمُع"


def test_marks_after_base_across_a_line_boundary_and_shadda_pairs() -> None:
    text = "مُحَمَّدٌ رَسُولُ"
    para = paragraph_levels(text)
    space = text.index(" ")
    first = "".join(text[i] for i in reorder_line(para, 0, space + 1))
    assert first == " " + "دٌ" + "مَّ" + "حَ" + "مُ"


def test_trailing_whitespace_takes_the_paragraph_level() -> None:
    text = "abc  "
    para = paragraph_levels(text, 1)
    assert reorder_line(para, 0, len(text)) == [4, 3, 0, 1, 2]


def test_bidi_controls_are_dropped_from_the_visual_order() -> None:
    text = "\u202bab\u202c\u200fج"
    para = paragraph_levels(text)
    order = reorder_line(para, 0, len(text))
    assert 0 not in order and 3 not in order
    assert sorted(order) == [1, 2, 4, 5]


def test_brackets_resolve_with_their_content() -> None:
    # N0: brackets around Latin text in Arabic take the paragraph direction (they are
    # mirrored when drawn, rule L4), the Latin text inside stays left to right.
    text = "قال (Reuters) أمس"
    assert visual(text) == "سمأ )Reuters( لاق"


@pytest.mark.parametrize("bad", [(-1, 2), (0, 99), (3, 2)])
def test_line_range_outside_the_paragraph_is_an_error(bad: tuple[int, int]) -> None:
    para = paragraph_levels("abc")
    with pytest.raises(ValueError):
        reorder_line(para, *bad)


def test_base_level_must_be_a_direction() -> None:
    with pytest.raises(ValueError):
        paragraph_levels("abc", base_level=2)
