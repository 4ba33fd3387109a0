"""The command line's output strategy: on a terminal the app's decision, in a pipe ``app``.

On kitty every Arabic word of ``cat``'s output showed backwards: the command line laid
Arabic out for ``app`` whatever the terminal was. These tests hold it to the app's
decision (:func:`reader.ui.terminal.decide`) on a terminal, and to today's bytes in a
pipe.
"""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import strategy
from reader.cli.cat import render_paragraphs
from reader.cli.say import for_stream
from reader.text.output import BIDI_CHOICES
from reader.ui.saved_choices import save_choice
from tests.conftest import REPO_ROOT

SAMPLE = "قال (الوزير) إن iPad سيصل 2015.\n"

#: The sample line through ``cat - --width 40 --bidi MODE`` in a pipe, byte for byte:
#: app in visual order, shaped; words the same with each Arabic word sent backwards
#: (kitty flips it back); the others logical order (shaped or not, brackets swapped
#: for a terminal that does not mirror them).
EXPECTED = {
    "app": "         .2015 ﻞﺼﻴﺳ iPad ﻥﺇ (ﺮﻳﺯﻮﻟﺍ) ﻝﺎﻗ\n",
    "terminal": "قال (الوزير) إن iPad سيصل 2015.\n",
    "shaped": "ﻗﺎﻝ (ﺍﻟﻮﺯﻳﺮ) ﺇﻥ iPad ﺳﻴﺼﻞ 2015.\n",
    "shaped-mirrored": "ﻗﺎﻝ )ﺍﻟﻮﺯﻳﺮ( ﺇﻥ iPad ﺳﻴﺼﻞ 2015.\n",
    "shaped-rlm": "ﻗﺎﻝ (ﺍﻟﻮﺯﻳﺮ) ﺇﻥ iPad ﺳﻴﺼﻞ 2015.\n",
    "words": "         .2015 ﺳﻴﺼﻞ iPad ﺇﻥ (ﺍﻟﻮﺯﻳﺮ) ﻗﺎﻝ\n",
}


RLE, PDF, LRM, RLM = "\u202b", "\u202c", "\u200e", "\u200f"

#: The sample on a terminal whose own bidi orders each row as a left-to-right paragraph:
#: the logical line as the app sends it, padded on the left and in its embedding
#: (Konsole: brackets swapped; VTE: as they are).
ON_KONSOLE = " " * 9 + RLE + EXPECTED["shaped-mirrored"].rstrip("\n") + PDF + LRM + "\n"
ON_VTE = " " * 9 + RLE + EXPECTED["shaped"].rstrip("\n") + PDF + LRM + "\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _cat(*args: str, env: dict[str, str] | None = None, sample: str = SAMPLE) -> bytes:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "cat", "-", "--width", "40", *args],
        input=sample.encode(), capture_output=True, cwd=REPO_ROOT, timeout=60,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _cat_on_a_terminal(*args: str, env: dict[str, str], sample: str = SAMPLE) -> str:
    """``cat``'s output written to a pseudo-terminal, as the terminal got it."""
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "cat", "-", "--width", "40", *args],
            stdin=subprocess.PIPE, stdout=terminal, stderr=subprocess.PIPE,
            cwd=REPO_ROOT, env={**os.environ, **env},
        )
        os.close(terminal)
        _, errors = process.communicate(sample.encode(), timeout=60)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the other end is closed: all read
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.returncode == 0, errors
    finally:
        os.close(controller)
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_the_command_line_takes_the_apps_strategy_names() -> None:
    from reader.cli.arguments import add_bidi_option
    from reader.ui.terminal import BIDI_CHOICES as APP_CHOICES

    parser = __import__("argparse").ArgumentParser()
    add_bidi_option(parser)
    assert APP_CHOICES is BIDI_CHOICES
    for name in BIDI_CHOICES:
        assert parser.parse_args(["--bidi", name]).bidi == name
    assert parser.parse_args([]).bidi == "auto"


def test_on_kitty_a_terminal_gets_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
    assert strategy.layout_mode(_Terminal()) == "words"


def test_in_a_pipe_nothing_is_detected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
    assert strategy.layout_mode(io.StringIO()) == "app"
    assert strategy.layout_mode(io.StringIO(), "terminal") == "terminal"
    assert strategy.terminal_decision.cache_info().currsize == 0


def test_a_given_strategy_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
    assert strategy.layout_mode(_Terminal(), "app") == "app"
    assert strategy.layout_mode(_Terminal(), "shaped") == "shaped"
    monkeypatch.delenv("KITTY_WINDOW_ID")
    monkeypatch.setenv("KONSOLE_VERSION", "221203")
    # terminal as the app sends it to that terminal
    assert strategy.layout_mode(_Terminal(), "terminal") == "terminal-konsole"


