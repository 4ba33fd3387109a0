"""Laying a paragraph out again after an edit gives exactly what a full layout gives.

The incremental path (reader.text.relayout) splices shaping, word measures and
line breaks from the previous layout and keeps the lines an edit cannot have
changed; every test here compares it with the full layout (Document) of the
edited text: arbitrary insertions, deletions and pastes, at any position, in
Arabic, Latin and mixed text, in both modes.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.text.layout import Document, LayoutOptions
from reader.text.relayout import lay_out_paragraph, relayout_paragraph
from reader.text.wrap import splice_word_table, word_table, wrap_steps, wrap_table
from tests.text.test_layout import arabic_heavy

pytest.importorskip("reader.text.bidi")

#: Pieces of text an edit inserts: letters, harakat, lam-alef (typed or as a ready
#: glyph), digits, Latin, brackets, spaces, bidi controls, joiners, wide chars.
PIECES = [
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءةىئؤأإآ", "لا", "لأ", "الله", "لَا", "\u064e", "\u0651",
    "\u064f", "\u0640", " ", " ", " ", "  ", "،", ".", "(", ")", "[", "]", "«", "»", "2015",
    "6.1", "iPad mini 4", "Joe Biden,", "abc", "-", "$", "%", "\u200f", "\u200e", "\u00a0",
    "\u0661\u0662", "\u202b", "\u202c", "\u2067", "\u2069", "\u200d", "\u200c", "日本", "\t",
    "x" * 25, "\x1b", "[2J", "\r", "\n", "\u0300", "e\u0301", "\ufefb", "\ufe8d",
]
piece_text = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
options = st.builds(
    LayoutOptions,
    width=st.integers(2, 30),
    mode=st.sampled_from(["app", "terminal"]),
    harakat=st.sampled_from(["keep", "strip"]),
    shape=st.booleans(),
    direction=st.sampled_from(["rtl", "ltr"]),
)


def full_layout(text: str, opts: LayoutOptions) -> list:
    return Document([text], opts.direction).paragraph_lines(0, opts)


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[float, float, str, list[bool]]]:
    """Edits as (where, how much to replace, what to insert, which lines to draw after)."""
    return draw(st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from([0, 0, 0, 1, 2, 5, 40]), piece_text,
                  st.lists(st.booleans(), max_size=12)),
        min_size=1, max_size=6,
    ))


def apply(text: str, where: float, length: int, insert: str) -> str:
    start = round(where * len(text))
    return text[:start] + insert + text[start + length:]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(arabic_heavy, piece_text), options, edits())
def test_any_edits_give_the_full_layout(text: str, opts: LayoutOptions, steps: list) -> None:
    layout = lay_out_paragraph(text, opts)
    for where, length, insert, drawn in steps:
        for number, draw in zip(range(len(layout)), drawn, strict=False):
            if draw:  # lines an editor drew are the ones a later edit may keep
                layout.line(number)
        text = apply(layout.text, where, length, insert)
        layout = relayout_paragraph(layout, text)
    assert layout.lines == full_layout(text, opts)
    assert [layout.bounds(n) for n in range(len(layout))] == [
        (line.start, line.end) for line in layout.lines
    ]


def test_typing_through_a_long_paragraph_of_the_corpus(corpus_paragraphs: list[str]) -> None:
    """Typing, deleting and pasting at random places in the longest real paragraphs,
    every line drawn at every step (so every kept line is checked), both modes."""
    rng = random.Random(7)
    longest = sorted(corpus_paragraphs, key=len)[-6:]
    for number, paragraph in enumerate(longest):
        opts = LayoutOptions(37 + number * 7, mode="terminal" if number % 3 == 2 else "app")
        layout = lay_out_paragraph(paragraph, opts)
        text = layout.text
        for _ in range(12):
            start = rng.randrange(len(text) + 1)
            insert = rng.choice(["ب", " ", "a", "لا", "(", "2", "", paragraph[:80]])
            text = text[:start] + insert + text[start + rng.choice([0, 0, 1, 6]):]
            layout = relayout_paragraph(layout, text)
            assert layout.lines == full_layout(text, opts)


def test_a_keystroke_keeps_the_lines_an_editor_drew() -> None:
    """One letter typed in the middle of a long paragraph: the lines drawn before are
    kept (the ones before the edit as they were, the ones after moved), except the few
    the edit re-wrapped."""
    words = ["المملكة", "العربية", "السعودية", "اليوم", "اجتماعا", "مهما", "في", "الرياض"]
    text = " ".join(words[i % len(words)] for i in range(600))
    opts = LayoutOptions(60)
    layout = lay_out_paragraph(text, opts)
    drawn = layout.lines
    middle = len(text) // 2
    text = text[:middle] + "ب" + text[middle:]
    after = relayout_paragraph(layout, text)
    assert after.reused >= len(drawn) - 3 and after.built == 0
    assert after.lines == full_layout(text, opts)
    assert after.built <= 3
    kept = [a is b for a, b in zip(after._lines[:10], drawn[:10], strict=True)]
    assert all(kept)


def test_a_strong_letter_typed_relevels_lines_far_after_it() -> None:
    """Typing a Latin letter at the start of a paragraph of digits and neutrals changes
    the levels (and the visual order) of lines far from the edit: they are rebuilt."""
    text = " ".join(["(12) - 34"] * 40)
    opts = LayoutOptions(20, direction="rtl")
    layout = lay_out_paragraph("ب " + text, opts)
    layout.lines  # noqa: B018 - draw every line
    edited = relayout_paragraph(layout, "b " + text)
    assert edited.lines == full_layout("b " + text, opts)


NEUTRAL_HEAVY = st.lists(
    st.sampled_from([*"ab بت 12 ٣٤ ()[]{} .,-+$%#:/", "\u0651", "\u064e", "\u0300", "\u00a0",
                     "\t", "«", "»", "1.5", "\u202b", "\u2067", "\u2069", "\u200d"]),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEUTRAL_HEAVY, st.sampled_from(["rtl", "ltr"]),
       st.lists(st.tuples(st.floats(0, 1), st.sampled_from([0, 0, 1, 3]), NEUTRAL_HEAVY),
                min_size=1, max_size=6))
@example("", "rtl", [(0.0, 0, "a/"), (0.0, 0, "/")])  # the edit makes a path
def test_levels_resolved_around_an_edit_equal_the_whole_paragraphs(
    text: str, direction: str, steps: list
) -> None:
    """Digits, separators, brackets and marks between few strong letters: where the
    levels of a window around the edit are resolved alone (and where they must not be),
    the result equals resolving the whole paragraph, as a fresh layout does (addresses
    and paths isolated: an edit can turn ``a/`` into the path ``/a/``)."""
    from reader.text.isolates import levels_isolating_addresses

    layout = lay_out_paragraph(text, LayoutOptions(12, direction=direction))
    for where, length, insert in steps:
        layout = relayout_paragraph(layout, apply(layout.text, where, length, insert))
        assert layout._prepared.levels.levels == levels_isolating_addresses(
            layout.text, layout.base).levels


def test_the_same_text_gives_the_same_layout_object() -> None:
    layout = lay_out_paragraph("نص قصير", LayoutOptions(10))
    assert relayout_paragraph(layout, "نص قصير") is layout


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \u064e\u4e2d\u0651", max_size=60), st.integers(0, 60),
       st.integers(0, 60), st.text(alphabet="ab \u064e\u4e2d", max_size=10))
def test_spliced_word_table_equals_a_new_one(text: str, i: int, j: int, insert: str) -> None:
    start = text.rfind(" ", 0, min(i, len(text))) + 1
    end = text.find(" ", max(start, min(j, len(text))))
    end = len(text) if end < 0 else end
    new = text[:start] + insert + text[end:]
    spliced = splice_word_table(word_table(text), new, start, end)
    assert spliced == word_table(new)
    for width in (2, 5, 11):
        assert [line for step, _ in wrap_steps(spliced, width, 0) for line in step] == (
            [] if not spliced.starts else wrap_table(spliced, width)
        )


def test_splicing_inside_a_word_is_refused() -> None:
    with pytest.raises(ValueError):
        splice_word_table(word_table("abc def"), "abXc def", 1, 3)
