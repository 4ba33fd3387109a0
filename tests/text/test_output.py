"""Each output strategy's exact text on sample rows, and the layout properties for all."""

from __future__ import annotations

import pytest

from reader.text.layout import Document, LayoutOptions, layout_text, split_paragraphs
from reader.text.output import (
    LRM,
    MODES,
    RTL_CLOSE,
    RTL_OPEN,
    STRATEGIES,
    flip_words,
    may_slant,
)
from tests.text.layout_checks import check_document

# "the agreement (2015) does not" — lam-alef, a number, brackets, a haraka.
SAMPLE = "الاتفاقُ (2015) لا"


def _line(mode: str, text: str = SAMPLE) -> str:
    (line,) = layout_text(text, LayoutOptions(40, mode=mode))
    return line.text


def test_app_is_visual_shaped_and_mirrored() -> None:
    assert _line("app") == "ﻻ (2015) ﻕُﺎﻔﺗﻻﺍ"


def test_terminal_is_logical_unshaped_between_marks() -> None:
    assert _line("terminal") == RTL_OPEN + SAMPLE + RTL_CLOSE + LRM


def test_shaped_is_logical_in_presentation_forms_between_marks() -> None:
    assert _line("shaped") == RTL_OPEN + "ﺍﻻﺗﻔﺎﻕُ (2015) ﻻ" + RTL_CLOSE + LRM


def test_shaped_mirrored_swaps_brackets_of_right_to_left_text() -> None:
    assert _line("shaped-mirrored") == RTL_OPEN + "ﺍﻻﺗﻔﺎﻕُ )2015( ﻻ" + RTL_CLOSE + LRM
    # brackets inside a left-to-right run stay as they are
    assert _line("shaped-mirrored", "iPad (mini)") == "iPad (mini)" + LRM


def test_shaped_rlm_has_no_lrm() -> None:
    assert _line("shaped-rlm") == RTL_OPEN + "ﺍﻻﺗﻔﺎﻕُ (2015) ﻻ" + RTL_CLOSE
    assert _line("shaped-rlm", "iPad") == "iPad"


def test_words_flips_each_arabic_word_back_keeping_harakat_after_their_letter() -> None:
    # the app's word order; each Arabic word's letters in logical order; numbers alone
    assert _line("words") == "ﻻ (2015) ﺍﻻﺗﻔﺎﻕُ"
    assert flip_words("(ﺎﻣﺎﺑﻭﺃ) 2015", range(13)) == (
        "(ﺃﻭﺑﺎﻣﺎ) 2015", [7, 6, 5, 4, 3, 2, 1, 0, 8, 9, 10, 11, 12])


def test_marked_lines_are_right_aligned_and_marks_take_no_cell() -> None:
    for mode in ("terminal", "shaped", "shaped-mirrored"):
        (line,) = layout_text(SAMPLE, LayoutOptions(40, mode=mode))
        assert line.align_right
        padded = line.padded(40)
        assert padded.startswith(" ") and padded.endswith(RTL_CLOSE + LRM)
        assert len(padded) == 40 - line.cells + len(line.text)


def test_highlight_positions_land_on_letters_not_marks() -> None:
    (line,) = layout_text(SAMPLE, LayoutOptions(40, mode="terminal"))
    assert [line.logical_to_visual(i) for i in (0, len(SAMPLE) - 1)] == [1, len(SAMPLE)]


@pytest.mark.parametrize("mode", STRATEGIES)
def test_every_strategy_keeps_the_layout_properties(seed_text: str, mode: str) -> None:
    document = Document(split_paragraphs(seed_text))
    for width in (30, 72):
        check_document(document, LayoutOptions(width, mode=mode))


def test_arabic_is_never_slanted() -> None:
    assert may_slant("Continue reading: iPad mini 4")
    assert not may_slant("Continue reading: أكسيوس")
    assert not may_slant("ﺃﻛﺴﻴﻮﺱ")  # presentation forms too


def test_konsole_gets_a_line_end_symbol_run_where_it_shows() -> None:
    # Konsole draws a run of geometric shapes apart, in its cells, left to right: the
    # relevance bar starting a right-to-left line goes to the line's right end, reversed
    reason = "●●●○○ ﺳﺮﻱ"
    assert _line("shaped-mirrored", reason) == RTL_OPEN + "ﺳﺮﻱ" + RTL_CLOSE + " ○○●●●" + LRM
    assert _line("shaped-mirrored", "ﺳﺮﻱ ■□") == "□■ " + RTL_OPEN + "ﺳﺮﻱ" + RTL_CLOSE + LRM
    # a right-to-left line of symbols alone shows them reversed; other strategies as before
    assert _line("shaped-mirrored", "●●○") == RTL_OPEN + "○●●" + RTL_CLOSE + LRM
    assert _line("shaped", reason) == RTL_OPEN + reason + RTL_CLOSE + LRM
    (line,) = layout_text(reason, LayoutOptions(40, mode="shaped-mirrored"))
    # the map follows the characters: the bar's first dot is the rightmost cell
    assert line.logical_to_visual(0) == len(line.text) - 2
    assert line.logical_to_visual(6) == 1


def test_a_latin_run_keeps_its_place_in_a_marked_right_to_left_line() -> None:
    # "iPad mini 4" between two Arabic runs: an embedding makes a terminal that orders
    # rows as left-to-right paragraphs (VTE, Konsole) lay the line out right to left;
    # bare RLMs around it left the two Arabic runs on the wrong sides of the Latin one
    title = "ﺗﺴﺮﻳﺐ iPad mini 4 ﺑﺴﻤﺎﻛﺔ"
    for mode in ("terminal", "shaped", "shaped-mirrored"):
        assert _line(mode, title) == RTL_OPEN + title + RTL_CLOSE + LRM
    from reader.text.output import unmarked

    assert unmarked(_line("terminal", title)) == title


def test_terminal_takes_each_terminals_form() -> None:
    sample = "علاقات (الاتفاق)"
    # VTE: logical text as it is
    assert _line("terminal", sample) == RTL_OPEN + sample + RTL_CLOSE + LRM
    # mlterm: lam-alef as the one-cell ligature mlterm draws (sent logical, mlterm drew
    # it in one cell and closed the gap, moving the borders); no LRM (behind tmux
    # mlterm draws the letter before it twice); mlterm mirrors brackets itself
    assert _line("terminal-mlterm", sample) == RTL_OPEN + "عﻼقات (اﻻتفاق)" + RTL_CLOSE
    # Konsole: brackets swapped, each lam-alef one ligature (no blank cell after it),
    # every other letter logical for Konsole to join
    assert _line("terminal-konsole", sample) == RTL_OPEN + "عﻼقات )اﻻتفاق(" + RTL_CLOSE + LRM


def test_terminal_forms_are_not_choices_of_their_own() -> None:
    assert "terminal" in MODES
    assert not {"terminal-mlterm", "terminal-konsole"} & set(MODES)
