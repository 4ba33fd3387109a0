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
    from reader.text.layout import Line
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


def terminal_columns(stream: object) -> int | None:
    """The width the terminal *stream* writes to reports (0 for a terminal whose size
    was never set), or None when it is none (a pipe, a file, a stand-in stream)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return None


def layout_mode(stream: object, requested: str | None = None) -> str:
    """The layout mode for output to *stream*, ``--bidi`` having asked *requested*
    (``None``: what :func:`request` was told)."""
    asked = requested or _requested
    if asked not in (AUTO, "terminal"):
        return asked
    if not is_terminal(stream):
        return "app" if asked == AUTO else "terminal"
    return terminal_decision(asked).printed_mode


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


#: How laid-out lines are written (:func:`line_form`): as the layout made them (visual
#: lines padded, logical ones without marks: a pipe, or a terminal drawing cells as
#: given), as the app sends them (padded, marked: a terminal that orders each row as a
#: left-to-right paragraph), or as mlterm needs them.
AS_LAID_OUT = "as-laid-out"
EMBEDDED = "embedded"
FIRST_STRONG = "first-strong"


def line_form(stream: object, mode: str) -> str:
    """How lines laid out in *mode* are written to *stream*.

    Logical lines on a terminal are ordered by the terminal's own bidi, each row as a
    paragraph of its own, and two kinds of terminal need two forms:

    - :data:`EMBEDDED` (Konsole, VTE and any other): a row is a left-to-right paragraph,
      so a right-to-left line goes as the app sends it: padded on the left to the width
      and in its embedding (RLE ... PDF, then an LRM). Printed bare, Konsole showed it
      at the left edge, its final "." at the right end and a Latin run inside it
      ("iPad mini 4") on the wrong side of the Arabic around it.
    - :data:`FIRST_STRONG` (mlterm): a row takes the direction of its first strong
      letter and is aligned to that side by mlterm itself, and each mark takes a cell's
      slot of the row: so no padding (it would land on the right of a right-to-left
      line), no marks, but one RLM (or LRM) before a line whose first strong letter
      goes the other way from its paragraph (a line of an Arabic paragraph starting with
      "iPad"), and an RLM before a right-to-left line with no strong letter ("2.", which
      mlterm showed at the left): :func:`in_its_direction`. The mark follows a space:
      tmux drops a zero-width character written in a row's first cell (it joins it to
      the character before).
    """
    from reader.text.output import reorders

    if reorders(mode) or not is_terminal(stream):
        return AS_LAID_OUT
    if terminal_decision(_requested).terminal.kind == "mlterm":
        return FIRST_STRONG
    return EMBEDDED


def layout_width(width: int, form: str) -> int:
    """The width lines are laid out in to be written *width* cells wide in *form*: one
    cell less on a terminal that orders them. Konsole drops a zero-width character
    written in a row's first cell (there is no character before it to join), so a line
    filling the row lost its RLE and read left to right; mlterm's lines may start with
    a space and a mark."""
    return width if form == AS_LAID_OUT else max(2, width - 1)


def printed(line: Line, width: int, form: str) -> str:
    """*line*, laid out in a logical mode, as it is written in *form* (see
    :func:`line_form`), *width* cells wide."""
    from reader.text.output import unmarked

    if form == EMBEDDED:
        return line.padded(width) if line.align_right and line.text else line.text
    text = unmarked(line.text)
    if form == FIRST_STRONG and text:
        return in_its_direction(text, line.rtl)
    return text


def in_its_direction(text: str, rtl: bool) -> str:
    """*text*, a line of a paragraph going right to left if *rtl*, as mlterm lays it out in
    that direction (:data:`FIRST_STRONG`): mlterm takes a row's direction from its first
    strong letter (skipping embedding controls, as rules P2/P3 do; none: left to right),
    so a line whose first one goes the other way gets a space and an RLM (or LRM) first."""
    from reader.text.bidi.classes import classify
    from reader.text.bidi.reference import first_strong_level
    from reader.text.output import LRM, RLM

    first = first_strong_level(classify(text))
    if bool(first) != rtl:
        return " " + (RLM if rtl else LRM) + text
    return text


def marks_room(line: str) -> int:
    """The cells to leave free on a row for the zero-width marks that a line of *line*
    (a sentence with the interface's isolates) may carry on mlterm, which gives each
    mark a slot of the row: two for each isolate (sent as an embedding), and the
    line's own embedding, the LRM after it and the mark :func:`in_its_direction` may
    put first. (A full row's last cells would wrap onto the next one.)"""
    return 2 * line.count("\u2069") + 4


@cache
def terminal_decision(requested: str) -> BidiDecision:
    """The app's decision for the terminal this process runs in (once per process)."""
    from reader.ui.saved_choices import load_choices
    from reader.ui.terminal import ask_tmux, decide, identify

    environ = dict(os.environ)
    return decide(requested, identify(environ, ask_tmux(environ)), load_choices())
