"""``rtl-reader doctor``: what ``--bidi auto`` sees in this terminal, what it picks, and
the one-key chooser outside the app.

Prints the terminal found (inside tmux: tmux's client), the evidence, the strategy auto
takes and why, the choices saved and where; then one numbered sample line per output
strategy, each sent as that strategy sends it, and (on an interactive terminal) asks for
the number of the line that reads right and saves it for this terminal.
"""

from __future__ import annotations

import argparse
import os
import sys

from reader.cli.say import emit, for_stream, prefixed, text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reader.text.output import MODES

    parser.add_argument("--choose", choices=MODES, metavar="STRATEGY",
                        help=text("cli.option.choose", modes=", ".join(MODES)))
    parser.add_argument("--no-ask", action="store_true", help=text("cli.option.no_ask"))
    parser.add_argument("--width", type=int, default=0, metavar="N",
                        help=text("cli.option.sample_width"))


def _read_key() -> str:
    """One key from the terminal, without waiting for Enter."""
    import termios
    import tty

    fd = sys.stdin.fileno()
    old = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        return os.read(fd, 1).decode("utf-8", "replace")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, old)


def run(args: argparse.Namespace) -> int:
    from reader.text.output import MODES
    from reader.ui.saved_choices import choices_path, load_choices, save_choice
    from reader.ui.screens.bidi_chooser import sample_lines
    from reader.ui.terminal import (
        TmuxClient,
        TmuxPassthrough,
        ask_tmux,
        decide,
        decide_harakat,
        harakat_overdrawn,
        identify,
        mode_sequences,
        needs_passthrough,
    )

    environ = dict(os.environ)
    tmux = ask_tmux(environ)
    terminal = identify(environ, tmux)
    saved = load_choices()
    decision = decide("auto", terminal, saved)
    out = sys.stdout

    def say(line: str = "") -> None:
        out.write(for_stream(line, out) + "\n")

    kind = text("cli.doctor.terminal", kind=terminal.kind)
    say(text("cli.doctor.inside_tmux", terminal=kind) if terminal.inside_tmux else kind)
    say("  " + text("cli.doctor.found_from", evidence=terminal.evidence))
    if terminal.inside_tmux:
        client = tmux or TmuxClient()
        environment = "cli.doctor.read" if client.environ is not None else "cli.doctor.unreadable"
        say("  " + text("cli.doctor.tmux_client", termname=repr(client.termname),
                        termtype=repr(client.termtype), environment=text(environment)))
        say("  " + text("cli.doctor.not_inherited"))
    hints = [f"{k}={environ[k]}" for k in ("TERM", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM",
                                           "KITTY_WINDOW_ID", "XTERM_VERSION") if k in environ]
    say("  " + text("cli.doctor.environment", hints=" ".join(hints) or "-"))
    say(text("cli.doctor.picks", mode=decision.mode,
             how=text(f"cli.doctor.how.{decision.source}")))
    say("  " + text(f"strategy.{decision.mode}"))
    if decision.layout_mode == "terminal-mlterm":
        say("  " + text("help.terminal_mlterm"))
    if needs_passthrough(decision):
        say("  " + text("cli.doctor.passthrough"))
    if decision.setting_unseen:
        say("  " + text("cli.doctor.setting_unseen"))
    say(text("cli.doctor.harakat", value=decide_harakat("auto", terminal)))
    if harakat_overdrawn(terminal):
        say("  " + text("cli.doctor.harakat_overdrawn"))
    choices = ", ".join(f"{k}={v}" for k, v in sorted(saved.items()))
    say(text("cli.doctor.saved", path=choices_path(),
             choices=choices or text("cli.doctor.none")))
    say()
    out.write(for_stream(text("cli.doctor.which"), out))
    width = args.width or min(72, max(30, _terminal_width() - 22))
    interactive = sys.stdout.isatty()
    # behind tmux each line's switch must reach the terminal (mlterm's OSC)
    passthrough = TmuxPassthrough.open(environ) if interactive else None
    # mlterm's switch applies to the whole screen at once (the lines printed before it
    # are drawn again the new way): every line is shown as the strategy in force has
    # the terminal, as the app's chooser shows them, until the question is answered
    whole_screen = interactive and terminal.kind == "mlterm"
    held = mode_sequences(decision) if whole_screen else ("", "")
    out.write(held[0])
    # the harakat as the app would show them here: on kitty every vocalised line is
    # broken whatever its strategy, which would hide the one that reads right
    samples = sample_lines(width, terminal.kind, harakat=decide_harakat("auto", terminal))
    for number, (mode, sample) in enumerate(samples, 1):
        each_line = interactive and not whole_screen
        enter, leave = mode_sequences(decide(mode, terminal)) if each_line else ("", "")
        current = "*" if mode == decision.mode else " "
        # Each line in its strategy's terminal mode: VTE takes a row's mode when the row
        # starts, so the mode goes before the newline that starts it.
        out.write(f"{enter}\n{number}{current} {mode:<16} {sample}{leave}")
    out.write("\n")
    out.flush()
    choice = args.choose
    if choice is None and not args.no_ask and interactive and sys.stdin.isatty():
        out.write(for_stream(text("cli.doctor.ask", mode=decision.mode), out) + " ")
        out.flush()
        key = _read_key()
        say()
        if key.isdigit() and 1 <= int(key) <= len(MODES):
            choice = MODES[int(key) - 1]
    out.write(held[1])
    out.flush()
    if passthrough is not None:
        def write(data: str) -> None:
            out.write(data)
            out.flush()

        passthrough.close(write)
    if choice is not None:
        try:
            path = save_choice(terminal.key, choice)
        except OSError as error:
            emit(prefixed(text("cli.doctor.not_saved", error=error), command="doctor"))
            return 1
        say(text("cli.doctor.saved_for", terminal=terminal.key, mode=choice, path=path))
    return 0


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns
