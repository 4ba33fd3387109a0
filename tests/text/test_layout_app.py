"""App mode (the reader shapes and reorders): what a reader of Arabic sees."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.text.layout import Document, LayoutOptions, Line, layout_text, split_paragraphs
from tests.text.layout_checks import check_document, is_mark
from tests.text.test_layout import any_text, arabic_heavy

pytest.importorskip("reader.text.bidi")

WIDTHS = (40, 60, 80)
_LAM_ALEF = {chr(c) for c in range(0xFEF5, 0xFEFD)}
_BRACKETS = str.maketrans(dict.fromkeys("()[]{}«»<>", "|"))


def reader_view(line: Line) -> str:
    """The cells as plain letters, left to right: presentation forms decomposed,
    a lam-alef ligature as the two letters in visual order (alef, then lam on its
    right), harakat left out."""
    out = []
    for ch in line.text:
        presentation_form = "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"
        letters = unicodedata.normalize("NFKC", ch) if presentation_form else ch
        out.append(letters[::-1] if ch in _LAM_ALEF else letters)
    return "".join(ch for ch in "".join(out) if not is_mark(ch))


def line_with(lines: list[Line], paragraph: int, logical: int) -> Line:
    return next(
        line for line in lines if line.paragraph == paragraph and line.start <= logical < line.end
        and line.visual_to_logical
    )


@pytest.fixture(scope="module")
def seed_paragraphs(seed_text: str) -> list[str]:
    return split_paragraphs(seed_text)


@pytest.mark.parametrize("width", WIDTHS)
def test_seed_properties(seed_paragraphs: list[str], width: int) -> None:
    for options in (LayoutOptions(width), LayoutOptions(width, shape=False),
                    LayoutOptions(width, harakat="strip")):
        check_document(Document(seed_paragraphs), options)


@pytest.mark.parametrize("width", WIDTHS)
def test_seed_every_line_reads_right_to_left(seed_paragraphs: list[str], width: int) -> None:
    """Each line against an independent bidi implementation (python-bidi's Rust
    engine, one line at a time with the paragraph's direction), compared as the
    letters a reader sees; python-bidi does not mirror, so brackets are compared
    as "some bracket" here and checked exactly below."""
    from bidi import get_display

    lines = Document(seed_paragraphs).lines(LayoutOptions(width))
    checked = 0
    for line in lines:
        if not line.text:
            continue
        assert line.rtl and line.align_right
        logical = seed_paragraphs[line.paragraph][line.start:line.end].strip(" ")
        expected = "".join(
            ch for ch in get_display(logical, base_dir="R") if not is_mark(ch)
        )
        assert reader_view(line).translate(_BRACKETS) == expected.translate(_BRACKETS)
        assert line.padded(width).startswith(" " * (width - line.cells))
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("width", WIDTHS)
def test_seed_years_read_as_written(seed_paragraphs: list[str], width: int) -> None:
    lines = Document(seed_paragraphs).lines(LayoutOptions(width))
    for year in ("2015", "2009"):
        index = next(i for i, p in enumerate(seed_paragraphs) if f"عام {year}." in p)
        at = seed_paragraphs[index].index(f"عام {year}.")
        line = line_with(lines, index, at + 4)
        view = reader_view(line)
        # Reading from the right: عام, then the year (digits left to right), then the
        # full stop, at the left end of the paragraph's last line.
        if line.start <= at:
            assert view.startswith(f".{year} ماع"), view
        else:
            assert view.startswith(f".{year}"), view


@pytest.mark.parametrize("width", WIDTHS)
def test_seed_brackets_face_the_words_they_enclose(seed_paragraphs: list[str], width: int) -> None:
    lines = Document(seed_paragraphs).lines(LayoutOptions(width))
    index = next(i for i, p in enumerate(seed_paragraphs) if "(أي البديلة)" in p)
    opening = seed_paragraphs[index].index("(أي البديلة)")
    closing = opening + len("(أي البديلة)") - 1
    first, last = line_with(lines, index, opening), line_with(lines, index, closing)
    # The opening bracket is read first, so it sits at the phrase's right end and,
    # mirrored, is drawn as ")" (its hollow facing the words on its left); the
    # closing bracket sits at the left end, drawn as "(".
    assert first.text[first.logical_to_visual(opening)] == ")"
    assert last.text[last.logical_to_visual(closing)] == "("
    if first is last:
        assert "(ةليدبلا يأ)" in reader_view(first)
    else:  # the phrase is broken after أي: each half at its line's reading end
        assert reader_view(first).startswith("يأ)")
        assert reader_view(last).endswith("(ةليدبلا")


def test_lam_alef_with_harakat_on_either_letter() -> None:
    for word, expected in (("لَا", "\ufefb\u064e"), ("لاَ", "\ufefb\u064e"),
                           ("سَلَامٌ", "\ufee1\u064c\ufefc\u064e\ufeb3\u064e")):
        (line,) = layout_text(word, LayoutOptions(20))
        assert line.text == expected, (word, line.text)


def test_orphan_mark_is_not_taken_for_a_ligature_mark() -> None:
    # A mark with no letter before it (line start) stays at the line's reading end.
    text = "\u0300لآ\u0300"
    fast = Document([text]).lines(LayoutOptions(10))
    general = Document([text])
    general.fast_reorder = False
    assert fast == general.lines(LayoutOptions(10))
    assert fast[0].visual_to_logical == (1, 3, 0)


def test_latin_and_numbers_keep_their_order() -> None:
    text = "أعلنت أبل عن iPad mini 4 بسعر 6.1 مليون في 2015 (تقريبا)."
    (line,) = layout_text(text, LayoutOptions(80, shape=False))
    assert line.text == ".(ابيرقت) 2015 يف نويلم 6.1 رعسب iPad mini 4 نع لبأ تنلعأ"


def test_ltr_paragraph_in_app_mode_is_left_aligned() -> None:
    (line,) = layout_text("Barack Obama قال", LayoutOptions(40))
    assert not line.rtl and not line.align_right
    assert line.padded(20).startswith("Barack Obama ")


@pytest.fixture(scope="module")
def corpus_documents(corpus_texts: dict[str, str]) -> list[Document]:
    """One Document per corpus text (a 60 kB sample of the big file, for time);
    shared so that levels and shaping are computed once for these tests."""
    documents = []
    for name, text in corpus_texts.items():
        if name == "tashkeela_fadel2019_test.txt":
            text = text[:60_000]
        documents.append(Document(split_paragraphs(text)))
    return documents


CORPUS_OPTIONS = (LayoutOptions(80), LayoutOptions(37, harakat="strip"))


def test_whole_corpus_lays_out_with_the_reader_properties(
    corpus_documents: list[Document],
) -> None:
    """Every paragraph of the shared corpus and the 300 SaudiNewsNet articles."""
    for number, document in enumerate(corpus_documents):
        # every document at 80 columns; one in four also narrow with harakat stripped
        for options in CORPUS_OPTIONS[: 2 if number % 4 == 0 else 1]:
            check_document(document, options)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text | arabic_heavy, st.integers(2, 50),
       st.sampled_from(["keep", "strip"]),
       st.booleans(),
       st.booleans())
def test_app_mode_properties_on_any_text(
    text: str, width: int, harakat: str, shape: bool, rtl: bool
) -> None:
    options = LayoutOptions(width, harakat=harakat, shape=shape, direction="rtl" if rtl else "ltr")
    check_document(Document(text.split("\n"), options.direction), options)


def _general(paragraphs: list[str], direction: str = "rtl") -> Document:
    document = Document(paragraphs, direction)
    document.fast_reorder = False
    return document


def test_uniform_line_shortcut_equals_the_general_rules(
    corpus_documents: list[Document],
) -> None:
    """Lines at one level are reordered by clusters without reorder_line; same lines."""
    for number, document in enumerate(corpus_documents):
        for options in CORPUS_OPTIONS[: 2 if number % 4 == 0 else 1]:
            fast = document.lines(options)
            document.fast_reorder = False
            document._lines.clear()
            document._paragraph_lines.clear()
            try:
                assert document.lines(options) == fast
            finally:
                document.fast_reorder = True
                document._lines.clear()
                document._paragraph_lines.clear()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text | arabic_heavy, st.integers(2, 30),
       st.booleans())
def test_uniform_line_shortcut_on_any_text(text: str, width: int, rtl: bool) -> None:
    paragraphs = text.split("\n")
    direction = "rtl" if rtl else "ltr"
    options = LayoutOptions(width, direction=direction)
    assert Document(paragraphs, direction).lines(options) == _general(
        paragraphs, direction).lines(options)


def test_shaped_classes_reused_from_the_logical_text_are_the_shaped_texts(
    corpus_documents: list[Document],
) -> None:
    """Without ligatures the layout takes the shaped text's Bidi_Class codes from the
    logical text; they must be what classifying the shaped text gives."""
    from reader.text import bidi

    for document in corpus_documents[:40]:
        for options in CORPUS_OPTIONS:
            for index in range(len(document)):
                prepared = document._prepare(index, options)
                if prepared.shaped_classes is not None:
                    assert prepared.shaped_classes == bidi.classify(prepared.shaped.text)


def _visual_both_ways(document: Document, options: LayoutOptions) -> int:
    """Every mixed line of ``document`` through the map-based reordering and through the
    per-character loop; both must draw the same. Returns the number of lines compared."""
    from reader.text.layout.lines import paragraph_spans
    from reader.text.layout.order.general import visual_per_char
    from reader.text.layout.order.runs import visual_by_runs

    compared = 0
    for index in range(len(document)):
        prepared = document._prepare(index, options)
        if prepared.has_controls:
            continue  # that path is the per-character loop itself
        source = prepared.shaped.source
        spans = paragraph_spans(prepared, options.width)
        starts = [0] + [source[a] for a, _, _ in spans[1:]]
        ends = [*starts[1:], len(document.paragraphs[index])]
        for (a, b, _), start, end in zip(spans, starts, ends, strict=True):
            assert visual_by_runs(prepared, start, end, a, b) == visual_per_char(
                prepared, start, end, a, b
            ), (document.paragraphs[index], start, end)
            compared += 1
    return compared


mixed_text = st.lists(
    st.sampled_from(["لا", "لَا", "لاَ", "سَلَامٌ", "الله", "قال", "(", ")", "[", "«", "»", " ",
                     "  ", "iPad", "mini 4", "2015", "6.1", "\u0300", "\u064e", "\u0651",
                     "\u00ad", "\u200c", "日本", "x" * 12, "\u0661\u0662", ".", "،"]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_text | arabic_heavy | any_text, st.integers(2, 30),
       st.sampled_from(["keep", "strip"]), st.booleans(), st.booleans())
def test_visual_by_runs_equals_the_per_character_loop(
    text: str, width: int, harakat: str, shape: bool, rtl: bool
) -> None:
    direction = "rtl" if rtl else "ltr"
    options = LayoutOptions(width, harakat=harakat, shape=shape, direction=direction)
    _visual_both_ways(Document(text.split("\n"), direction), options)


def test_visual_by_runs_equals_the_per_character_loop_on_the_corpus(
    corpus_documents: list[Document],
) -> None:
    compared = sum(
        _visual_both_ways(document, options)
        for number, document in enumerate(corpus_documents)
        for options in CORPUS_OPTIONS[: 2 if number % 4 == 0 else 1]
    )
    assert compared > 1000


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(["a", "\u0300", "\u064e", "ب", "(", "]", "\U0001d400",
                                "\U0001f600", "\ufe0f", " "]), max_size=40))
def test_backward_text_reverses_clusters_and_mirrors(text: str) -> None:
    """The paragraph's cluster-reversed text (UTF-16 units, or UTF-32 beyond the BMP)
    against clusters reversed one by one (sanitized text has no lone surrogates)."""
    import re

    from reader.text import bidi
    from reader.text.layout.order.uniform import backward_text

    classes = bidi.classify(text)
    leading = len(classes) - len(classes.lstrip("m"))
    clusters = [text[leading:][m.start():m.end()]
                for m in re.finditer("[^m]m*", classes[leading:])]
    expected = "".join(reversed(clusters)) + text[:leading]
    assert backward_text(text, classes) == "".join(map(bidi.mirror_char, expected))


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(["a", "\u0300", "\u064e", "\u0651", "ب", "(", "]", "\n",
                                "\U0001d400", "\U0001f600", " ", "\u200d"]), max_size=60))
def test_backward_text_by_marks_equals_the_whole_text_operations(text: str) -> None:
    """Text with few marks is cluster-reversed a cluster at a time: the same text as the
    big-integer operations give, whatever the marks (runs, at the start, after a newline)."""
    from reader.text import bidi
    from reader.text.layout.order import uniform

    classes = bidi.classify(text)
    if uniform._has_removed(classes):  # (X9-removed characters: the units path only)
        return
    assert uniform._backward_by_marks(text, classes) == uniform._backward_by_units(text, classes)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["بسم الله ", "(", ")", "«", "»", "[", "!", '"', "\u2039",
                                 "\u2264", "\u0651", "x", "\U0001f600", "\u2211"]),
                max_size=80))
def test_mirroring_at_the_neutrals_equals_the_search_of_every_character(
    pieces: list[str],
) -> None:
    """Mirrored glyphs looked up only where the class codes have a neutral (ON), sparse or
    dense, give what a search of every character gives."""
    from reader.text import bidi
    from reader.text.layout.mirror import MIRRORABLE
    from reader.text.layout.order import uniform

    text = "".join(pieces)
    expected = MIRRORABLE.sub(lambda match: bidi.mirror_char(match.group()), text)
    assert uniform._mirrored_text(text, bidi.classify(text)) == expected


def test_news_text_with_few_neutrals_is_mirrored_without_a_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.text import bidi
    from reader.text.layout.order import uniform

    text = ("قال رئيس الوزراء إن الاجتماع (الثاني) عقد «اليوم» في الرياض بحضور الوفود "
            "وقال المتحدث باسم الوزارة في بيان صدر اليوم عن الاجتماعات المقبلة للجنة!") * 8
    classes = bidi.classify(text)
    assert 0 < classes.count("O") * uniform._SPARSE_NEUTRALS <= len(classes)
    monkeypatch.setattr(uniform, "MIRRORABLE", None)  # (any search of it fails)
    backward = uniform.backward_text(text, classes)
    assert backward.startswith("!\u0629\u0646\u062c\u0644\u0644 ")
    assert "(\u064a\u0646\u0627\u062b\u0644\u0627)" in backward  # "(الثاني)" reversed, mirrored
    assert "\u00bb\u0645\u0648\u064a\u0644\u0627\u00ab" not in backward
    assert "\u00ab\u0645\u0648\u064a\u0644\u0627\u00bb" in backward


def test_news_text_with_few_marks_is_reversed_a_cluster_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.text import bidi
    from reader.text.layout.order import uniform

    text = "قال رئيس الوزراء إنّ الاجتماع (الثاني) عقد اليوم في الرياض بحضور الوفود " * 8
    classes = bidi.classify(text)
    assert 0 < classes.count("m") * uniform._SPARSE_MARKS <= len(classes)
    expected = "".join(map(bidi.mirror_char, uniform._backward_by_units(text, classes)))
    monkeypatch.setattr(uniform, "_backward_by_units", lambda *_: pytest.fail("not sparse"))
    assert uniform.backward_text(text, classes) == expected
    assert "\u0646\u0651\u0625" in expected  # "إنّ" reversed: noon with its shadda, alef


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_text | arabic_heavy, st.sampled_from(["keep", "strip"]), st.booleans(),
       st.booleans())
def test_shaped_classes_from_the_logical_text_on_any_text(
    text: str, harakat: str, shape: bool, rtl: bool
) -> None:
    """With ligatures, the shaped text's classes are the logical text's without the alefs
    the ligatures took; they must be what classifying the shaped text gives."""
    from reader.text import bidi

    direction = "rtl" if rtl else "ltr"
    options = LayoutOptions(20, harakat=harakat, shape=shape, direction=direction)
    document = Document(text.split("\n"), direction)
    for index in range(len(document)):
        prepared = document._prepare(index, options)
        if prepared.shaped_classes is not None:
            assert prepared.shaped_classes == bidi.classify(prepared.shaped.text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("LRAEnmtscBSWOb123456789"), max_size=30))
def test_explicit_or_removed_check_equals_the_search(classes: str) -> None:
    import re

    from reader.text.layout.paragraph import explicit_or_removed

    assert explicit_or_removed(classes) == (re.search("[1-9b]", classes) is not None)


def test_the_mirrored_characters_are_found_from_a_set_of_ranges() -> None:
    from reader.text.layout.mirror import MIRRORABLE, mirror_table

    found = {c for c in range(0x10000) if MIRRORABLE.search(chr(c))}
    assert found == set(mirror_table())
    assert MIRRORABLE.search.__self__.pattern.pattern.count("-") > 20  # type: ignore[attr-defined]
