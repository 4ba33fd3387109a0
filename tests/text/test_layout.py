"""The layout API: options, lines, maps, caching, and both modes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.text.layout import Document, LayoutOptions, Line, layout_text, split_paragraphs
from reader.text.output import LRM, RTL_CLOSE, RTL_OPEN
from tests.text.layout_checks import check_document

SEED_WIDTHS = (40, 60, 80)


def test_options_are_validated() -> None:
    for bad in (dict(width=1), dict(width=40, mode="auto"), dict(width=40, harakat="x"),
                dict(width=40, direction="up")):
        with pytest.raises(ValueError):
            LayoutOptions(**bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        LayoutOptions(40).replace(width=1)


def test_options_are_an_immutable_value() -> None:
    """Documents and the article view cache lines per options: equal options must hash
    alike, and options must not change under a cache."""
    options = LayoutOptions(40, mode="terminal")
    assert options == LayoutOptions(40, "terminal", "keep", True, "rtl", True)
    assert hash(options) == hash(LayoutOptions(40, mode="terminal"))
    assert options != LayoutOptions(41, mode="terminal")
    assert len({options, LayoutOptions(40, mode="terminal"), LayoutOptions(40)}) == 2
    with pytest.raises(AttributeError):
        options.width = 50  # type: ignore[misc]
    wider = options.replace(width=50)
    assert (wider.width, wider.mode, options.width) == (50, "terminal", 40)
    assert repr(options) == ("LayoutOptions(width=40, mode='terminal', harakat='keep', "
                             "shape=True, direction='rtl', marks=True)")
    import pickle

    assert pickle.loads(pickle.dumps(options)) == options


def test_split_paragraphs_sanitizes_and_drops_blank_lines() -> None:
    assert split_paragraphs("a\r\n\r\n\x1b[2Jb\n  \nc") == ["a", "b", "c"]


def test_document_paragraph_newlines_become_spaces() -> None:
    assert Document(["a\nb", "c\r"]).paragraphs == ("a b", "c ")


def test_terminal_mode_is_logical_unshaped_and_wrapped(seed_text: str) -> None:
    options = LayoutOptions(40, mode="terminal")
    lines = layout_text(seed_text, options)
    paragraphs = split_paragraphs(seed_text)
    assert sum(1 for line in lines if not line.text) >= len(paragraphs) - 1
    for line in lines:
        assert line.cells <= 40
        # right-aligned, the logical text between the marks that keep a reordering
        # terminal's algorithm from moving its ends (see reader.text.output)
        assert line.align_right == line.rtl
        if line.text and line.rtl:
            assert line.text[0] == RTL_OPEN and line.text[-2:] == RTL_CLOSE + LRM
        assert line.text.strip(RTL_OPEN + RTL_CLOSE + LRM) == paragraphs[line.paragraph][
            line.start:line.end].strip(" ") or (not line.text)


def test_terminal_mode_strip_harakat() -> None:
    lines = layout_text("عُقِدَ اجتماعٌ", LayoutOptions(40, mode="terminal", harakat="strip"))
    assert [line.text for line in lines] == [RTL_OPEN + "عقد اجتماع" + RTL_CLOSE + LRM]
    assert lines[0].visual_to_logical == (0, 0, 2, 4, 6, 7, 8, 9, 10, 11, 12, 12, 12)
    assert lines[0].logical_to_visual(0) == 1  # the letter, never the mark before it


def test_bidi_controls_and_escapes_never_reach_the_output() -> None:
    text = "\u202bنص\u202c \x1b]52;c;QUFB\x07 \u2067abc\u2069 \u200fend\u200d"
    for mode in ("app", "terminal"):
        if mode == "app":
            pytest.importorskip("reader.text.bidi")
        lines = layout_text(text, LayoutOptions(30, mode=mode))
        # the strategy's own marks aside (one embedding and one LRM a line)
        joined = "".join(line.text.removesuffix(LRM).removeprefix(RTL_OPEN)
                         .removesuffix(RTL_CLOSE) for line in lines)
        assert "\x1b" not in joined and "\x07" not in joined and "\u200d" not in joined
        assert not set(joined) & set("\u202b\u202c\u2067\u2069\u200f")


def test_line_maps_and_padding() -> None:
    line = Line("cba", 3, True, 0, 0, 4, (2, 1, 0), True)
    assert [line.logical_to_visual(i) for i in (0, 1, 2)] == [2, 1, 0]
    assert line.logical_to_visual(3) == 0  # undrawn: the char drawing the nearest before it
    with pytest.raises(IndexError):
        line.logical_to_visual(4)
    assert line.padded(6) == "   cba"
    left = Line("abc", 3, False, 0, 0, 3, (0, 1, 2))
    assert left.padded(5) == "abc  "


def test_document_caches_width_independent_work(seed_text: str) -> None:
    document = Document(split_paragraphs(seed_text))
    options = LayoutOptions(60, mode="terminal")
    first = document.lines(options)
    assert document.lines(options) is first
    prepared = dict(document._prepared)
    document.lines(LayoutOptions(45, mode="terminal"))
    assert document._prepared == prepared  # a new width reuses shaping (and levels)
    assert all(document._prepared[k] is v for k, v in prepared.items())


@pytest.mark.parametrize("width", SEED_WIDTHS)
def test_seed_terminal_mode_properties(seed_text: str, width: int) -> None:
    options = LayoutOptions(width, mode="terminal")
    check_document(Document(split_paragraphs(seed_text)), options)


any_text = st.text(
    st.characters(blacklist_categories=("Cs",)), max_size=120
)
arabic_heavy = st.lists(
    st.sampled_from(
        [*"ابتثجحخدذرزسشصضطظعغفقكلمنهويءةىئؤأإآ", "لا", "لأ", "الله", "لَا",
         "\u064e", "\u0651", "\u064f", "\u0650", "\u064b", "\u0652", "\u0670", "\u0640",
         " ", " ", " ", "  ", "،", ".", "(", ")", "[", "]", "«", "»", "“", "”", "2015", "6.1",
           "iPad mini 4", "Joe Biden,", "\u200f", "\u200e", "\u00a0", "\u0661\u0662", "\n",
           "\u202b", "\u202c", "\u2067", "\u2069", "\u200d", "\u200c", "日本", "\t", "x" * 25]
    ),
    max_size=50,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(any_text, arabic_heavy), st.integers(2, 50),
       st.sampled_from(["keep", "strip"]), st.booleans())
def test_terminal_mode_properties_on_any_text(
    text: str, width: int, harakat: str, rtl: bool
) -> None:
    options = LayoutOptions(width, mode="terminal", harakat=harakat,
                            direction="rtl" if rtl else "ltr")
    check_document(Document(text.split("\n"), options.direction), options)


def test_line_map_given_as_a_function_equals_the_same_map_given_as_a_tuple() -> None:
    eager = Line("abc", 3, False, 0, 0, 3, (0, 1, 2))
    lazy = Line("abc", 3, False, 0, 0, 3, lambda: range(3))
    assert lazy == eager and hash(lazy) == hash(eager) and repr(lazy) == repr(eager)
    assert lazy.visual_to_logical == (0, 1, 2) and lazy.logical_to_visual(1) == 1
    assert lazy != Line("abc", 3, False, 0, 0, 3, (2, 1, 0))
    with pytest.raises(AttributeError):
        lazy.text = "x"  # type: ignore[misc]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(any_text, arabic_heavy), st.integers(2, 50),
       st.sampled_from(["keep", "strip"]), st.booleans())
def test_mlterm_terminal_form_properties_on_any_text(
    text: str, width: int, harakat: str, rtl: bool
) -> None:
    """mlterm's form of terminal mode moves the neutral runs at a right-to-left line's
    ends: still no character lost or invented, no line wider than asked, no mark."""
    options = LayoutOptions(width, mode="terminal-mlterm", harakat=harakat,
                            direction="rtl" if rtl else "ltr")
    check_document(Document(text.split("\n"), options.direction), options)
