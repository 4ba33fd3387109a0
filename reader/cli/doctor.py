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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reader.text.output import MODES

    parser.add_argument("--choose", choices=MODES, metavar="STRATEGY",
                        help="save STRATEGY for this terminal without asking "
                        f"({', '.join(MODES)})")
    parser.add_argument("--no-ask", action="store_true",
                        help="only print; do not ask which line reads right")
    parser.add_argument("--width", type=int, default=0, metavar="N",
                        help="width of the sample lines (default: the terminal's)")


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
    from reader.text.output import MODES, STRATEGIES
    from reader.ui.saved_choices import choices_path, load_choices, save_choice
    from reader.ui.screens.bidi_chooser import sample_lines
    from reader.ui.terminal import (
        TmuxClient,
        TmuxPassthrough,
        ask_tmux,
        decide,
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

    def say(text: str = "") -> None:
        out.write(text + "\n")

    say(f"terminal: {terminal.kind}" + (" (inside tmux)" if terminal.inside_tmux else ""))
    say(f"  found from: {terminal.evidence}")
    if terminal.inside_tmux:
        client = tmux or TmuxClient()
        say(f"  tmux client_termname={client.termname!r} client_termtype={client.termtype!r}"
            f" client environment {'read' if client.environ is not None else 'unreadable'}")
        say("  (variables inherited from where tmux was started are not used)")
    hints = [f"{k}={environ[k]}" for k in ("TERM", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM",
                                           "KITTY_WINDOW_ID", "XTERM_VERSION") if k in environ]
    say(f"  this process's environment: {' '.join(hints) or '-'}")
    how = {"auto": "from the table of terminals", "saved": "the choice saved for this terminal"}
    say(f"--bidi auto picks: {decision.mode} ({how[decision.source]})")
    say(f"  {STRATEGIES[decision.mode].summary}")
    if needs_passthrough(decision):
        say("  behind tmux: mlterm's own layout is switched off through tmux's passthrough,"
            " which the reader allows for its own pane while it runs")
    if decision.setting_unseen:
        say("  this terminal has a bidi setting no program can see: check the lines below")
    say(f"saved choices ({choices_path()}): "
        + (", ".join(f"{k}={v}" for k, v in sorted(saved.items())) or "none"))
    say()
    out.write("Which line reads right? (the same sentence as each strategy sends it)")
    width = args.width or min(72, max(30, _terminal_width() - 22))
    interactive = sys.stdout.isatty()
    # behind tmux each line's switch must reach the terminal (mlterm's OSC)
    passthrough = TmuxPassthrough.open(environ) if interactive else None
    for number, (mode, sample) in enumerate(sample_lines(width, terminal.kind), 1):
        enter, leave = mode_sequences(decide(mode, terminal)) if interactive else ("", "")
        current = "*" if mode == decision.mode else " "
        # Each line in its strategy's terminal mode: VTE takes a row's mode when the row
        # starts, so the mode goes before the newline that starts it.
        out.write(f"{enter}\n{number}{current} {mode:<16} {sample}{leave}")
    out.write("\n")
    out.flush()
    if passthrough is not None:
        def write(data: str) -> None:
            out.write(data)
            out.flush()

        passthrough.close(write)
    choice = args.choose
    if choice is None and not args.no_ask and interactive and sys.stdin.isatty():
        out.write(f"number of the line that reads right (Enter keeps {decision.mode}): ")
        out.flush()
        key = _read_key()
        say()
        if key.isdigit() and 1 <= int(key) <= len(MODES):
            choice = MODES[int(key) - 1]
    if choice is not None:
        try:
            path = save_choice(terminal.key, choice)
        except OSError as error:
            print(f"rtl-reader doctor: could not save the choice: {error}", file=sys.stderr)
            return 1
        say(f"saved for this terminal ({terminal.key}): {choice}  [{path}]")
    return 0


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns
