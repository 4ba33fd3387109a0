"""Many paragraphs laid out at once (``cat``'s path) print exactly the general pipeline's lines."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.text.layout import Document, LayoutOptions, batch
from reader.text.layout.batch import screen_lines

PIECES = [
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءةىئؤأإآ", "لا", "لأ", "لإ", "لآ", "الله", "لَا", "لًأ",
    "\u064e", "\u0651", "\u064f", "\u0650", "\u064b", "\u0652", "\u0670", "\u0640",
    " ", " ", " ", " ", "  ", "،", ".", ":", "؟", "!", "(", ")", "[", "]", "«", "»", "“", "”",
    "2015", "6.1", "1,234.50", "11/08/2015", "14:20", "%", "$", "-", "+", "/", "\\",
    "iPad mini 4", "Joe Biden,", "abc", "CNN", "\u200f", "\u200e", "\u061c", "\u00a0",
    "\u0661\u0662", "\u06f1", "\n", "\u2028", "\u202b", "\u202c", "\u2067", "\u2069",
    "\u200d", "\u200c", "\u00ad", "日本", "\t", "x" * 25, "ك" * 30, "\ufef5", "\ufe8d",
    "https://www.example.com/news/2015/08/11/", "info@example.org", "www.x.org", "/usr/bin",
    "\U0001f600", "\u05d0", "\u0300",
]
arabic_paragraph = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_paragraph = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


def general_lines(
    paragraphs: list[str], options: LayoutOptions, *, separated: bool
) -> list[str]:
    """The lines as the general pipeline gives them, as ``cat`` prints them."""
    document = Document(paragraphs, options.direction)
    if separated:
        lines = document.lines(options)
    else:
        lines = [line for index in range(len(paragraphs))
                 for line in document.paragraph_lines(index, options)]
    return [line.padded(options.width) if line.align_right and line.text else line.text
            for line in lines]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(arabic_paragraph, arabic_paragraph, any_paragraph), max_size=6),
    st.integers(2, 60),
    st.sampled_from(["keep", "strip"]),
    st.booleans(),
    st.booleans(),
)
def test_batch_equals_the_general_pipeline_on_any_text(
    paragraphs: list[str], width: int, harakat: str, rtl: bool, separated: bool
) -> None:
    options = LayoutOptions(width, harakat=harakat, direction="rtl" if rtl else "ltr")
    assert list(screen_lines(paragraphs, options, separated=separated)) == general_lines(
        paragraphs, options, separated=separated)


@pytest.mark.parametrize("width", [80, 33, 7])
def test_batch_equals_the_general_pipeline_on_the_corpus(
    corpus_paragraphs: list[str], width: int
) -> None:
    options = LayoutOptions(width)
    for start in range(0, len(corpus_paragraphs), 400):
        chunk = corpus_paragraphs[start:start + 400]
        assert list(screen_lines(chunk, options, separated=False)) == general_lines(
            chunk, options, separated=False)


def test_batch_lays_out_most_corpus_paragraphs_itself(corpus_paragraphs: list[str]) -> None:
    """The point of the batch: Arabic paragraphs, with their numbers and Latin words,
    do not go through the general pipeline one by one."""
    texts = corpus_paragraphs[:3000]
    chunk = batch._Chunk(texts)
    fast = sum(
        batch._fast_lines(text, chunk, index, 80, 1) is not None
        for index, text in enumerate(texts)
    )
    assert fast >= 0.9 * len(texts)


def test_a_paragraph_with_numbers_and_latin_is_laid_out_by_the_batch() -> None:
    texts = ["قال 12 من iPad mini 4 في (2015) «النص»، والله أعلم."]
    chunk = batch._Chunk(texts)
    lines = batch._fast_lines(texts[0], chunk, 0, 20, 1)
    assert lines is not None
    assert lines == general_lines(texts, LayoutOptions(20), separated=False)


@pytest.mark.parametrize("options", [
    LayoutOptions(40, mode="terminal"), LayoutOptions(40, harakat="strip"),
    LayoutOptions(40, shape=False), LayoutOptions(40, mode="shaped"),
])
def test_other_options_go_to_the_general_pipeline(options: LayoutOptions) -> None:
    assert not batch.batch_applies(options)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(arabic_paragraph, any_paragraph), max_size=6), st.integers(2, 60))
def test_lines_of_sanitized_text_are_not_sanitized_again(paragraphs: list[str], width: int) -> None:
    """``cat`` sanitizes a piece of text whole, then lays out its lines: telling the batch
    so (it skips sanitizing each line) changes no line."""
    from reader.text.sanitize import sanitize

    lines = [line for line in sanitize("\n".join(paragraphs)).split("\n") if line.strip()]
    options = LayoutOptions(width)
    assert list(screen_lines(lines, options, separated=False, sanitized=True)) == list(
        screen_lines(lines, options, separated=False))


latin_first_paragraph = st.tuples(
    st.sampled_from(["iPhone", "Reuters:", "The", "CNN (", "x", "NASA 2015"]),
    arabic_paragraph,
).map(" ".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(latin_first_paragraph, min_size=1, max_size=5), st.integers(2, 60),
       st.booleans())
def test_left_to_right_paragraphs_in_the_batch_equal_the_general_pipeline(
    paragraphs: list[str], width: int, rtl: bool
) -> None:
    """A paragraph whose first strong letter is Latin reads left to right: its Arabic
    stretches (with their numbers) reversed in place, each line unpadded."""
    options = LayoutOptions(width, direction="rtl" if rtl else "ltr")
    assert list(screen_lines(paragraphs, options, separated=False)) == general_lines(
        paragraphs, options, separated=False)


def test_a_left_to_right_paragraph_with_arabic_is_laid_out_by_the_batch() -> None:
    texts = ["Reuters: قال 12 من المسؤولين (في الرياض) إن iPad mini 4 وصل"]
    chunk = batch._Chunk(texts)
    for width in (80, 23, 9):
        lines = batch._fast_lines(texts[0], chunk, 0, width, 1)
        assert lines is not None
        assert lines == general_lines(texts, LayoutOptions(width), separated=False)


NUMBER_PIECES = [
    *"ابتسلمنهوي", "لا", "\u064e", "\u0651", "\u0670", " ", "  ", "،", ".", ",", ":", "/",
    "-", "+", "%", "$", "#", "(", ")", "«", "»", "؟", "0", "1", "25", "2015", "3.5",
    "1,234", "11/08/2015", "14:20", "\u066b", "\u066c", "\u060c", "\u00a0", "\u0661\u0662",
]
arabic_with_numbers = st.lists(st.sampled_from(NUMBER_PIECES), min_size=1, max_size=40).map(
    "".join)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arabic_with_numbers)
def test_arabic_number_levels_equal_the_rules(text: str) -> None:
    """The levels of a right-to-left paragraph whose numbers follow Arabic letters, read
    off its classes, are those of rules W1-I2."""
    from reader.text.bidi import classify
    from reader.text.bidi.fast import resolve_implicit

    classes = classify(text)
    if "E" not in classes or any(code in classes for code in "LRn"):
        return
    numbers = batch._arabic_numbers(classes)
    if numbers is not None:
        assert batch._levels_with_numbers(len(classes), numbers) == resolve_implicit(
            text, classes, 1)


@pytest.mark.parametrize("text", [
    "قال 12 من 3.5 في (2015)، و1,234", "ب1،2 ب1:2 ب1.2 ب1/2 ب1-2 ب1+2 ب1% ب$1",
    "في 12\u064e3 و 12\u064e.3 و12.\u064e3", "مدينة 11/08/2015 الساعة 14:20",
])
def test_numbers_in_arabic_text_skip_the_rules(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The common paragraph with numbers is laid out without rules W1-I2 (the digits
    after Arabic letters are Arabic numbers), and a line that starts and ends at spaces
    is a slice of the paragraph's visual order (at width 5 some numbers are cut: those
    lines go by their levels); the lines are the rules' lines."""
    from reader.text.bidi import classify

    assert batch._arabic_numbers(classify(text)) is not None
    expected = {width: general_lines([text], LayoutOptions(width), separated=False)
                for width in (80, 13, 5)}

    def refuse(*_args: object) -> bytes:
        raise AssertionError("rules W1-I2 asked")

    monkeypatch.setattr(batch, "resolve_implicit", refuse)
    for width, lines in expected.items():
        assert list(screen_lines([text], LayoutOptions(width), separated=False)) == lines

    def no_runs(*_args: object) -> str:
        raise AssertionError("line laid out run by run")

    monkeypatch.setattr(batch, "_two_level_line", no_runs)
    for width in (80, 13):
        assert list(screen_lines([text], LayoutOptions(width), separated=False)) == (
            expected[width])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(arabic_with_numbers, min_size=1, max_size=6), st.integers(2, 60))
