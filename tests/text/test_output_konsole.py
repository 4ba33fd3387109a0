"""Konsole's forms (``shaped-mirrored``, ``terminal-konsole``): which brackets go swapped.

Konsole 22.12 and later (bidi on, its default) orders each row with ICU's bidi as one
left-to-right paragraph (``TerminalDisplay::bidiMap``: ``ubidi_setPara`` at level 0, a
class callback making U+2500-U+25FF strong left-to-right) and draws each cell at the
place ``ubidi_getVisualMap`` gives it, with the character it holds
(``TerminalPainter::drawContents``): rule L4 is never applied. So every mirrored
character Konsole puts at an odd level must be sent as its mirror, whether or not its
partner is on the line.

The oracle for "Konsole shows it as ``app`` mode draws it" is python-bidi (another
implementation of UAX #9 that, like Konsole, does not mirror), run on the row as Konsole
holds it: the padding, then the line, one left-to-right paragraph.
"""

from __future__ import annotations

from unicodedata import normalize

import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.layout import Document, LayoutOptions
from reader.text.output import LRM, RTL_CLOSE, RTL_OPEN, mirror_for_konsole
from reader.text.sanitize import strip_bidi_controls

KONSOLE = ["shaped-mirrored", "terminal-konsole"]
BRACKETS = "()[]«»‹›<>"

# Konsole takes U+2500-U+25FF as strong left-to-right letters; python-bidi cannot be told
# so, so each is shown to it as a left-to-right letter no text here holds, and put back.
_AS_LETTERS = {cp: 0x100 + cp - 0x2500 for cp in range(0x2500, 0x2600)}
_BACK = {letter: cp for cp, letter in _AS_LETTERS.items()}


def as_konsole_shows(text: str, padding: int = 0) -> str:
    """A row as Konsole draws it: ordered as one left-to-right paragraph, no glyph
    mirrored, the controls drawn as nothing."""
    shown = get_display(" " * padding + text.translate(_AS_LETTERS), base_dir="L")
    return strip_bidi_controls(shown).translate(_BACK)


def _lines(text: str, mode: str, width: int, direction: str = "rtl") -> list[str]:
    options = LayoutOptions(width, mode=mode, shape=True)
    return [line.text for line in Document([text], direction).lines(options)]


def _rows(text: str, mode: str, width: int, direction: str = "rtl") -> list[str]:
    """The rows as Konsole shows *mode*'s lines, each letter as its base letter (Konsole
    joins the letters ``terminal-konsole`` sends unjoined)."""
    options = LayoutOptions(width, mode=mode, shape=True)
    lines = [line for line in Document([text], direction).lines(options) if line.text]
    if mode == "app":
        rows = [line.padded(width) for line in lines]
    else:
        rows = [as_konsole_shows(line.text, width - line.cells) if line.align_right
                else as_konsole_shows(line.text) + " " * (width - line.cells) for line in lines]
    return [normalize("NFKC", row) for row in rows]


def _brackets(line: str) -> str:
    return "".join(ch for ch in line if ch in BRACKETS)


@pytest.mark.parametrize("mode", KONSOLE)
def test_a_pair_on_one_line_is_swapped(mode: str) -> None:
    [line] = _lines("قال (الوزير) إن", mode, 40)
    assert line.startswith(RTL_OPEN) and line.endswith(RTL_CLOSE + LRM)
    assert _brackets(line) == ")("


@pytest.mark.parametrize("mode", KONSOLE)
def test_a_pair_a_line_break_cuts_is_swapped_on_both_lines(mode: str) -> None:
    text = "إن الاتفاق (الذي وقع في فيينا مع الدول الكبرى) مهم"
    assert [_brackets(line) for line in _lines(text, mode, 30)] == [")", "("]


@pytest.mark.parametrize("mode", KONSOLE)
def test_nested_pairs_are_swapped(mode: str) -> None:
    [line] = _lines("نص (مع [قوسين] متداخلين) هنا", mode, 60)
    assert _brackets(line) == ")][("


@pytest.mark.parametrize("mode", KONSOLE)
def test_unbalanced_brackets_are_each_swapped(mode: str) -> None:
    # ")…(…(": no pair at all (a closing one first, two opening ones with no partner);
    # all three sit in right-to-left text, and each is swapped
    [line] = _lines("كلمة )كلمة (كلمة (كلمة", mode, 60)
    assert _brackets(line) == "())"
    [line] = _lines("ثم ((مفتوح وحده و)) مغلق", mode, 60)
    assert _brackets(line) == "))(("


