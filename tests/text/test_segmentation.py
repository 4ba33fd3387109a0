"""Grapheme clusters (UAX #29) and line breaking (UAX #14) against Unicode's own files.

Every case of GraphemeBreakTest.txt and LineBreakTest.txt (Unicode 15.0.0) runs; the
per-word shortcuts wrapping takes are held equal to the rules as written.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.breaks.graphemes import (
    cluster_starts,
    next_boundary,
    previous_boundary,
)
from reader.text.breaks.lines import break_opportunities
from reader.text.breaks.words import paragraph_breaks
from reader.text.isolates import ltr_spans
from reader.text.wrap import (
    cell_codes,
    text_cells,
    word_table,
    wrap,
    wrap_asking_at_breaks,
    wrap_reference,
    wrap_table,
)
from tests.conftest import REPO_ROOT, shared_path


def _cases(path: Path) -> list[tuple[str, list[int]]]:
    """(text, offsets with a boundary before them) of each line of a Unicode test file."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        text = "".join(chr(int(f, 16)) for f in fields[1::2])
        marks = fields[0::2]
        cases.append((text, [i for i, mark in enumerate(marks) if mark == "÷"]))
    return cases


def test_grapheme_break_test_passes_completely() -> None:
    cases = _cases(shared_path("unicode", "GraphemeBreakTest.txt"))
    assert len(cases) == 602
    failures = []
    for text, boundaries in cases:
        expected = [b for b in boundaries if b < len(text)]
        walked = [0]
        while walked[-1] < len(text):
            walked.append(next_boundary(text, walked[-1]))
        backwards = [len(text)]
        while backwards[-1] > 0:
            backwards.append(previous_boundary(text, backwards[-1]))
        if not (cluster_starts(text) == expected == walked[:-1] == backwards[:0:-1]):
            failures.append(text)
    assert failures == []


def test_line_break_test_passes_completely() -> None:
    cases = _cases(shared_path("unicode", "LineBreakTest.txt"))
    assert len(cases) == 7654
    failures = [
        text for text, breaks in cases
        if break_opportunities(text) != [b for b in breaks if 0 < b < len(text)]
    ]
    assert failures == []


def test_the_committed_tables_are_what_the_generator_makes() -> None:
    shared = shared_path("unicode")
    ucd = Path("/usr/share/unicode")
    if not (ucd / "emoji" / "emoji-data.txt").exists():
        pytest.skip("Debian's unicode-data (15.0) is not installed")
    made = subprocess.run(
        [sys.executable, "-m", "reader.text.breaks.generate_tables", str(shared), str(ucd)],
        capture_output=True, text=True, check=True, cwd=REPO_ROOT,
    ).stdout
    committed = (REPO_ROOT / "reader" / "text" / "breaks" / "_tables.py").read_text("utf-8")
    assert made == committed


def test_a_letter_keeps_its_harakat_and_a_lam_alef_its_marks() -> None:
    assert cluster_starts("بَّت") == [0, 3]
    assert cluster_starts("\ufefbً") == [0]
    assert cluster_starts("🇸🇦🇪🇬") == [0, 2]


_ALPHABET = list(
    "ab ( ) « » . ، ! - / } { 1 2 ؟ ‑ — \u200b \u064e \u3001 \u3008 \u2060 \u00a0 ' \" "
    ": % $ ? ٫ ‐ \t x ب \u0644\u0627"
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join))
def test_per_word_answers_equal_the_rules(text: str) -> None:
    if ltr_spans(text):  # addresses carry the tailoring on top of the rules
        return
    assert paragraph_breaks(text) == break_opportunities(text)


def test_per_word_answers_equal_the_rules_on_the_corpus(corpus_paragraphs: list[str]) -> None:
    checked = [p for p in corpus_paragraphs if not ltr_spans(p)]
    assert len(checked) > 1000
    assert [paragraph_breaks(p) for p in checked] == [break_opportunities(p) for p in checked]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join), st.integers(2, 20))
def test_the_word_table_wraps_like_the_opportunities(text: str, width: int) -> None:
    text = text.replace("\u200d", "")
    assert wrap(text, width) == wrap_reference(text, width)
    assert wrap_table(word_table(text), width + 7) == wrap_reference(text, width + 7)


_WORDS = [*_ALPHABET, "  ", "word", "كَلِمَةٌ", "x" * 12, "https://www.example.com/a/b/c",
          "11/08/2015", "a-b-c", "(“x”)", "\u200d", " ، ", " . ", "كلمة ، "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40).map("".join), st.integers(2, 20),
       st.booleans())
def test_wrapping_asking_only_at_breaks_equals_the_rules(
    text: str, width: int, with_codes: bool
) -> None:
    """Wrapping at spaces with UAX #14 asked at the breaks it chooses (cat's way) gives
    the rules' lines, however often it must fall back to them."""
    text = text.replace("\u200d", "")
    codes = cell_codes(text) if with_codes else None
    assert wrap_asking_at_breaks(text, width, codes) == wrap(text, width)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, "كلمة", "كلمة", "word", " ، ", " : ", "“", "”"]),
                min_size=30, max_size=200).map("".join), st.integers(8, 40))
def test_wrapping_with_many_refused_breaks_equals_the_rules(text: str, width: int) -> None:
    """Long paragraphs with many breaks the rules refuse (a lone comma after a space, a
    closing bracket): each is repaired by one line of the rules, up to the limit, then
    the rest is wrapped by them whole."""
    text = text.replace("\u200d", "")
    assert wrap_asking_at_breaks(text, width, cell_codes(text)) == wrap(text, width)


