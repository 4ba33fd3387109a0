"""The interface's own isolates: resolved in ``app`` mode, passed on to a terminal that
orders in the logical strategies, and an article's own controls never passed on.

The oracle for "a terminal that orders shows it right" is python-bidi (another
implementation of UAX #9, passing Unicode's BidiCharacterTest), run on the row as a
terminal sees it (the padding, then the line, one left-to-right paragraph, as VTE and
Konsole lay rows out): after it, with the controls it keeps dropped, the row must read as
``app`` mode draws it.
"""

from __future__ import annotations

import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.articles.display import header_paragraphs, terms_line
from reader.articles.model import Article
from reader.i18n import Translator
from reader.text import isolates
from reader.text.bidi.mirroring import MIRROR_TABLE
from reader.text.isolates import InterfaceText, join_isolated, resolve_first_strong
from reader.text.layout import Document, LayoutOptions, layout_text
from reader.text.layout.order.logical import logical_keeping_controls
from reader.text.output import STRATEGIES, interface_isolates
from reader.text.sanitize import BIDI_CONTROLS, strip_bidi_controls
from reader.ui.labels import Labels

LOGICAL = [name for name, strategy in STRATEGIES.items() if strategy.isolates]
CONTROLS = "".join(sorted(BIDI_CONTROLS))


def _as_the_terminal_shows(line_text: str, padding: int) -> str:
    return strip_bidi_controls(get_display(" " * padding + line_text, base_dir="L"))


def _either_mirror(text: str) -> str:
    """*text* with each mirrored pair's two glyphs as one (``‹`` and ``›`` alike)."""
    return "".join(chr(min(ord(ch), MIRROR_TABLE.get(ord(ch), ord(ch)))) for ch in text)


def _rows(text: str, mode: str, width: int, direction: str, *, mirrored: bool = True
          ) -> list[str]:
    options = LayoutOptions(width=width, mode=mode, shape=False, direction=direction)
    lines = [line for line in layout_text(text, options) if line.text]
    if mode == "app":
        rows = [line.padded(width) for line in lines]
    else:
        # Konsole, like python-bidi, draws each character as it is sent (no rule L4)
        rows = [_as_the_terminal_shows(line.text, width - line.cells) if line.align_right
                else strip_bidi_controls(get_display(line.text, base_dir="L")) + " " * (
                    width - line.cells)
                for line in lines]
    # python-bidi does not mirror (rule L4); VTE and mlterm do, so the strategies for
    # them leave it to the terminal: there only the glyph pair is compared
    return rows if mirrored else [_either_mirror(row) for row in rows]


META = [
    ("alwatan", "2015-08-11 18:45"),  # a Latin source in a right-to-left line
    ("الوطن", "2015-08-11 14:14"),  # an Arabic one (VTE split the date here)
    ("الوطن", "٢٠١٥-٠٨-١١ ١٤:١٤"),  # eastern digits
    ("Al Watan", "2015-08-11 14:14", "John Smith"),
]


@pytest.mark.parametrize("mode", LOGICAL)
@pytest.mark.parametrize("values", META)
@pytest.mark.parametrize("width", [60, 12])
def test_a_terminal_that_orders_shows_the_library_line_as_app_mode_does(
        mode: str, values: tuple[str, ...], width: int) -> None:
    line = join_isolated(values, " · ")
    assert _rows(line, mode, width, "rtl") == _rows(line, "app", width, "rtl")


@pytest.mark.parametrize("mode", LOGICAL)
@pytest.mark.parametrize(("lang", "title"), [
    ("en", "تسريب تصميم لجهاز iPad mini 4 بسماكة رفيعة"),
    ("en", "iPad mini 4 تسريب تصميم"),  # Latin-first Arabic title
    ("ar", "Apple leaks the iPad mini 4"),
    ("ar", "تسريب تصميم لجهاز iPad mini 4 بسماكة رفيعة"),
])
def test_a_terminal_that_orders_shows_sentences_with_titles_as_app_mode_does(
        mode: str, lang: str, title: str) -> None:
    labels = Labels(Translator(lang), mode, "keep", False)
    sentence = labels.sentence("library.continue", title=title)
    direction = "rtl" if labels.rtl else "ltr"
    assert _rows(sentence, mode, 100, direction) == _rows(sentence, "app", 100, direction)


@pytest.mark.parametrize("mode", LOGICAL)
@pytest.mark.parametrize("terms", [("آبل", "iPad", "mini 4", "جهاز"), ("iPad", "mini 4", "Apple"),
                                   ("إيران", "2015", "طهران")])
def test_a_terminal_that_orders_shows_the_related_terms_as_app_mode_does(
        mode: str, terms: tuple[str, ...]) -> None:
    line = terms_line(terms)
    direction = "rtl" if line.startswith("\u200f") else "ltr"
    assert _rows(line, mode, 60, direction) == _rows(line, "app", 60, direction)


def test_app_mode_sends_no_isolate_or_mark() -> None:
    for lang in ("en", "ar"):
        labels = Labels(Translator(lang), "app", "keep", True)
        for text in (labels("library.continue", title="تسريب لجهاز iPad mini 4"),
                     labels.line(labels.listing(["الوطن", "2015-08-11"], " · ")),
                     labels.line(terms_line(["آبل", "iPad"], before="●●○○○"))):
            assert not set(text) & BIDI_CONTROLS, repr(text)


@pytest.mark.parametrize("mode", LOGICAL)
def test_an_articles_own_controls_never_reach_the_terminal(mode: str) -> None:
    """The same characters as plain text (an article's, untrusted) lose every control;
    as the interface's own text they keep their isolates."""
    text = "\u2067الوطن\u2069 · \u2066alwatan\u2069 \u202eevil"
    options = LayoutOptions(width=80, mode=mode)
    [plain] = layout_text(text, options)
    assert not set(plain.text) & (BIDI_CONTROLS - {"\u202b", "\u202c", "\u200e"})
    assert "\u202e" not in plain.text
    [own] = layout_text(InterfaceText(text.replace(" \u202eevil", "")), options)
    assert set(own.text) & set("\u2066\u2067\u202a")


def test_values_cannot_steer_the_joined_line() -> None:
    """A value carrying its own controls (a hostile source name) is stripped before it is
    isolated: its PDI cannot close the isolate around it, its RLO cannot reach anything."""
    line = join_isolated(["\u2069\u202eabc\u2066", "نص"], " · ")
    assert isinstance(line, InterfaceText)
    assert line == "\u2068abc\u2069 · \u2068نص\u2069"


def test_trust_is_lost_by_any_change() -> None:
    line = join_isolated(["a"], " · ")
    assert type(line + "\u202e") is str and type(line.replace("a", "b")) is str
    assert type(isolates.clean_line(line)) is InterfaceText
    assert type(isolates.clean_line(str(line))) is str


@pytest.mark.parametrize(("text", "resolved"), [
    ("\u2068abc\u2069", "\u2066abc\u2069"),
    ("\u2068نص\u2069", "\u2067نص\u2069"),
    ("\u20682015\u2069", "\u20662015\u2069"),  # no strong letter: left to right (X5c)
    ("\u2068\u2068نص\u2069 abc\u2069", "\u2066\u2067نص\u2069 abc\u2069"),  # nested skipped
    ("\u2068نص", "\u2067نص"),  # no PDI: up to the end
])
def test_each_fsi_becomes_the_isolate_it_stands_for(text: str, resolved: str) -> None:
    assert resolve_first_strong(text) == resolved


def test_each_line_opens_and_closes_its_isolates() -> None:
    """A line cut inside an isolate opens it again and closes it, so no isolate reaches
    the padding or the border after the line."""
    text = "\u2067نص طويل\u2069 · \u20662015-08-11 14:14\u2069"
    source = list(range(len(text)))
    start = text.index("طويل")
    end = text.index("14:14")
    drawn, logical = logical_keeping_controls(text, source, start, end)
    assert "".join(drawn) == "\u2067طويل\u2069 · \u20662015-08-11 \u2069"
    assert logical[0] == start and logical[-1] == end - 1


@given(st.lists(st.text(alphabet="abج دهو12 -:·" + CONTROLS, max_size=12), max_size=5),
       st.sampled_from(LOGICAL), st.integers(2, 30))
@settings(max_examples=200, deadline=None)
def test_every_line_balances_its_isolates(values: list[str], mode: str, width: int) -> None:
    line = join_isolated(values, " · ", lead="\u200f")
    for laid in layout_text(line, LayoutOptions(width=width, mode=mode)):
        depth = 0
        for ch in laid.text:
            if ch in "\u2066\u2067\u2068\u202a\u202b":
                depth += 1
            elif ch in "\u2069\u202c":
                depth -= 1
                assert depth >= 0, repr(laid.text)
        assert depth == 0, repr(laid.text)
        assert len(laid.visual_to_logical) == len(laid.text)


