"""Each output strategy's exact text on sample rows, and the layout properties for all."""

from __future__ import annotations

import pytest

from reader.text.layout import Document, LayoutOptions, Line, layout_text, split_paragraphs
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


def test_konsole_gets_every_bracket_of_right_to_left_text_swapped_on_every_line() -> None:
    """Konsole draws each cell with the character it holds (it never mirrors): a pair that
    a line break cuts is two lone brackets there, each swapped, as a pair on one line and
    guillemets are (screenshots read cell by cell)."""
    text = "قال الوزير إن الاتفاق (الذي وقع في فيينا مع الدول الكبرى) مهم جدا «كلها»."
    for mode in ("shaped-mirrored", "terminal-konsole"):
        lines = [line.text for line in Document([text], "rtl").lines(LayoutOptions(30, mode=mode))]
        shown = ["".join(ch for ch in line if ch in "()«»") for line in lines]
        assert shown == [")", "(", "»«"], mode
        whole = layout_text(text, LayoutOptions(100, mode=mode))[0].text
        assert "".join(ch for ch in whole if ch in "()«»") == ")(»«", mode


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
    # it in one cell and closed the gap, moving the borders); no marks (each takes a
    # slot of mlterm's row); mlterm mirrors brackets itself, and pairs them (rule N0)
    assert _line("terminal-mlterm", sample) == "عﻼقات (اﻻتفاق)"
    # Konsole: brackets swapped, each lam-alef one ligature (no blank cell after it),
    # every other letter logical for Konsole to join
    assert _line("terminal-konsole", sample) == RTL_OPEN + "عﻼقات )اﻻتفاق(" + RTL_CLOSE + LRM


def test_terminal_forms_are_not_choices_of_their_own() -> None:
    assert "terminal" in MODES
    assert not {"terminal-mlterm", "terminal-konsole"} & set(MODES)


def test_mlterm_gets_no_mark_at_all() -> None:
    # mlterm keeps each zero-width mark in a slot of its row and draws it in no cell:
    # after k marks, a write at a column lands k cells to the left (the scrollbar and
    # border moved into the article), and a full row loses its last k cells
    from reader.text.output import is_mark

    texts = [SAMPLE, "تسريب iPad mini 4 بسماكة", "Leave a Reply", "«قال» (2015).", "●●○ سري"]
    for text in texts:
        for line in layout_text(text, LayoutOptions(12, mode="terminal-mlterm")):
            assert not any(is_mark(ch) for ch in line.text), line.text


def test_mlterm_gets_a_line_starting_with_an_arabic_letter_as_it_is_filled_after_it() -> None:
    # mlterm, its rows parted at the borders, lays each pane's line out as a paragraph in
    # the direction of its first strong letter: a line starting with an Arabic letter
    # reads right as it is (its full stop, its quotes, a Latin run inside it), and goes
    # to the right when filled after its text, the fill ending in a no-break space
    # (mlterm keeps the spaces ending a stretch at its right end)
    from reader.text.output import MLTERM_FILL_END

    for text in ("عام 2015.", "«قال» الرئيس!", "●●○ سري", "تسريب iPad mini 4 بسماكة.",
                 "قال (الرئيس)"):
        (line,) = layout_text(text, LayoutOptions(40, mode="terminal-mlterm"))
        assert line.text == text
        assert (line.align_right, line.fill_end) == (False, MLTERM_FILL_END)
        assert line.padded(len(text) + 3) == text + "  " + MLTERM_FILL_END
        assert line.padded(len(text)) == text  # nothing to fill: nothing added
        assert line.logical_to_visual(0) == 0
    # the other strategies and the other terminals' forms fill as before
    for mode in ("app", "terminal", "shaped", "terminal-konsole"):
        (line,) = layout_text("عام 2015.", LayoutOptions(40, mode=mode))
        assert (line.align_right, line.fill_end) == (True, "")


def test_mlterm_gets_the_end_runs_of_a_line_it_lays_out_left_to_right_where_they_show() -> None:
    # a line of a right-to-left paragraph starting with a Latin word, or holding no
    # letter, mlterm lays out left to right: the full stop ending it would show at its
    # right end (where the line starts); so it goes first, an opening quote last,
    # mirrored, as they show, and the line is filled before it
    def second_line(text: str) -> Line:
        lines = layout_text("قال الرئيس " + text, LayoutOptions(12, mode="terminal-mlterm"))
        assert lines[1].rtl and (lines[1].align_right, lines[1].fill_end) == (True, "")
        return lines[1]

    assert second_line("«iPad الجديد").text == "iPad الجديد»"
    assert second_line("iPad.").text == ".iPad"
    assert second_line("2015.").text == ".2015"
    line = second_line("«2015.")
    assert line.text == ".2015»"
    # the map follows the characters: the quote opening the line is the last cell
    assert line.logical_to_visual(11) == len(line.text) - 1
    assert line.logical_to_visual(16) == 0
    # left-to-right lines are sent as they are, filled after their text with spaces
    (ltr,) = layout_text("Leave a Reply.", LayoutOptions(40, mode="terminal-mlterm"))
    assert (ltr.text, ltr.align_right, ltr.fill_end) == ("Leave a Reply.", False, "")
    assert ltr.padded(16) == "Leave a Reply.  "


def test_words_leaves_a_latin_word_or_a_number_beside_an_arabic_comma_as_it_is() -> None:
    """kitty flips a word of Arabic letters, not one whose only Arabic character is
    punctuation shared with other scripts (seen: "iPad Mini،" showed "daPi")."""
    for word in ("،iPad", "iPad،", "،@OnLeaks", "2015،", "؟x", "x؛", "ـ"):
        assert flip_words(word, range(len(word)))[0] == word
    assert flip_words("ﻞﺑﺃ،", range(4))[0] == "،ﺃﺑﻞ"
    assert flip_words("٢٠١٥", range(4))[0] == "٥١٠٢"  # Arabic-Indic digits: Arabic script
