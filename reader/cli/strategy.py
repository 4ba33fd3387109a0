"""Which output strategy the command line lays Arabic out in: the app's decision.

Output written to a terminal reads right only in the form that terminal needs (kitty
flips each Arabic word, Konsole orders every row itself): so with no ``--bidi`` (or
``--bidi auto``) the command line takes the strategy the app takes there
(:func:`reader.ui.terminal.decide`: the choice saved for this terminal, else auto's
table), and ``cat`` on kitty reads as the app does. A strategy given with ``--bidi``
wins; ``terminal`` takes the form the terminal needs, as in the app.

Harakat follow the app's rule too (:func:`harakat`): with no ``--harakat`` they are
stripped on a terminal that draws them over their neighbours (kitty), as the app
strips them there, and kept everywhere else; ``--harakat`` given wins.

Written to a pipe or a file, the output is ``app`` (``terminal`` with ``--bidi
terminal``), harakat kept, as it always was: nothing is detected there, and nothing is imported but
this module, so a filter's start-up stays light. On a terminal the detection runs once
per process (inside tmux it asks tmux about its client), for the output and the
messages alike.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.terminal import BidiDecision

AUTO = "auto"
#: What ``--bidi`` asked for in this process (the messages follow it too).
_requested: str = AUTO


def request(requested: str | None) -> None:
    """Lay out from now on as ``--bidi`` *requested* (``None``: auto)."""
    global _requested
    _requested = requested or AUTO


def is_terminal(stream: object) -> bool:
    """Whether *stream* is a terminal (a stand-in stream with no ``isatty``, or a closed
    one, is not)."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def layout_mode(stream: object, requested: str | None = None) -> str:
    """The layout mode for output to *stream*, ``--bidi`` having asked *requested*
    (``None``: what :func:`request` was told)."""
    asked = requested or _requested
    if asked not in (AUTO, "terminal"):
        return asked
    if not is_terminal(stream):
        return "app" if asked == AUTO else "terminal"
    return terminal_decision(asked).layout_mode


def harakat(stream: object, requested: str | None) -> str:
    """``keep`` or ``strip`` for output to *stream*, ``--harakat`` having asked
    *requested* (``None``: not given). Not given, a terminal gets the app's default there
    (:func:`reader.ui.terminal.decide_harakat`: stripped on kitty, which draws a letter
    carrying a haraka over its neighbours); a pipe or a file keeps them, as it always did."""
    if requested:
        return requested
    if not is_terminal(stream):
        return "keep"
    from reader.ui.terminal import decide_harakat

    return decide_harakat(AUTO, terminal_decision(_requested).terminal)


@cache
def terminal_decision(requested: str) -> BidiDecision:
    """The app's decision for the terminal this process runs in (once per process)."""
    from reader.ui.saved_choices import load_choices
    from reader.ui.terminal import ask_tmux, decide, identify

    environ = dict(os.environ)
    return decide(requested, identify(environ, ask_tmux(environ)), load_choices())