@pytest.mark.parametrize("mode", KONSOLE)
def test_guillemets_are_swapped_alone_or_paired(mode: str) -> None:
    [line] = _lines("قال «مهم» ثم", mode, 40)
    assert _brackets(line) == "»«"
    text = "هنا «اقتباس طويل جدا يمتد على سطرين كاملين» هنا"
    assert [_brackets(line) for line in _lines(text, mode, 30)] == ["»", "«"]


@pytest.mark.parametrize("mode", KONSOLE)
def test_a_breadcrumb_arrow_is_swapped(mode: str) -> None:
    # an article header's "العالم › رئيسي": in right-to-left text "›" shows as "‹"
    [line] = _lines("العالم › رئيسي", mode, 40)
    assert _brackets(line) == "‹"


@pytest.mark.parametrize("mode", KONSOLE)
def test_brackets_of_left_to_right_text_stay(mode: str) -> None:
    [line] = _lines("iPad (mini) 4", mode, 40, "ltr")
    assert line == "iPad (mini) 4" + LRM
    # Arabic in brackets inside a left-to-right line: the pair takes the line's direction
    [line] = _lines("The word (كلمة) here", mode, 40, "ltr")
    assert _brackets(line) == "()"
    # a Latin run in brackets inside Arabic takes the Arabic's (rule N0: context before)
    [line] = _lines("جهاز (iPad mini 4) بسماكة", mode, 40)
    assert _brackets(line) == ")("


def test_the_relevance_bar_and_box_drawing_count_as_left_to_right() -> None:
    # Konsole's class callback makes U+2500-U+25FF strong left-to-right: a bracket
    # between such a character and a Latin letter is left to right there
    assert mirror_for_konsole("نص ■(a", list(range(6)), embedded=True)[0] == "نص ■(a"
    assert mirror_for_konsole("نص !(a", list(range(6)), embedded=True)[0] == "نص !)a"


@pytest.mark.parametrize("mode", KONSOLE)
@pytest.mark.parametrize("width", [12, 30, 60])
def test_konsole_shows_bracketed_text_as_app_mode_draws_it(mode: str, width: int) -> None:
    text = ("قال (الوزير) إن الاتفاق (الذي وقع في فيينا مع الدول الكبرى) مهم. "
            "نص (مع [قوسين] متداخلين) هنا و«اقتباس طويل جدا يمتد على سطرين كاملين» هنا. "
            "كلمة )كلمة (كلمة (كلمة ثم ((مفتوح وحده و)) مغلق. العالم › رئيسي › أخبار. "
            "جهاز (iPad mini 4) بسماكة (6.1 ملم) و(2015) و<وسم>.")
    assert _rows(text, mode, width) == _rows(text, "app", width)


# (No U+25xx symbol: Konsole places one inside a line as a left-to-right letter, which
# moves it, not a bracket; only runs at a line's ends are sent where they show. And no
# bracket right before a number: after a Latin word, "(2015 mini نموذج)" is a pair the
# original resolves right to left (N0) while the number after it is made left to right
# by the Latin word before the bracket (W7); an unpaired bracket or a mark there cannot
# be both, so such a line keeps its brackets' glyphs right but not always their place.)
_WORDS = st.sampled_from(["نص", "كلمة", "عربي", "iPad", "mini", "2015", "6.1", "٣"])
_TEXT = st.lists(st.tuples(st.text(BRACKETS + " !.،", max_size=2), _WORDS), min_size=1,
                 max_size=8).map(lambda parts: " ".join(
                     (before.strip(BRACKETS) if word[0].isdigit() else before) + word
                     for before, word in parts))


@given(_TEXT, st.sampled_from(KONSOLE), st.sampled_from(["rtl", "ltr"]))
@settings(max_examples=300, deadline=None)
def test_a_line_konsole_orders_alone_shows_as_app_mode_draws_it(
        text: str, mode: str, direction: str) -> None:
    """Any one-line paragraph of words and brackets: Konsole's row equals the app's.
    (A line of a longer paragraph is ordered by Konsole on its own, so a neutral at its
    edge can resolve otherwise than in the paragraph: that is a matter of place, which
    no swapping can settle.)"""
    width = 100
    assert _rows(text, mode, width, direction) == _rows(text, "app", width, direction)