def test_a_left_to_right_isolate_opens_with_an_lrm() -> None:
    """VTE put an isolated date's two numbers in right-to-left order after another
    isolate; an LRM at its start keeps them in order (seen in VTE, directly and in tmux)."""
    line = "\u2067نص\u2069 · \u20662015-08-11 14:14\u2069"
    text, mapped = interface_isolates(line, list(range(len(line))))
    assert text == "\u2067نص\u2069 · \u2066\u200e2015-08-11 14:14\u2069"
    assert len(mapped) == len(text)


@pytest.mark.parametrize("mode", ["terminal-mlterm", "shaped-rlm", "app", "words"])
def test_strategies_for_terminals_that_draw_controls_send_none(mode: str) -> None:
    """mlterm draws each bidi control in a cell of its own (seen: boxes, and the rest of
    the row moved); app mode and kitty's resolve the isolates themselves."""
    [line] = layout_text(join_isolated(["alwatan", "2015-08-11"], " · "),
                         LayoutOptions(width=60, mode=mode))
    assert not set(line.text) & set("\u2066\u2067\u2068\u2069\u202a")


def test_the_header_line_is_built_as_the_library_line() -> None:
    """Source and date read alike above an article and in the library list (one home)."""
    article = Article(title="عنوان", paragraphs=["نص"], source="alwatan",
                      date="2015-08-11T18:45:00", direction="rtl")
    meta = header_paragraphs(article)[1]
    labels = Labels(Translator("en"), "app", "keep", True)
    listed = labels.listing(["alwatan", "2015-08-11 18:45"], " · ")
    options = LayoutOptions(width=60)
    [header] = Document([meta], "rtl").paragraph_lines(0, options)
    [library] = labels.block(listed, 60, direction="rtl")
    assert header.text == library.text == "2015-08-11 18:45 · alwatan"


@pytest.mark.parametrize("mode", LOGICAL)
@pytest.mark.parametrize(("source", "author", "direction"), [
    ("الوطن", "John Smith", "rtl"), ("alwatan", None, "rtl"), ("alwatan", "محمد", "rtl"),
    ("الوطن", "John Smith", "ltr")])
def test_a_terminal_that_orders_shows_the_article_header_as_app_mode_does(
        mode: str, source: str, author: str | None, direction: str) -> None:
    article = Article(title="عنوان", paragraphs=["نص"], source=source, author=author,
                      breadcrumbs=["العالم", "رئيسي"], date="2015-08-11T14:14:00",
                      direction=direction)
    meta = header_paragraphs(article)[1]
    mirrored = STRATEGIES[mode].mirrors  # Konsole's: brackets swapped beforehand
    for width in (80, 16):
        assert (_rows(meta, mode, width, direction, mirrored=mirrored)
                == _rows(meta, "app", width, direction, mirrored=mirrored))


@pytest.mark.parametrize(("value", "holds"), [
    ("report.txt", False), ("café 2015", False), ("", False), ("iPad (mini 4)", False),
    ("مقال.txt", True), ("٣", True), ("x\u200fy", True), ("a\u2068b\u2069", True),
    ("\U00010900", True),  # a Phoenician letter (R), beyond the BMP
])
def test_right_to_left_is_what_a_left_to_right_sentence_cannot_take_as_it_is(
    value: str, holds: bool
) -> None:
    assert isolates.holds_right_to_left(value) is holds


def test_a_value_is_an_isolate_where_it_could_move() -> None:
    fsi, pdi = isolates.FSI, isolates.PDI
    assert isolates.embedded("report.txt", rtl=False) == "report.txt"
    assert isolates.embedded("مقال.txt", rtl=False) == f"{fsi}مقال.txt{pdi}"
    assert isolates.embedded("report.txt", rtl=True) == f"{fsi}report.txt{pdi}"
    assert isolates.embedded("", rtl=True) == ""


@given(st.text(alphabet=st.sampled_from("ab 1.-/()مقال٣"), max_size=12))
@settings(max_examples=200, deadline=None)
def test_a_value_left_as_it_is_reads_the_same_as_its_isolate(value: str) -> None:
    """What :func:`isolates.embedded` leaves bare in a left-to-right sentence is laid out
    as its isolate would be: nothing is lost by skipping it."""
    if isolates.embedded(value, rtl=False) != value:
        return
    options = LayoutOptions(width=200, mode="app", direction="ltr")
    bare = layout_text(f"see {value} now", options)
    isolated = layout_text(f"see {isolates.isolate(value)} now", options)
    assert [line.text for line in bare] == [line.text for line in isolated]