def test_arabic_paragraphs_with_numbers_equal_the_general_pipeline(
    paragraphs: list[str], width: int
) -> None:
    options = LayoutOptions(width)
    assert list(screen_lines(paragraphs, options, separated=False)) == general_lines(
        paragraphs, options, separated=False)


LATIN_PIECES = [*NUMBER_PIECES, "iPad", "mini 4", " CNN ", "Joe Biden,", "(AFP)", "x", "[1]",
                "\u2003", "e-mail", "3D"]
arabic_with_latin = st.lists(st.sampled_from(LATIN_PIECES), min_size=1, max_size=40).map(
    "".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(arabic_with_latin, min_size=1, max_size=6), st.integers(2, 60))
def test_arabic_paragraphs_with_latin_equal_the_general_pipeline(
    paragraphs: list[str], width: int
) -> None:
    options = LayoutOptions(width)
    assert list(screen_lines(paragraphs, options, separated=False)) == general_lines(
        paragraphs, options, separated=False)



@pytest.mark.parametrize("text", [
    "\u05d0\u05d1 abc 12 قال", "12 \u05d0 x", "abc \u05d0 قال", "قال abc", "12 ,.", "abc",
    "\u064e abc قال", "(\u05d0) [x]",
])
@pytest.mark.parametrize("direction", ["rtl", "ltr"])
def test_the_first_strong_letter_gives_the_direction(text: str, direction: str) -> None:
    """Hebrew (R) before a Latin letter makes a right-to-left paragraph as Arabic (AL)
    does; without a strong letter the document's direction decides."""
    for width in (80, 5):
        options = LayoutOptions(width, direction=direction)
        assert list(screen_lines([text], options, separated=False)) == general_lines(
            [text], options, separated=False)