@pytest.mark.parametrize("mode", KONSOLE)
def test_a_swap_that_would_pair_brackets_anew_holds_them_apart(mode: str) -> None:
    """ICU pairs the brackets it is sent: in "نص )iPad )iPad" the first ")" sits in
    right-to-left text and the second in left-to-right text; swapped, the first would
    pair with the second and pull it to the right-to-left side. Held in an isolate of its
    own, it pairs with nothing."""
    text = "نص )iPad )iPad"
    [line] = _lines(text, mode, 40)
    assert "\u2067(\u2069" in line and line.count(")") == 1
    assert _rows(text, mode, 40) == _rows(text, "app", 40)
    # a pair whose direction came from what it encloses (rule N0), swapped, is no pair:
    # the RLMs around each isolate give its neighbours the right-to-left letter it was
    text = "جهاز iPad (2015 نموذج) جديد"
    [line] = _lines(text, mode, 40)
    assert line.count("\u200f\u2067") == 2
    assert _rows(text, mode, 40) == _rows(text, "app", 40)


def test_printing_to_a_file_drops_the_isolates_around_brackets() -> None:
    from reader.text.output import unmarked

    [line] = _lines("نص )iPad )iPad", "shaped-mirrored", 40)
    assert unmarked(line) == "ﻧﺺ (iPad )iPad"
    assert unmarked("\u2067\u0663\u2069") == "\u2067\u0663\u2069"  # an interface isolate


# Konsole orders each line alone: the marks at its edges give it the paragraph's letters
# on either side (rule N1 for a neutral at the edge, W2/W7 for a number opening it).
CSS = ("الخليجيين.؟ #vote_area2 ul { padding: 0; margin: 0; } .box_vote { zbackground: "
       "#FFFFFF; zbackground: -webkit-gradient linear, left top, left 25, from #fff "
       "ويبالنسبة للأسعار")
NUMBERS = "وتراجع المؤشر بنسبة كبيرة أمس ثم أضاف 7.58% إلى قيمته وبلغ سعر السهم 31 ريالا"


def test_a_latin_line_of_an_arabic_paragraph_gets_the_latin_around_it() -> None:
    lines = _lines(CSS, "shaped-mirrored", 40)
    # "margin: 0; } .box_vote { zbackground:": Latin before it and after it
    middle = [line for line in lines if "zbackground:" + LRM in line]
    assert middle and middle[0].startswith(RTL_OPEN + LRM + "margin")
    assert middle[0].endswith("zbackground:" + LRM + RTL_CLOSE + LRM)


def test_a_number_opening_a_line_after_arabic_gets_an_arabic_letter_mark() -> None:
    # (W2: a number after an Arabic letter is an Arabic number, which takes no "%")
    for width, number in ((20, "7.58%"), (24, "31")):
        opening = [line for line in _lines(NUMBERS, "shaped-mirrored", width)
                   if line.lstrip(RTL_OPEN + "\u061c").startswith(number)]
        assert opening and opening[0].startswith(RTL_OPEN + "\u061c" + number)


def test_arabic_lines_among_arabic_get_no_mark() -> None:
    text = "قال الوزير إن الاتفاق الذي وقع في فيينا مع الدول الكبرى مهم جدا للمنطقة"
    for line in _lines(text, "shaped-mirrored", 20):
        assert line[0] == RTL_OPEN and line[-2:] == RTL_CLOSE + LRM
        assert not set(line[1:-2]) & set("\u200e\u200f\u061c\u2067"), line


@pytest.mark.parametrize("mode", KONSOLE)
@pytest.mark.parametrize("width", [20, 24, 40])
@pytest.mark.parametrize("text", [CSS, NUMBERS], ids=["css", "numbers"])
def test_konsole_shows_each_line_of_a_mixed_paragraph_as_app_mode_draws_it(
        mode: str, width: int, text: str) -> None:
    assert _rows(text, mode, width) == _rows(text, "app", width)


@pytest.mark.parametrize("mode", KONSOLE)
def test_a_left_to_right_line_between_arabic_gets_a_right_to_left_mark(mode: str) -> None:
    # a left-to-right paragraph whose line ends in a neutral before Arabic on the next
    # line: in the paragraph the neutral lies between two Arabic words
    text = "The report said نص عربي: كلمة أخرى here and more words"
    lines = _lines(text, mode, 22, "ltr")
    assert any(line.endswith("\u200f" + LRM) for line in lines), lines
    assert _rows(text, mode, 22, "ltr") == _rows(text, "app", 22, "ltr")
