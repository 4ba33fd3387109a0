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

from reader.cli import strategy
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
    assert _cat_on_a_terminal(env={"KONSOLE_VERSION": "221203"}) == EXPECTED["shaped-mirrored"]
    assert _cat_on_a_terminal("--bidi", "app", env={"KITTY_WINDOW_ID": "1"}) == EXPECTED["app"]
    config = tmp_path / "terminals.json"
    save_choice("kitty", "shaped", config)
    assert _cat_on_a_terminal(env={"KITTY_WINDOW_ID": "1", "RTL_READER_CONFIG": str(config)}
                              ) == EXPECTED["shaped"]


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
