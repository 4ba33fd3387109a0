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


def _cat(*args: str, env: dict[str, str] | None = None) -> bytes:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "cat", "-", "--width", "40", *args],
        input=SAMPLE.encode(), capture_output=True, cwd=REPO_ROOT, timeout=60,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _cat_on_a_terminal(*args: str, env: dict[str, str]) -> str:
    """``cat``'s output written to a pseudo-terminal, as the terminal got it."""
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "cat", "-", "--width", "40", *args],
            stdin=subprocess.PIPE, stdout=terminal, stderr=subprocess.PIPE,
            cwd=REPO_ROOT, env={**os.environ, **env},
        )
        os.close(terminal)
        _, errors = process.communicate(SAMPLE.encode(), timeout=60)
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
