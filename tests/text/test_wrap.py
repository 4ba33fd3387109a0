"""Wrapping by cell width: at spaces, never between a letter and its harakat."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.text.wrap import (
    cell_codes,
    clusters,
    one_line,
    text_cells,
    word_table,
    wrap,
    wrap_reference,
    wrap_table,
)


def pieces(text: str, width: int) -> list[str]:
    spans = wrap(text, width)
    for a, b, cells in spans:
        assert cells == cell_len(text[a:b])
    return [text[a:b] for a, b, _ in spans]


def test_breaks_at_spaces_and_hangs_the_break_spaces() -> None:
    assert pieces("aaa bbb ccc", 7) == ["aaa bbb", "ccc"]
    assert pieces("aaa   bbb ccc", 9) == ["aaa   bbb", "ccc"]


def test_leading_and_trailing_spaces_are_not_content() -> None:
    assert pieces("  aa  ", 10) == ["aa"]
    assert wrap("", 10) == [(0, 0, 0)]
    assert wrap("   ", 10) == [(0, 0, 0)]


def test_harakat_take_no_cells() -> None:
    # 6 letters + 6 harakat = 6 cells: fits exactly in 6.
    word = "عُقِدَكُتِبَ"
    assert len(word) == 12
    assert text_cells(word) == 6
    assert pieces(word + " ب", 6) == [word, "ب"]


def test_long_word_is_cut_between_clusters_only() -> None:
    word = "مُحَمَّدٌ" * 3  # 12 letters, each with harakat
    lines = pieces(word, 5)
    assert "".join(lines) == word
    for line in lines:
        assert cell_len(line) <= 5
        assert line[0] not in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def test_wide_characters() -> None:
    assert pieces("日本語 日本", 6) == ["日本語", "日本"]
    assert pieces("日本語日本", 3) == ["日", "本", "語", "日", "本"]


def test_zwj_is_refused_rather_than_mismeasured() -> None:
    with pytest.raises(ValueError):
        text_cells("a\u200db")


def test_width_below_two_is_refused() -> None:
    with pytest.raises(ValueError):
        wrap("abc", 1)


def test_clusters_keep_marks_with_their_base() -> None:
    assert clusters("بَت") == [0, 2]


words = st.lists(
    st.sampled_from(["a", "bb", "مُحَمَّدٌ", "عُقِدَ", "日本", "x" * 30, "ﻻ", "2015", "(أي", "❤\ufe0f"]),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(words, st.lists(st.sampled_from([" ", "  "]), min_size=25, max_size=25),
       st.integers(2, 40))
def test_lines_fit_and_keep_all_words_in_order(ws: list[str], gaps: list[str], width: int) -> None:
    text = "".join(w + g for w, g in zip(ws, gaps, strict=False))
    spans = wrap(text, width)
    previous_end = 0
    for a, b, cells in spans:
        assert previous_end <= a <= b
        assert cell_len(text[a:b]) == cells <= width
        previous_end = b
    # Only spaces are lost at line edges; every other char is in exactly one line.
    content = "".join(text[a:b] for a, b, _ in spans)
    assert content.replace(" ", "") == text.replace(" ", "")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab \u064e\u4e2d\u0651", max_size=60), st.integers(2, 12))
def test_bisection_over_the_word_table_equals_word_by_word(text: str, width: int) -> None:
    assert wrap(text, width) == wrap_reference(text, width)
    table = word_table(text)
    for other in (width, width + 3, 2):  # one table serves every width
        assert wrap_table(table, other) == wrap_reference(text, other)


def test_bisection_equals_word_by_word_on_the_corpus(corpus_paragraphs: list[str]) -> None:
    for width in (2, 9, 37, 80):
        assert [wrap(p, width) for p in corpus_paragraphs] == [
            wrap_reference(p, width) for p in corpus_paragraphs
        ]


def _measured_word_by_word(text: str) -> tuple[object, ...]:
    """The word table of ``text`` with each word measured by text_cells on its own."""
    table = word_table(text, lambda word: text_cells(word))
    return table.starts, table.ends, table.cell_starts, table.cell_ends


_CELL_ALPHABET = st.characters(exclude_characters="\u200d", codec="utf-8")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(
    st.text(alphabet="ab \u064e\u0651\u4e2d\u200b\u00ad\ufe0f\ufefb\u0627\t", max_size=20),
    st.text(alphabet=_CELL_ALPHABET, max_size=10),
), max_size=6))
def test_word_table_measured_at_once_equals_word_by_word(parts: list[str]) -> None:
    text = " ".join(parts)
    table = word_table(text)
    assert (table.starts, table.ends, table.cell_starts, table.cell_ends) == (
        _measured_word_by_word(text)
    )


def test_word_table_measured_at_once_equals_word_by_word_on_the_corpus(
    corpus_paragraphs: list[str],
) -> None:
    for paragraph in corpus_paragraphs:
        table = word_table(paragraph)
        assert (table.starts, table.ends, table.cell_starts, table.cell_ends) == (
            _measured_word_by_word(paragraph)
        )


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(
    st.text(alphabet="ab .،(\u064e\u0651\u4e2d\u200b\u00ad\ufe0f\ufefb\u0627\t", max_size=20),
    st.text(alphabet=_CELL_ALPHABET, max_size=10),
), max_size=6), st.integers(2, 40))
def test_one_line_is_the_wrapped_line_when_it_answers(parts: list[str], width: int) -> None:
    text = " ".join(parts)
    only = one_line(text, cell_codes(text), width)
    if only is not None:
        assert [only] == wrap(text, width)


def test_one_line_answers_for_a_short_paragraph_and_not_for_a_long_one() -> None:
    text = "  قال 12 من iPad  "
    assert one_line(text, cell_codes(text), 80) == wrap(text, 80)[0] == (2, 16, 14)
    assert one_line(text, cell_codes(text), 10) is None
    assert one_line("   ", cell_codes("   "), 10) == (0, 0, 0)
    assert one_line("中文", cell_codes("中文"), 10) is None  # wide: measured by the table


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="ab    .ب\u064e\u0651\u0670中", max_size=60), st.integers(2, 12))
def test_wrapping_narrow_text_by_rfind_equals_the_word_table(text: str, width: int) -> None:
    """Text of one-cell and zero-cell characters (vocalised Arabic) is wrapped a line at a
    time by ``rfind``, with the word table's lines."""
    from reader.text import wrap as wrapping

    cells = wrapping.narrow_cells(cell_codes(text))
    found = None if cells is None else wrapping._wrap_narrow_text(text, width, cells)
    if found is not None:
        assert found == wrap_table(word_table(text, rules=False), width)
    if text.strip() and "中" not in text and " " in text and max(
            map(text_cells, text.split())) <= width:
        assert found is not None  # the text it is for, harakat and all


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="بكل\u064e\u064e\u0651\u0650\u0652", min_size=1, max_size=14),
                max_size=40).map(" ".join), st.integers(2, 45))
def test_wrapping_heavily_vocalised_text_by_rfind_equals_the_word_table(
    text: str, width: int
) -> None:
    """Long lines of text where a haraka follows most letters: the guess at where a line
    ends is off by many characters, and must be moved to the exact cell."""
    from reader.text import wrap as wrapping

    cells = wrapping.narrow_cells(cell_codes(text))
    assert cells is not None
    found = wrapping._wrap_narrow_text(text, width, cells)
    expected = wrap_table(word_table(text, rules=False), width)
    if found is not None:
        assert found == expected
    elif " " in text:  # only a word wider than the line is left to the table
        assert any(text_cells(word) > width for word in text.split())


def test_wrapping_vocalised_text_by_rfind_counts_no_cell_for_a_haraka() -> None:
    from reader.text import wrap as wrapping

    text = "كَتَبَ الوَلَدُ دَرْسَهُ"  # words of 3, 5 and 4 cells; 10 harakat
    cells = wrapping.narrow_cells(cell_codes(text))
    assert cells is not None
    assert wrapping._wrap_narrow_text(text, 10, cells) == [(0, 15, 9), (16, 24, 4)]
    assert wrapping._wrap_narrow_text(text, 10, cells) == wrap_table(
        word_table(text, rules=False), 10)
