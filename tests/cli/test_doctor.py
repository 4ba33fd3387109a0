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
