"""What the terminal does with Arabic, and the sequences that tell it not to.

Terminals that run the bidi algorithm themselves (VTE, Konsole, mlterm, kitty…)
would reverse the reader's visual-order text a second time. Two answers:

- ``--bidi terminal`` sends logical, unshaped text, for terminals that reorder
  *and* shape on their own; :func:`choose_bidi_mode` picks it from environment
  hints when the user asked for ``auto``;
- in ``app`` mode the reader sends ``CSI 8 l`` (BDSM reset: explicit mode, the
  application orders the text) before the first paint and ``CSI 8 h`` on exit
  (:func:`explicit_mode_sequences`). VTE and WezTerm obey it; tmux swallows it
  unless it is wrapped in tmux's passthrough form.

No query tells reliably whether a terminal reorders, so these are guesses from the
environment, and the user can always override them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import NamedTuple

BIDI_CHOICES = ("app", "terminal", "auto")

#: BDSM (ECMA-48 mode 8): reset = explicit (the application orders), set = implicit.
EXPLICIT_MODE = "\x1b[8l"
IMPLICIT_MODE = "\x1b[8h"
#: mlterm ignores BDSM; its own OSC turns its bidi/shaping off for the screen.
MLTERM_CTL_OFF = "\x1b]5379;use_ctl=false\x07"
MLTERM_CTL_ON = "\x1b]5379;use_ctl=true\x07"


class BidiDecision(NamedTuple):
    """The mode in effect, and why (shown on the help screen)."""

    mode: str  # "app" or "terminal"
    requested: str  # what the user asked for: "app", "terminal" or "auto"
    hint: str | None  # the environment variable that decided "auto", if any

    @property
    def reason_key(self) -> str:
        """The i18n key of the sentence explaining the decision."""
        if self.requested != "auto":
            return "bidi.reason.flag"
        return "bidi.reason.env_terminal" if self.mode == "terminal" else "bidi.reason.env_app"


def _is_mlterm(env: Mapping[str, str]) -> bool:
    return env.get("TERM", "").startswith("mlterm") or "MLTERM" in env


def terminal_reorder_hint(environ: Mapping[str, str] | None = None) -> str | None:
    """The environment variable showing a terminal that reorders *and* shapes, or None.

    Konsole and mlterm do both and ignore ``CSI 8 l``; kitty flips right-to-left
    runs and shapes, and ignores it too. VTE and WezTerm also reorder but obey
    ``CSI 8 l``, so the reader keeps ``app`` mode for them and sends it.
    """
    env = os.environ if environ is None else environ
    if env.get("KONSOLE_VERSION"):
        return "KONSOLE_VERSION"
    if env.get("TERM", "").startswith("mlterm"):
        return "TERM=" + env["TERM"]
    if "MLTERM" in env:
        return "MLTERM"
    if env.get("KITTY_WINDOW_ID"):
        return "KITTY_WINDOW_ID"
    return None


def choose_bidi_mode(requested: str, environ: Mapping[str, str] | None = None) -> BidiDecision:
    """Resolve ``--bidi app|terminal|auto`` to the mode the layout uses."""
    if requested not in BIDI_CHOICES:
        raise ValueError(f"unknown bidi mode {requested!r}; choose from {BIDI_CHOICES}")
    if requested != "auto":
        return BidiDecision(requested, requested, None)
    hint = terminal_reorder_hint(environ)
    return BidiDecision("terminal" if hint else "app", "auto", hint)


def tmux_passthrough(sequence: str) -> str:
    """Wrap *sequence* so tmux hands it to the outer terminal (``allow-passthrough on``).

    The form is ``ESC P tmux; <sequence with every ESC doubled> ESC \\``.
    """
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


def explicit_mode_sequences(
    mode: str, environ: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """The bytes to write before the first paint and on exit, for *mode*.

    In ``terminal`` mode nothing is sent: the terminal's own bidi must stay on.
    Inside tmux the sequences are wrapped for passthrough (tmux itself never
    reorders; the outer terminal might).
    """
    if mode != "app":
        return "", ""
    env = os.environ if environ is None else environ
    enter, leave = EXPLICIT_MODE, IMPLICIT_MODE
    if _is_mlterm(env):
        enter, leave = enter + MLTERM_CTL_OFF, leave + MLTERM_CTL_ON
    if env.get("TMUX"):
        return tmux_passthrough(enter), tmux_passthrough(leave)
    return enter, leave