def test_a_refused_break_moves_back_without_a_word_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A lone "،" after a space cannot start a line (UAX #14 LB13): the line before it
    ends a word earlier, found by walking back over the words beside the break, and
    wrapping at spaces goes on from there; no word table is built for any of it."""
    from reader.text import wrap as wrapping

    text = "قال الوزير في المؤتمر ، إن الاجتماع عقد اليوم في الرياض بحضور الوفود كلها"
    width = text.index(" ،")  # the comma would start the second line
    expected = wrap(text, width)
    assert expected[0][1] < text.index(" ،") - 1  # the rules end the line a word earlier
    monkeypatch.setattr(wrapping, "word_table", lambda *_, **__: pytest.fail("a word table"))
    assert wrap_asking_at_breaks(text, width, cell_codes(text)) == expected


def _fits_and_equals_the_rules(text: str, width: int) -> None:
    found = wrap_asking_at_breaks(text, width, cell_codes(text))
    assert found == wrap(text, width)
    assert all(cells <= width and text_cells(text[a:b]) == cells for a, b, cells in found)


@pytest.mark.parametrize(
    "text",
    [
        # a lone "(" after a closing quotation mark and a space: the match of the
        # quotation mark takes in the bracket, which must still be seen ending its word
        # (LB14: no break after it)
        "aaa bb” ( cc dd ee ff",
        "قال «الوزير» ( في المؤتمر ) إن الاجتماع عقد",
        # a refused break with no earlier break allowed in the line: the rules cut the
        # line's first stretch their own way
        "الاستراتيجيات ، والسياسات ، والخطط",
        "( الاستراتيجيات ) والسياسات",
        # the line's end falls inside a number: it stays whole
        "بلغ المبلغ 1,234.50 ريالا يوم 11/08/2015 الساعة 14:20 مساء",
        # an opportunity inside the word after the break (after a hyphen, a slash):
        # the line ends further on than at the spaces
        "كلمة أخرى well-known-name ثم and/or بعدها كلمات",
        # an address: no opportunity inside; cut after a slash when wider than the line
        "نشر الموقع https://www.example.com/news/2015/08/11/ يوم 11/08/2015",
        # a line that starts inside a word (after a hyphen) and then meets a refused break
        "aaaa-bbbb-cccc-dddd ، eeee ، ffff-gggg ) hhhh",
        # harakat around the breaks (zero-width cells before the line's limit)
        "كَتَبَ الوَلَدُ ، دَرْسَهُ ( فِي ) البَيْتِ : ثُمَّ نَامَ",
    ],
)
def test_breaks_in_question_move_where_the_rules_put_them(text: str) -> None:
    for width in range(2, len(text) + 2):
        _fits_and_equals_the_rules(text, width)


_QUESTIONS = ["كلمة", "كَلِمَةٌ", "word", " ", " ", " ", "  ", " ، ", " : ", " . ", " ( ",
              " ) ", "(", ")", "«", "»", "“", "”", "” (", "؟", "!", "-", "a-b", "/", "1,234.50",
              "11/08/2015", "14:20", "x" * 11, "\u064e", "\u0651", "؛", "%", "$", "\u200b"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_QUESTIONS), min_size=5, max_size=120).map("".join),
       st.integers(2, 40))
def test_wrapping_at_spaces_with_questions_equals_the_rules(text: str, width: int) -> None:
    """Punctuation alone between spaces, brackets, quotation marks, numbers, hyphens and
    harakat next to the breaks wrapping at spaces chooses: each break the rules refuse or
    move gives their line, no line is wider than asked, and the rules' word table is the
    same as their plain statement."""
    _fits_and_equals_the_rules(text, width)
    if not ltr_spans(text):
        assert wrap(text, width) == wrap_reference(text, width)


@pytest.mark.parametrize("width", [80, 37, 12])
def test_wrapping_asking_only_at_breaks_equals_the_rules_on_the_corpus(
    corpus_paragraphs: list[str], width: int
) -> None:
    for paragraph in corpus_paragraphs:
        paragraph = paragraph.replace("\u200d", "")
        assert wrap_asking_at_breaks(paragraph, width, cell_codes(paragraph)) == wrap(
            paragraph, width)


def _lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b, _ in wrap(text, width)]


SENTENCE = (
    "نشر الموقع https://www.example.com/news/2015/08/11/ وراسلوه على info@example.org "
    "يوم 11/08/2015 الساعة 14:20 بمبلغ 1,234.50 ريال"
)


@pytest.mark.parametrize("width", [80, 50, 30, 20, 12, 8])
def test_numbers_never_break(width: int) -> None:
    joined = " ".join(_lines(SENTENCE, width))
    for number in ("11/08/2015", "14:20", "1,234.50"):
        assert number in joined.split(" ") or width < len(number)


@pytest.mark.parametrize("width", [80, 50])
def test_addresses_stay_whole_where_they_fit(width: int) -> None:
    lines = _lines(SENTENCE, width)
    assert any("https://www.example.com/news/2015/08/11/" in line for line in lines)
    assert any("info@example.org" in line for line in lines)


def test_a_long_url_breaks_after_a_slash() -> None:
    lines = _lines(SENTENCE, 30)
    assert "https://www.example.com/news/" in lines
    assert any(line.startswith("2015/08/11/") for line in lines)


def test_closing_punctuation_never_starts_a_line() -> None:
    text = "كلمة ، كلمة : كلمة ) كلمة ؟"
    for width in range(6, 14):  # (narrower, "كلمة ،" is cut as a last resort)
        for line in _lines(text, width):
            assert line[0] not in "،:)؟"


def test_an_opening_bracket_stays_with_the_word_after_it() -> None:
    text = "كلمة كلمة ( كلمة"
    assert _lines(text, 11) == ["كلمة كلمة", "( كلمة"]  # LB14: no break after "( "
