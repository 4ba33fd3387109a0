"""rtl-reader doctor: what auto sees and picks, the sample lines, and saving a choice."""

from __future__ import annotations

import pytest

from reader.cli import main
from reader.text.output import MODES
from reader.ui.saved_choices import load_choices


def test_doctor_prints_what_auto_saw_and_picked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.setenv("KONSOLE_VERSION", "221203")
    assert main(["doctor", "--no-ask", "--width", "50"]) == 0
    out = capsys.readouterr().out
    assert "terminal: konsole" in out and "found from: KONSOLE_VERSION" in out
    assert "--bidi auto picks: shaped-mirrored (from the table of terminals)" in out
    assert "a bidi setting no program can see" in out
    assert "harakat, when not chosen with --harakat: keep" in out
    assert "over its neighbours" not in out
    for number, mode in enumerate(MODES, 1):
        assert f"\n{number}" in out and mode in out
    assert "\x1b" not in out  # not a terminal: no mode switches in the output


def test_doctor_saves_a_choice_for_this_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.setenv("KONSOLE_VERSION", "221203")
    assert main(["doctor", "--choose", "app"]) == 0
    assert load_choices() == {"konsole": "app"}
    capsys.readouterr()
    assert main(["doctor", "--no-ask"]) == 0
    assert "--bidi auto picks: app (the choice saved for this terminal)" in capsys.readouterr().out


def test_on_mlterm_the_lines_are_shown_as_the_strategy_in_force_has_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # mlterm switches its layout for the whole screen at once: switched per line, every
    # line showed with the last line's layout (on), and the app line auto picks read
    # backwards. So the layout is switched off once, and on again when doctor is done.
    import sys

    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.setenv("TERM", "mlterm")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["doctor", "--no-ask", "--width", "50"]) == 0
    out = capsys.readouterr().out
    off, on = "\x1b]5379;use_ctl=false\x07", "\x1b]5379;use_ctl=true\x07"
    assert out.count(off) == 1 and out.count(on) == 1
    first_sample = out.index("\n1* app")
    assert out.index(off) < first_sample < out.index(f"\n{len(MODES)} ") < out.index(on)
    assert out.endswith("\x1b[8h" + on)


def test_doctor_says_auto_strips_harakat_on_kitty(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    for name in ("KONSOLE_VERSION", "VTE_VERSION", "MLTERM", "XTERM_VERSION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
    assert main(["doctor", "--no-ask", "--width", "50"]) == 0
    out = capsys.readouterr().out
    assert "harakat, when not chosen with --harakat: strip" in out
    assert "draws a letter carrying a haraka over its neighbours" in out
    # the sample lines too come without harakat, as the app shows text there
    samples = out.split("Which line reads right?")[1]
    assert not any("\u064b" <= ch <= "\u0652" for ch in samples)