def test_the_saved_choice_wins_over_auto(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
    save_choice("kitty", "app")
    assert strategy.layout_mode(_Terminal()) == "app"


def test_messages_follow_the_strategy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
    line = "rtl-reader: لا مقال"
    # app's visual order ("ﻝﺎﻘﻣ ﻻ"), each word backwards for kitty to flip
    assert for_stream(line, _Terminal()) == "rtl-reader: ﻣﻘﺎﻝ ﻻ"
    assert for_stream(line, io.StringIO()) == line  # a pipe: logical, as ever


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_each_strategys_bytes_through_cat(mode: str) -> None:
    assert _cat("--bidi", mode).decode() == EXPECTED[mode]


def test_a_pipe_gets_the_same_bytes_on_every_terminal() -> None:
    for env in ({"KITTY_WINDOW_ID": "1"}, {"KONSOLE_VERSION": "221203"}, {"MLTERM": "3.9"}):
        assert _cat(env=env).decode() == EXPECTED["app"]


def test_kitty_gets_its_words_on_a_terminal(tmp_path: Path) -> None:
    assert _cat_on_a_terminal(env={"KITTY_WINDOW_ID": "1"}) == EXPECTED["words"]
    assert _cat_on_a_terminal(env={"KONSOLE_VERSION": "221203"}) == ON_KONSOLE
    assert _cat_on_a_terminal("--bidi", "app", env={"KITTY_WINDOW_ID": "1"}) == EXPECTED["app"]
    config = tmp_path / "terminals.json"
    save_choice("kitty", "shaped", config)
    assert _cat_on_a_terminal(env={"KITTY_WINDOW_ID": "1", "RTL_READER_CONFIG": str(config)}
                              ) == ON_VTE  # shaped, as a terminal that orders it needs it


def test_a_pipe_imports_no_terminal_detection(tmp_path: Path) -> None:
    """cat's start-up in a pipe is measured against fribidi's: the terminal module (and
    tmux's question) is never loaded there."""
    sample = tmp_path / "sample.txt"
    sample.write_text(SAMPLE, encoding="utf-8")
    probe = ("import sys; from reader.cli import main; main(['cat', '--raw', sys.argv[1]]); "
             "print(sorted(m for m in sys.modules if m.startswith('reader.ui')), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe, str(sample)], capture_output=True,
                            cwd=REPO_ROOT, timeout=60, env={**os.environ, "KITTY_WINDOW_ID": "1"})
    assert result.stdout.decode() == EXPECTED["app"].replace(" " * 9, " " * 49)
    assert result.stderr.decode().strip() == "[]"


#: A vocalised sentence: kitty 0.26.5 draws each letter carrying a haraka over its
#: neighbours, so the app strips them there unless the user chose.
VOCALISED = "ذَهَبَ الطَّالِبُ\n"
HARAKAT = frozenset("\u064e\u064f\u0650\u0651")


def test_harakat_on_a_terminal_follow_the_apps_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert strategy.harakat(_Terminal(), None) == "keep"
    strategy.terminal_decision.cache_clear()
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
    assert strategy.harakat(_Terminal(), None) == "strip"
    assert strategy.harakat(_Terminal(), "keep") == "keep"  # chosen: the choice wins
    assert strategy.harakat(io.StringIO(), None) == "keep"  # a pipe: as it always was
    strategy.request("app")  # whatever the strategy, kitty overdraws them
    strategy.terminal_decision.cache_clear()
    assert strategy.harakat(_Terminal(), None) == "strip"


def test_cat_on_kitty_strips_harakat_unless_asked() -> None:
    kitty = {"KITTY_WINDOW_ID": "1"}
    stripped = _cat_on_a_terminal(env=kitty, sample=VOCALISED)
    assert stripped.strip() and not HARAKAT & set(stripped)
    kept = _cat_on_a_terminal("--harakat", "keep", env=kitty, sample=VOCALISED)
    assert set(kept) >= HARAKAT
    # elsewhere, and in a pipe even on kitty, they stay, byte for byte
    assert set(_cat_on_a_terminal(env={}, sample=VOCALISED)) >= HARAKAT
    piped = _cat(env=kitty, sample=VOCALISED)
    assert piped == _cat(sample=VOCALISED) == _cat("--harakat", "keep", sample=VOCALISED)
    assert set(piped.decode()) >= HARAKAT


def test_a_terminal_that_orders_gets_each_line_as_it_needs() -> None:
    """Konsole and VTE order each row as a left-to-right paragraph: a right-to-left line
    goes padded and embedded (bare, Konsole showed it at the left edge with its runs and
    its final "." on the wrong sides). mlterm orders a row in its first strong letter's
    direction and aligns it itself: logical text, no padding, no marks. VTE and mlterm
    get logical text where the app would switch their bidi off (cat cannot: ``app``
    read backwards there)."""
    assert _cat_on_a_terminal(env={"VTE_VERSION": "7006"}) == ON_VTE
    assert _cat_on_a_terminal(env={"TERM": "mlterm"}) == EXPECTED["shaped-rlm"]
    assert _cat_on_a_terminal("--bidi", "terminal", env={"TERM": "mlterm"}
                              ) == EXPECTED["terminal"]
    # a strategy given is sent as it is asked for
    assert _cat_on_a_terminal("--bidi", "app", env={"VTE_VERSION": "7006"}) == EXPECTED["app"]


def test_on_mlterm_a_line_starting_the_other_way_gets_a_mark() -> None:
    """The second line of this Arabic paragraph starts with "iPad": mlterm would lay it
    out left to right; an RLM before it keeps it right to left. So with a line of
    digits alone."""
    sample = "قال الوزير إن الجهاز iPad سيصل\n"
    lines = _cat_on_a_terminal("--width", "24", env={"TERM": "mlterm"}, sample=sample
                               ).splitlines()
    assert len(lines) == 2 and lines[1].startswith(" " + RLM + "iPad")
    assert not any(mark in lines[0] for mark in (RLE, PDF, LRM, RLM))
    # a right-to-left line with no strong letter: mlterm would take it left to right
    lines = _cat_on_a_terminal("--width", "16", env={"TERM": "mlterm"},
                               sample="قال الوزير إن 2015.\n").splitlines()
    assert lines == ["ﻗﺎﻝ ﺍﻟﻮﺯﻳﺮ ﺇﻥ", " " + RLM + "2015."]


def test_a_pipe_gets_the_same_bytes_on_every_terminal_that_orders() -> None:
    for env in ({"VTE_VERSION": "7006"}, {"TERM": "mlterm"}):
        assert _cat(env=env).decode() == EXPECTED["app"]
        assert _cat("--bidi", "terminal", env=env).decode() == EXPECTED["terminal"]


_TEXTS = st.lists(st.sampled_from(["قال", "الوزير", "iPad", "mini", "4", "(", ")", "«مهم»",
                                   "2015.", "،", "!", "لا", "جهاز"]),
                  min_size=1, max_size=30).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(text=_TEXTS, width=st.integers(min_value=3, max_value=40))
def test_every_line_for_an_embedding_terminal_has_a_cell_before_its_embedding(
        text: str, width: int) -> None:
    """Konsole drops a zero-width character written in a row's first cell: every
    right-to-left line must have a space before its RLE, and fill the width exactly."""
    from reader.text.layout import LayoutOptions
    from reader.text.wrap import text_cells

    options = LayoutOptions(width=width, mode="shaped-mirrored")
    for line in render_paragraphs([text], options, form=strategy.EMBEDDED):
        shown = "".join(ch for ch in line if ch not in (RLE, PDF, LRM))
        assert text_cells(shown) <= width
        if RLE in line:
            assert line.startswith(" ") and line.lstrip(" ").startswith(RLE)
            assert text_cells(shown) == width


@settings(max_examples=60, deadline=None)
@given(text=_TEXTS, width=st.integers(min_value=3, max_value=40))
def test_every_line_for_mlterm_starts_in_its_paragraphs_direction(text: str, width: int
                                                                    ) -> None:
    """mlterm lays a row out in its first strong letter's direction and gives each mark a
    cell's slot: no marks but one leading mark (after a space: tmux drops one in a row's
    first cell), and the row's first strong letter (or that mark) says the paragraph's
    direction; no padding."""
    from reader.text.bidi.classes import classify
    from reader.text.bidi.reference import first_strong_level
    from reader.text.direction import base_level
    from reader.text.layout import LayoutOptions
    from reader.text.wrap import text_cells

    options = LayoutOptions(width=width, mode="shaped")
    level = base_level(text)
    for line in render_paragraphs([text], options, form=strategy.FIRST_STRONG):
        if not line:  # a line holding only the space a break left: nothing to order
            continue
        body = line[2:] if line[1:2] in (LRM, RLM) else line
        assert not any(mark in body for mark in (RLE, PDF, LRM, RLM))
        assert body == line or line[0] == " "
        assert text_cells(line) <= width
        first = first_strong_level(classify(line))
        assert (first or 0) == level


def test_columns_on_a_terminal_that_orders_go_as_the_app_sends_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``list``, ``search``, ``related`` and ``drafts`` print a title after a column of
    ids: on Konsole (and VTE) each title line padded and embedded as ``cat``'s lines are;
    in a pipe logical text as it is; on mlterm as it is too (the row's first strong
    letter is the id's)."""
    from reader.cli.columns import text_lines
    from reader.text.layout import LayoutOptions

    title = "قال (الوزير) إن iPad سيصل 2015."
    options = LayoutOptions(width=40, mode="shaped-mirrored")
    monkeypatch.setenv("KONSOLE_VERSION", "221203")
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert text_lines(title, 40, options) == [ON_KONSOLE.rstrip("\n")]
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert text_lines(title, 40, options) == [EXPECTED["shaped-mirrored"].rstrip("\n")]
    monkeypatch.delenv("KONSOLE_VERSION")
    monkeypatch.setenv("TERM", "mlterm")
    strategy.terminal_decision.cache_clear()
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert text_lines(title, 40, options.replace(mode="shaped")) == [
        EXPECTED["shaped"].rstrip("\n")]


def test_messages_keep_the_interfaces_isolates_on_a_terminal_that_orders(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Konsole showed "rtl-reader: مقال جديد.txt: no such file" with the file name's runs
    in left-to-right order: the message's isolates were dropped on the way. The
    interface's own sentence keeps them there (each FSI resolved); a plain string never
    gains any; mlterm, which draws isolate controls as boxes, gets embeddings."""
    from reader.cli.say import for_stream, located, prefixed, text

    lri, rli, fsi, pdi = "\u2066", "\u2067", "\u2068", "\u2069"
    line = prefixed(located("مقال جديد.txt", text("cli.input.missing")))
    monkeypatch.setenv("KONSOLE_VERSION", "221203")
    shown = for_stream(line, _Terminal())
    assert shown.startswith("rtl-reader: " + lri) and rli + "ﻣﻘﺎﻝ ﺟﺪﻳﺪ.txt" + pdi in shown
    assert fsi not in shown
    assert not set(for_stream(str(line), _Terminal())) & {lri, rli, fsi, pdi}
    # an Arabic line goes in its embedding after a space (Konsole drops a mark in a
    # row's first cell)
    monkeypatch.setenv("LANGUAGE", "ar")
    assert for_stream(text("cli.search.none", query="x"), _Terminal()).startswith(" " + RLE)
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.delenv("KONSOLE_VERSION")
    monkeypatch.setenv("TERM", "mlterm")
    strategy.terminal_decision.cache_clear()
    shown = for_stream(line, _Terminal())
    assert not set(shown) & {lri, rli, fsi, pdi}
    # mlterm gets embeddings instead, behind tmux too (seen right there, December 4,
    # 2026, once no row was filled to its last cell: see the next test)
    assert shown.startswith("rtl-reader: \u202a") and RLE + "ﻣﻘﺎﻝ ﺟﺪﻳﺪ.txt" + PDF in shown
    from reader.ui.terminal import TmuxClient

    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    monkeypatch.setattr("reader.ui.terminal.ask_tmux",
                        lambda environ: TmuxClient("mlterm", "", {"MLTERM": "3.9.0"}))
    strategy.terminal_decision.cache_clear()
    behind = strategy.terminal_decision(strategy.AUTO).terminal
    assert behind.inside_tmux and behind.kind == "mlterm"
    assert for_stream(line, _Terminal()) == shown
    assert for_stream(line, io.StringIO()) == line  # a pipe: logical, as ever


def test_mlterm_gets_each_message_row_with_room_for_its_marks_and_in_its_direction(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """mlterm gives each zero-width mark a slot of its row: a message row filled to its
    last cell pushed its end onto the next row (behind tmux the next line was lost), so
    rows are laid out narrower by the marks they may carry. And mlterm takes a row's
    direction from its first strong letter: the second row of an English message
    starting inside an Arabic file name read right to left behind tmux ("txt: no such
    file.جدا"), its opening marks dropped, so such a row starts with a space."""
    from reader.cli.say import for_stream, located, prefixed, text
    from reader.text.output import LRM, is_mark

    monkeypatch.setenv("TERM", "mlterm")
    monkeypatch.delenv("TMUX", raising=False)
    strategy.terminal_decision.cache_clear()
    monkeypatch.setattr("reader.cli.say.terminal_columns", lambda stream: 40)
    line = prefixed(located("مقال جديد طويل جدا جدا جدا.txt", text("cli.input.missing")))
    rows = for_stream(line, _Terminal()).split("\n")
    assert len(rows) == 2
    for row in rows:
        assert len(row) <= 40 - 1  # marks and all: one cell to spare, as on other terminals
        assert sum(not is_mark(ch) for ch in row) <= 40 - 1 - strategy.marks_room(line)
    assert rows[0].startswith("rtl-reader: ")
    # the second row opens the sentence's embedding again, after a space (tmux drops a
    # mark written in a row's first cell, and the row then read right to left)
    assert rows[1].startswith(" \u202a" + LRM) and rows[1].endswith("no such file\u202c" + LRM)
