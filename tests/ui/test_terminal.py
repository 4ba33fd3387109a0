"""The decision table: what the terminal (and tmux's client) says in, the strategy out;
the sequences that set each terminal up and put it back; the saved choices."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.ui.saved_choices import load_choices, save_choice
from reader.ui.terminal import (
    BIDI_CHOICES,
    MLTERM_SEPARATORS,
    TmuxClient,
    choose_bidi_mode,
    decide,
    decide_harakat,
    frames,
    identify,
    mlterm_frames,
    mode_sequences,
    needs_passthrough,
    tmux_passthrough,
)

TMUX = {"TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color"}

# What each terminal measured under Xvfb set (docs/terminals.md), directly.
DIRECT = [
    ({"TERM": "xterm", "XTERM_VERSION": "XTerm(379)"}, "xterm", "app"),
    ({"TERM": "alacritty", "ALACRITTY_WINDOW_ID": "2097159"}, "alacritty", "app"),
    ({"TERM": "xterm-256color", "VTE_VERSION": "7006"}, "vte", "app"),
    ({"TERM": "mlterm", "MLTERM": "3.9.0"}, "mlterm", "app"),
    ({"TERM": "xterm-256color", "KONSOLE_VERSION": "221203"}, "konsole", "shaped-mirrored"),
    ({"TERM": "xterm-kitty"}, "kitty", "words"),
    ({"TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"}, "kitty", "words"),
    ({"TERM": "xterm-256color"}, "unknown", "app"),
    ({}, "unknown", "app"),
]

# What tmux 3.3a reported about each client (client_termname, client_termtype) and the
# client process's environment.
IN_TMUX = [
    (TmuxClient("xterm", "XTerm(379)", {"XTERM_VERSION": "XTerm(379)"}), "xterm", "app"),
    (TmuxClient("alacritty", "", {"ALACRITTY_WINDOW_ID": "1"}), "alacritty", "app"),
    (TmuxClient("xterm-256color", "", {"VTE_VERSION": "7006"}), "vte", "shaped"),
    # app, with mlterm's OSC through tmux's passthrough (tests/e2e/test_mlterm_behind_tmux)
    (TmuxClient("mlterm", "", {"MLTERM": "3.9.0"}), "mlterm", "app"),
    (TmuxClient("xterm-256color", "Konsole 22.12.3", {}), "konsole", "shaped-mirrored"),
    (TmuxClient("xterm-kitty", "kitty(0.26.5)", None), "kitty", "words"),
    (TmuxClient("xterm-256color", "", None), "unknown", "app"),
    (TmuxClient("xterm-256color", "", {}), "unknown", "app"),
]


@pytest.mark.parametrize(("env", "kind", "mode"), DIRECT)
def test_auto_outside_tmux_follows_the_terminals_environment(
    env: dict[str, str], kind: str, mode: str
) -> None:
    decision = choose_bidi_mode("auto", env)
    assert (decision.terminal.kind, decision.mode, decision.source) == (kind, mode, "auto")
    assert not decision.terminal.inside_tmux


@pytest.mark.parametrize(("client", "kind", "mode"), IN_TMUX)
def test_auto_inside_tmux_asks_tmux_about_its_client(
    client: TmuxClient, kind: str, mode: str
) -> None:
    # Variables inherited from wherever tmux was started say Konsole, mlterm, kitty
    # and VTE at once: none of them counts.
    stale = {**TMUX, "KONSOLE_VERSION": "1", "MLTERM": "3", "KITTY_WINDOW_ID": "2",
             "VTE_VERSION": "7006"}
    decision = choose_bidi_mode("auto", stale, client)
    assert (decision.terminal.kind, decision.mode) == (kind, mode)
    assert decision.terminal.inside_tmux


def test_inside_tmux_without_an_answer_from_tmux_the_terminal_is_unknown() -> None:
    decision = choose_bidi_mode("auto", {**TMUX, "KONSOLE_VERSION": "1"}, None)
    assert (decision.terminal.kind, decision.mode) == ("unknown", "app")


def test_mlterm_and_kitty_never_get_logical_unshaped_text() -> None:
    for env in ({"MLTERM": "3.9.0"}, {"TERM": "mlterm"}, {"KITTY_WINDOW_ID": "1"}):
        assert choose_bidi_mode("auto", env).mode != "terminal"
        client = TmuxClient("xterm-256color", "", env)
        assert choose_bidi_mode("auto", TMUX, client).mode != "terminal"


def test_a_given_strategy_wins_and_a_saved_choice_beats_the_table() -> None:
    konsole = identify({"KONSOLE_VERSION": "221203"})
    assert decide("app", konsole).source == "flag"
    assert decide("terminal", konsole).mode == "terminal"
    saved = decide("auto", konsole, {"konsole": "app"})
    assert (saved.mode, saved.source, saved.reason_key) == ("app", "saved", "bidi.reason.saved")
    assert decide("auto", konsole, {"konsole": "no-such"}).mode == "shaped-mirrored"
    assert decide("auto", konsole).setting_unseen
    assert not saved.setting_unseen and not decide("app", konsole).setting_unseen
    with pytest.raises(ValueError, match="bidi"):
        decide("sideways", konsole)
    assert set(BIDI_CHOICES) >= {"app", "terminal", "auto"}


def test_choices_are_kept_per_terminal_and_inside_tmux_where_auto_differs() -> None:
    vte = identify({"VTE_VERSION": "7006"})
    vte_tmux = identify(TMUX, TmuxClient("xterm-256color", "", {"VTE_VERSION": "7006"}))
    konsole_tmux = identify(TMUX, TmuxClient("xterm-256color", "Konsole 22.12.3", {}))
    assert (vte.key, vte_tmux.key, konsole_tmux.key) == ("vte", "vte+tmux", "konsole")


def test_app_mode_switches_the_terminal_to_explicit_mode_and_back() -> None:
    assert mode_sequences(choose_bidi_mode("app", {})) == ("\x1b[8l", "\x1b[8h")
    # the strategies that rely on the terminal's bidi make sure it is on
    assert mode_sequences(choose_bidi_mode("shaped", {})) == ("\x1b[8h", "\x1b[8h")


def test_inside_tmux_the_sequences_use_the_passthrough_form() -> None:
    enter, leave = mode_sequences(choose_bidi_mode("app", TMUX, TmuxClient("xterm", "")))
    assert enter == "\x1bPtmux;\x1b\x1b[8l\x1b\\"
    assert leave == "\x1bPtmux;\x1b\x1b[8h\x1b\\"
    assert tmux_passthrough("\x1b]0;x\x07") == "\x1bPtmux;\x1b\x1b]0;x\x07\x1b\\"


def test_mlterm_gets_its_own_switch_and_always_gets_its_layout_back() -> None:
    enter, leave = mode_sequences(choose_bidi_mode("auto", {"TERM": "mlterm"}))
    assert enter == "\x1b[8l\x1b]5379;use_ctl=false\x07"
    assert leave == "\x1b[8h\x1b]5379;use_ctl=true\x07"
    # the logical strategies with marks: mlterm's layout on, every row left to right (a
    # row with no box-drawing character took its first letter's direction: an Arabic
    # title bar sat at the left), and its default back on leaving
    enter, leave = mode_sequences(choose_bidi_mode("shaped", {"TERM": "mlterm"}))
    assert enter == "\x1b[8h\x1b]5379;use_ctl=true\x07\x1b]5379;bidi_mode=left\x07"
    assert leave == "\x1b]5379;bidi_mode=normal\x07\x1b[8h\x1b]5379;use_ctl=true\x07"
    # terminal: each row parted at the (ASCII) borders and corners, each stretch laid
    # out in the direction of its first strong letter; no separators on leaving (the
    # default), the rows' direction back
    enter, leave = mode_sequences(choose_bidi_mode("terminal", {"TERM": "mlterm"}))
    assert enter == ("\x1b[8h\x1b]5379;use_ctl=true\x07\x1b]5379;bidi_mode=normal\x07"
                     "\x1b]5379;bidi_separators=|\x07")
    assert leave == ("\x1b]5379;bidi_separators=\x07\x1b]5379;bidi_mode=normal\x07"
                     "\x1b[8h\x1b]5379;use_ctl=true\x07")
    # behind tmux the same, through its passthrough
    mlterm = TmuxClient("mlterm", "", {"MLTERM": "3.9.0"})
    enter, leave = mode_sequences(choose_bidi_mode("terminal", TMUX, mlterm))
    assert enter == tmux_passthrough("\x1b[8h\x1b]5379;use_ctl=true\x07"
                                     "\x1b]5379;bidi_mode=normal\x07\x1b]5379;bidi_separators=|\x07")


def test_only_mlterms_terminal_form_draws_its_frames_in_ascii() -> None:
    """A box-drawing character switches mlterm's whole row to left to right (vt_bidi.c),
    so terminal mode on mlterm sends its frames in ASCII, the separators among them."""
    mlterm = TmuxClient("mlterm", "", {"MLTERM": "3.9.0"})
    assert frames(choose_bidi_mode("terminal", {"TERM": "mlterm"})) is mlterm_frames()
    assert frames(choose_bidi_mode("terminal", TMUX, mlterm)) is mlterm_frames()
    for mode in ("auto", "app", "shaped", "shaped-rlm"):
        assert frames(choose_bidi_mode(mode, {"TERM": "mlterm"})) is None
    for env in ({"VTE_VERSION": "7006"}, {"KONSOLE_VERSION": "1"}, {"TERM": "xterm"}):
        assert frames(choose_bidi_mode("terminal", env)) is None
    # every box-drawing and block character, and nothing else, has an ASCII stand-in that
    # is no letter (a letter is a strong left-to-right character to mlterm's bidi)
    assert set(mlterm_frames()) == set(range(0x2500, 0x25A0))
    assert all(len(v) == 1 and v.isascii() and not v.isalnum() for v in mlterm_frames().values())
    frame = "╭─ x ─╮│▏▕│╰──╯┼▁▂▇█"
    assert frame.translate(mlterm_frames()) == "|- x -||||||--||    "
    # the verticals and corners are mlterm's separator, nothing else ("ctrl+q" is one
    # stretch)
    assert MLTERM_SEPARATORS == "|"


def test_saved_choices_survive_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "terminals.json"
    assert load_choices(path) == {}
    save_choice("konsole", "app", path)
    save_choice("vte+tmux", "shaped", path)
    assert load_choices(path) == {"konsole": "app", "vte+tmux": "shaped"}
    path.write_text("{not json", encoding="utf-8")
    assert load_choices(path) == {}
    path.write_text(json.dumps({"konsole": "sideways", "kitty": "words"}), encoding="utf-8")
    assert load_choices(path) == {"kitty": "words"}
    with pytest.raises(ValueError):
        save_choice("konsole", "sideways", path)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_tmux_is_really_asked_about_its_client(tmp_path: Path) -> None:
    """In a real tmux, the client's TERM and environment decide, not the pane's."""
    socket = f"rtl-reader-test-{os.getpid()}"
    out = tmp_path / "decision.txt"
    script = (
        "import os; from reader.ui.terminal import ask_tmux, identify;"
        f"t = identify(os.environ, ask_tmux(os.environ)); open({str(out)!r}, 'w')"
        ".write(f'{t.kind} {t.inside_tmux}')"
    )
    env = {**os.environ, "TERM": "mlterm", "KONSOLE_VERSION": "1"}
    env.pop("TMUX", None)
    command = f"cd {Path.cwd()} && {sys.executable} -c \"{script}\"; sleep 5"
    try:
        subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d",
                        "-x", "80", "-y", "24", command], env=env, check=True, timeout=10)
        # a detached session has no client: tmux answers with empty fields
        for _ in range(100):
            if out.exists() and out.read_text():
                break
            subprocess.run(["sleep", "0.05"], check=True)
        assert out.read_text() == "unknown True"
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, timeout=10)


def test_only_mlterm_behind_tmux_needs_the_passthrough() -> None:
    mlterm = TmuxClient("mlterm", "", {"MLTERM": "3.9.0"})
    assert needs_passthrough(choose_bidi_mode("auto", TMUX, mlterm))
    assert needs_passthrough(choose_bidi_mode("terminal", TMUX, mlterm))  # bidi_mode=left
    assert not needs_passthrough(choose_bidi_mode("auto", {"TERM": "mlterm"}))
    for client in (TmuxClient("xterm", "XTerm(379)"), TmuxClient("xterm-256color", "",
                                                                    {"VTE_VERSION": "7006"})):
        assert not needs_passthrough(choose_bidi_mode("auto", TMUX, client))


def test_terminal_mode_is_laid_out_in_the_terminals_form() -> None:
    cases = [({"VTE_VERSION": "7006"}, None, "terminal"),
             ({"TERM": "mlterm"}, None, "terminal-mlterm"),
             ({"KONSOLE_VERSION": "221203"}, None, "terminal-konsole"),
             (TMUX, TmuxClient("mlterm", "", {}), "terminal-mlterm"),
             (TMUX, TmuxClient("xterm-256color", "Konsole 22.12.3", {}), "terminal-konsole"),
             ({"TERM": "xterm"}, None, "terminal")]
    for env, client, form in cases:
        decision = choose_bidi_mode("terminal", env, client)
        assert (decision.mode, decision.layout_mode) == ("terminal", form)
    # every other strategy is laid out as itself
    assert choose_bidi_mode("auto", {"KONSOLE_VERSION": "1"}).layout_mode == "shaped-mirrored"


def test_a_detached_tmux_session_says_no_client_is_attached() -> None:
    """Started detached (a script, a service), tmux has no client: the help screen says
    so instead of showing an empty ``client_termname=``."""
    decision = choose_bidi_mode("auto", {**TMUX}, TmuxClient("", "", None))
    assert (decision.terminal.kind, decision.mode) == ("unknown", "app")
    assert decision.terminal.evidence == "tmux: no client attached"


# kitty 0.26.5 draws a letter carrying a haraka over its neighbours in every strategy
# (docs/terminals.md): not chosen, harakat are stripped there and kept elsewhere.
HARAKAT = [
    ({"TERM": "xterm-kitty"}, None, "strip"),
    ({"KITTY_WINDOW_ID": "1"}, None, "strip"),
    (TMUX, TmuxClient("xterm-kitty", "kitty(0.26.5)", None), "strip"),
    ({"TERM": "xterm-256color", "VTE_VERSION": "7006"}, None, "keep"),
    ({"TERM": "xterm", "XTERM_VERSION": "XTerm(379)"}, None, "keep"),
    ({"TERM": "mlterm", "MLTERM": "3.9.0"}, None, "keep"),
    ({"KONSOLE_VERSION": "221203"}, None, "keep"),
    ({}, None, "keep"),
]


@pytest.mark.parametrize(("env", "client", "harakat"), HARAKAT)
def test_auto_strips_harakat_only_where_the_terminal_draws_them_over_letters(
    env: dict[str, str], client: TmuxClient | None, harakat: str
) -> None:
    terminal = identify(env, client)
    assert decide_harakat("auto", terminal) == harakat
    # what the user chose (--harakat, a saved preference) wins everywhere
    assert decide_harakat("keep", terminal) == "keep"
    assert decide_harakat("strip", terminal) == "strip"


def test_an_unknown_harakat_request_is_refused() -> None:
    with pytest.raises(ValueError, match="harakat"):
        decide_harakat("maybe", identify({}))


def test_printed_lines_are_logical_where_the_app_switches_the_terminals_bidi_off() -> None:
    """The command line sends no set-up sequence: where the app's ``app`` needs one (VTE's
    ``CSI 8 l``, mlterm's OSC), printed lines are logical text for the terminal to order;
    ``terminal`` on mlterm is printed as logical text as it is (its own form places the
    neutral runs for the stretch after a border)."""
    cases = [({"VTE_VERSION": "7006"}, None, "auto", "shaped"),
             ({"TERM": "mlterm"}, None, "auto", "shaped-rlm"),  # no isolates (boxes)
             (TMUX, TmuxClient("mlterm", "", {}), "auto", "shaped-rlm"),
             (TMUX, TmuxClient("xterm-256color", "", {"VTE_VERSION": "7006"}), "auto",
              "shaped"),
             ({"TERM": "xterm", "XTERM_VERSION": "XTerm(379)"}, None, "auto", "app"),
             ({"TERM": "alacritty"}, None, "auto", "app"),
             ({"KONSOLE_VERSION": "221203"}, None, "auto", "shaped-mirrored"),
             ({"KITTY_WINDOW_ID": "1"}, None, "auto", "words"),
             ({}, None, "auto", "app"),
             ({"TERM": "mlterm"}, None, "terminal", "terminal"),
             ({"KONSOLE_VERSION": "221203"}, None, "terminal", "terminal-konsole"),
             ({"VTE_VERSION": "7006"}, None, "app", "app")]  # given: as asked
    for env, client, requested, printed in cases:
        assert choose_bidi_mode(requested, env, client).printed_mode == printed, env
    # a saved app is what auto would give: VTE's printed lines stay logical
    saved = decide("auto", identify({"VTE_VERSION": "7006"}), {"vte": "app"})
    assert (saved.source, saved.printed_mode) == ("saved", "shaped")
