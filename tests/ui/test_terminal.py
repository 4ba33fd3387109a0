"""Choosing the bidi mode from the environment, and the explicit-mode sequences."""

from __future__ import annotations

import pytest

from reader.ui.terminal import (
    choose_bidi_mode,
    explicit_mode_sequences,
    terminal_reorder_hint,
    tmux_passthrough,
)


@pytest.mark.parametrize(
    ("env", "hint"),
    [
        ({"KONSOLE_VERSION": "230804"}, "KONSOLE_VERSION"),
        ({"TERM": "mlterm-256color"}, "TERM=mlterm-256color"),
        ({"MLTERM": "3.9.3"}, "MLTERM"),
        ({"KITTY_WINDOW_ID": "1"}, "KITTY_WINDOW_ID"),
        ({"TERM": "xterm-256color"}, None),
        ({"VTE_VERSION": "7006", "TERM": "xterm-256color"}, None),  # VTE obeys CSI 8 l
        ({}, None),
    ],
)
def test_auto_mode_follows_the_environment(env: dict[str, str], hint: str | None) -> None:
    assert terminal_reorder_hint(env) == hint
    decision = choose_bidi_mode("auto", env)
    assert decision.mode == ("terminal" if hint else "app")
    assert decision.hint == hint
    assert decision.reason_key == (
        "bidi.reason.env_terminal" if hint else "bidi.reason.env_app"
    )


def test_an_explicit_choice_wins_over_the_environment() -> None:
    decision = choose_bidi_mode("app", {"KONSOLE_VERSION": "1"})
    assert (decision.mode, decision.reason_key) == ("app", "bidi.reason.flag")
    assert choose_bidi_mode("terminal", {}).mode == "terminal"
    with pytest.raises(ValueError, match="bidi"):
        choose_bidi_mode("sideways", {})


def test_app_mode_switches_the_terminal_to_explicit_mode_and_back() -> None:
    assert explicit_mode_sequences("app", {}) == ("\x1b[8l", "\x1b[8h")
    assert explicit_mode_sequences("terminal", {}) == ("", "")


def test_inside_tmux_the_sequences_use_the_passthrough_form() -> None:
    enter, leave = explicit_mode_sequences("app", {"TMUX": "/tmp/tmux-0/default,1,0"})
    assert enter == "\x1bPtmux;\x1b\x1b[8l\x1b\\"
    assert leave == "\x1bPtmux;\x1b\x1b[8h\x1b\\"
    assert tmux_passthrough("\x1b]0;x\x07") == "\x1bPtmux;\x1b\x1b]0;x\x07\x1b\\"


def test_mlterm_also_gets_its_own_switch() -> None:
    enter, leave = explicit_mode_sequences("app", {"TERM": "mlterm"})
    assert enter == "\x1b[8l\x1b]5379;use_ctl=false\x07"
    assert leave == "\x1b[8h\x1b]5379;use_ctl=true\x07"
