"""Which terminal the reader runs in, which output strategy it gets, and the sequences
that set the terminal up for it and put it back.

The strategies themselves (what text is sent) are the engine's
(:mod:`reader.text.output`); this module decides between them. ``--bidi auto``:

1. what the terminal is: outside tmux from the environment the terminal set
   (``VTE_VERSION``, ``KONSOLE_VERSION``, ``TERM=mlterm``/``MLTERM``,
   ``KITTY_WINDOW_ID``/``TERM=xterm-kitty``, ``ALACRITTY_*``, ``XTERM_VERSION``);
   inside tmux those variables are whatever they were where tmux was started, so
   tmux is asked about its client instead: ``#{client_termtype}`` (the
   terminal's own answer to XTVERSION), ``#{client_termname}`` (its ``TERM``) and
   the environment of the client process (``#{client_pid}``), which runs in the
   terminal that is attached now;
2. a choice the reader saved for that terminal with the chooser wins;
3. else :data:`DECISIONS` (measured: ``docs/terminals.md``). A terminal it does
   not know gets ``app`` without asking.

Konsole's bidi is a profile setting no variable or query shows: auto takes its
default (on) and the chooser, opened once, settles it.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from reader.i18n import Sentence
from reader.text.output import BIDI_CHOICES, MODES, TERMINAL_FORMS

#: BDSM (ECMA-48 mode 8): reset = explicit (the application orders), set = implicit.
EXPLICIT_MODE = "\x1b[8l"
IMPLICIT_MODE = "\x1b[8h"
#: mlterm ignores BDSM; its own OSC turns its bidi/shaping off for the screen.
MLTERM_CTL_OFF = "\x1b]5379;use_ctl=false\x07"
MLTERM_CTL_ON = "\x1b]5379;use_ctl=true\x07"
#: mlterm lays out each stretch of a row after a box-drawing character left to right, but
#: a row with none (the title bar, the status line) in the direction of its first strong
#: letter: an Arabic one came out at the left, the padding that right-aligns it on its
#: right. The logical strategies pad a right-to-left line on the left, for a row laid
#: out left to right; so while one is in force every row is (mlterm's ``bidi_mode``),
#: and leaving puts mlterm's default back.
MLTERM_ROWS_LEFT = "\x1b]5379;bidi_mode=left\x07"
MLTERM_ROWS_NORMAL = "\x1b]5379;bidi_mode=normal\x07"
#: ``terminal`` on mlterm (``terminal-mlterm``) asks for more: mlterm parts a row at each
#: of its ``bidi_separators`` and lays each stretch out as a paragraph of its own, in the
#: direction of its first strong letter, where it stands (``vt_bidi.c``, ``vt_bidi``: a
#: row whose first stretch holds no right-to-left letter is laid out left to right,
#: stretch by stretch). So each pane's line reads right whole: runs, punctuation, a
#: Latin run inside Arabic. The separators can only be ASCII (``strchr`` on a US-ASCII
#: character's code), and a box-drawing character (U+2500-U+259F) switches the whole
#: row to left to right whatever the mode (``goto decsp``: ``bidi_mode =
#: BIDI_ALWAYS_LEFT``), so while this form is in force the app's frames go out in ASCII
#: (:func:`mlterm_frames`), their verticals and corners (``|``) being the separators. Leaving
#: puts mlterm's default (none) back.
MLTERM_SEPARATORS = "|"
MLTERM_STRETCHES = f"\x1b]5379;bidi_separators={MLTERM_SEPARATORS}\x07"
MLTERM_NO_STRETCHES = "\x1b]5379;bidi_separators=\x07"


def _ascii_frame(ch: str) -> str:
    """The ASCII stand-in for a box-drawing or block character *ch* (by its name)."""
    from unicodedata import name

    called = name(ch, "")
    if "DIAGONAL" in called:
        return {"\u2571": "/", "\u2572": "\\"}.get(ch, "*")  # never a letter: it is L
    if "BLOCK" in called or "SHADE" in called or "QUADRANT" in called:
        if ("LEFT" in called or "RIGHT" in called) and "QUADRANT" not in called:
            return "|"  # a field's edge
        # a scroll bar's part-cell ends (a space: mlterm keeps the spaces ending a
        # stretch at its right end, where the scroll bar is), a field's rules
        return " "
    # A corner is a vertical too: a separator, so that a frame's top row, which may hold
    # an Arabic title, is parted at its panes' corners as the rows below are at their
    # borders. ("+" would part "ctrl+q" and "C++" too.)
    vertical = any(word in called for word in ("VERTICAL", " UP", " DOWN"))
    return "|" if vertical else "-"


@cache
def mlterm_frames() -> dict[int, str]:
    """Every box-drawing and block character (U+2500-U+259F) as its ASCII stand-in, for
    the app's output while ``terminal-mlterm`` is in force (see
    :data:`MLTERM_SEPARATORS`). Built on first use: the character names cost a few
    milliseconds, and ``cat`` imports this module."""
    return {code: _ascii_frame(chr(code)) for code in range(0x2500, 0x25A0)}

#: (terminal, inside tmux) -> strategy auto takes. Unknown terminals: ``app``.
DECISIONS: dict[tuple[str, bool], str] = {
    ("xterm", False): "app", ("xterm", True): "app",
    ("alacritty", False): "app", ("alacritty", True): "app",
    # VTE obeys CSI 8 l; inside tmux it never gets it, and reorders every row.
    ("vte", False): "app", ("vte", True): "shaped",
    # mlterm obeys its OSC 5379; inside tmux it goes through tmux's passthrough,
    # which the reader turns on for its own pane while it runs (TmuxPassthrough).
    ("mlterm", False): "app", ("mlterm", True): "app",
    # Konsole's bidi (on by default) cannot be switched off by the application,
    # and it does not mirror brackets.
    ("konsole", False): "shaped-mirrored", ("konsole", True): "shaped-mirrored",
    # kitty flips each right-to-left word by itself.
    ("kitty", False): "words", ("kitty", True): "words",
}

#: What lines printed by the command line take where auto (or a saved choice) gives the
#: app ``app``: the app then switches the terminal's own bidi off (VTE: ``CSI 8 l``;
#: mlterm: its OSC, for the whole screen), which a command writing into the terminal's
#: scrollback does not do; so it sends logical text for the terminal to order.
#: (Seen: ``cat`` in ``app`` form read backwards on VTE and mlterm.)
#: mlterm's is the form without the interface's isolates, which it draws as boxes.
PRINTED_FORMS: dict[str, str] = {"vte": "shaped", "mlterm": "shaped-rlm"}

#: ``terminal``'s forms as printed: mlterm's form sends the neutral runs at a line's ends
#: where they show, for the stretch after a border, which mlterm lays out left to right;
#: a printed line is the first stretch of its row, which mlterm lays out in the
#: direction of its first strong letter, so it gets logical text as it is.
PRINTED_TERMINAL_FORMS: dict[str, str] = {"terminal-mlterm": "terminal"}

#: Terminals with a bidi setting the reader cannot see: the chooser opens once.
HIDDEN_SETTING = frozenset({"konsole"})

#: Terminals that draw a letter carrying a haraka over its neighbours, whatever the
#: strategy (logical text too): kitty 0.26.5. Vocalised text is unreadable there and
#: the same words without harakat read right, so auto strips them (docs/terminals.md).
HARAKAT_OVERDRAWN = frozenset({"kitty"})

#: What ``harakat`` takes in the settings: ``auto`` (not chosen) decides per terminal.
HARAKAT_CHOICES: tuple[str, ...] = ("keep", "strip", "auto")


@dataclass(frozen=True)
class Terminal:
    """What the reader found out about the terminal."""

    kind: str  # xterm, alacritty, vte, mlterm, konsole, kitty, unknown
    inside_tmux: bool
    evidence: str  # what told it, for the help screen and doctor

    @property
    def key(self) -> str:
        """The name a saved choice is kept under (tmux matters where auto differs)."""
        differs = DECISIONS.get((self.kind, True)) != DECISIONS.get((self.kind, False))
        return self.kind + ("+tmux" if self.inside_tmux and differs else "")


@dataclass(frozen=True)
class TmuxClient:
    """What tmux says about the terminal attached to it."""

    termname: str = ""
    termtype: str = ""
    environ: Mapping[str, str] | None = None  # the client process's; None if unreadable
    #: the client process; a new one at every attach (empty: no client attached)
    pid: str = ""


def _kind_from_environment(env: Mapping[str, str], term: str) -> tuple[str, str] | None:
    checks = (
        ("konsole", "KONSOLE_VERSION", bool(env.get("KONSOLE_VERSION"))),
        ("mlterm", "TERM=" + term, term.startswith("mlterm")),
        ("mlterm", "MLTERM", "MLTERM" in env),
        ("kitty", "KITTY_WINDOW_ID", bool(env.get("KITTY_WINDOW_ID"))),
        ("kitty", "TERM=" + term, term == "xterm-kitty"),
        ("vte", "VTE_VERSION", bool(env.get("VTE_VERSION"))),
        ("alacritty", "TERM=" + term, term == "alacritty"),
        ("alacritty", "ALACRITTY_WINDOW_ID", bool(env.get("ALACRITTY_WINDOW_ID"))),
        ("xterm", "XTERM_VERSION", bool(env.get("XTERM_VERSION"))),
    )
    for kind, evidence, found in checks:
        if found:
            return kind, evidence
    return None


def _kind_from_termtype(termtype: str) -> str | None:
    """The terminal named by its XTVERSION answer ("XTerm(379)", "kitty(0.26.5)",
    "Konsole 22.12.3"…), as tmux reports it."""
    lowered = termtype.lower()
    for prefix, kind in (("xterm(", "xterm"), ("kitty", "kitty"), ("konsole", "konsole"),
                         ("mlterm", "mlterm"), ("vte", "vte"), ("alacritty", "alacritty")):
        if lowered.startswith(prefix):
            return kind
    return None


def identify(environ: Mapping[str, str], tmux: TmuxClient | None = None) -> Terminal:
    """The terminal: from *environ* directly; inside tmux (``TMUX`` set) from *tmux*, the
    client's fields, never from variables inherited from where tmux was started."""
    if not environ.get("TMUX"):
        found = _kind_from_environment(environ, environ.get("TERM", ""))
        if found:
            return Terminal(found[0], False, found[1])
        return Terminal("unknown", False, "TERM=" + environ.get("TERM", ""))
    client = tmux or TmuxClient()
    kind = _kind_from_termtype(client.termtype)
    if kind:
        return Terminal(kind, True, f"tmux client_termtype={client.termtype}")
    found = _kind_from_environment(client.environ or {}, client.termname)
    if found:
        where = "client_termname" if found[1].startswith("TERM=") else "client_environment"
        return Terminal(found[0], True, Sentence(f"terminal.evidence.{where}", found=found[1]))
    if not client.termname:  # a detached session: no terminal to ask about
        return Terminal("unknown", True, Sentence("terminal.evidence.no_client"))
    return Terminal("unknown", True, f"tmux client_termname={client.termname}")


class TmuxQuestion:
    """:func:`ask_tmux`'s question, asked at once and answered when needed: the app's
    start-up goes on while the tmux client answers (a round trip of 10-30 ms)."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._process: subprocess.Popen[str] | None = None
        if not environ.get("TMUX"):
            return
        try:
            self._process = subprocess.Popen(
                ["tmux", "display-message", "-p",
                 "#{client_pid}\t#{client_termname}\t#{client_termtype}"],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True, env=dict(environ),
            )
        except (OSError, subprocess.SubprocessError):
            self._process = None

    def answer(self) -> TmuxClient | None:
        """The tmux client (None outside tmux, or when tmux does not answer within a
        second of being asked for the answer)."""
        process, self._process = self._process, None
        if process is None:
            return None
        try:
            output, _ = process.communicate(timeout=1.0)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return None
        fields = output.rstrip("\n").split("\t")
        if process.returncode != 0 or len(fields) != 3:
            return None
        pid, termname, termtype = fields
        return TmuxClient(termname, termtype, _process_environment(pid), pid)


def ask_tmux(environ: Mapping[str, str]) -> TmuxClient | None:
    """Ask the tmux server this process runs under about its client (None outside tmux or
    when tmux does not answer within a second)."""
    return TmuxQuestion(environ).answer()


def _process_environment(pid: str) -> dict[str, str] | None:
    """Another process's environment (Linux ``/proc``), or None."""
    if not pid.isdigit():
        return None
    try:
        with open(f"/proc/{pid}/environ", "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    pairs = (item.decode("utf-8", "replace").partition("=") for item in raw.split(b"\0") if item)
    return {name: value for name, _, value in pairs}


@dataclass(frozen=True)
class BidiDecision:
    """The strategy in effect, and why (the help screen and doctor show it)."""

    mode: str  # an output strategy (reader.text.output.MODES)
    requested: str  # what the user asked for: a strategy or "auto"
    terminal: Terminal
    source: str  # "flag" (given), "saved" (the chooser's answer), "auto" (the table)

    @property
    def layout_mode(self) -> str:
        """The layout mode text is laid out in: ``mode``, except that ``terminal`` takes
        the form the terminal needs (its lam-alef cells, its brackets)."""
        if self.mode == "terminal":
            return TERMINAL_FORMS.get(self.terminal.kind, "terminal")
        return self.mode

    @property
    def printed_mode(self) -> str:
        """The layout mode of lines printed on this terminal by the command line, which
        sends no set-up sequence: ``layout_mode``, except where that needs one to keep
        the terminal from ordering the text again (:data:`PRINTED_FORMS`). A strategy
        given with ``--bidi`` stays as it is (``terminal`` in the form printing needs)."""
        mode = self.layout_mode
        if self.source != "flag" and mode == "app":
            return PRINTED_FORMS.get(self.terminal.kind, mode)
        return PRINTED_TERMINAL_FORMS.get(mode, mode)

    @property
    def hint(self) -> str:
        return self.terminal.evidence

    @property
    def reason_key(self) -> str:
        """The i18n key of the sentence explaining the decision."""
        return f"bidi.reason.{self.source}"

    @property
    def setting_unseen(self) -> bool:
        """Auto decided for a terminal with a bidi setting it cannot see."""
        return self.source == "auto" and self.terminal.kind in HIDDEN_SETTING


def chooser_due(requested: str, decision: BidiDecision, interactive: bool) -> bool:
    """Whether the chooser opens by itself: only on an interactive terminal, only when
    auto decided for a terminal whose bidi setting it cannot see, and so only until a
    choice is saved (then the decision's source is "saved"); never when a strategy was
    given with ``--bidi`` or kept as a preference."""
    return interactive and requested == "auto" and decision.setting_unseen


def decide_harakat(requested: str, terminal: Terminal) -> str:
    """``keep`` or ``strip``: what the user chose (``--harakat``, a saved preference)
    wins; not chosen (``auto``), they are stripped on a terminal that draws them over
    their neighbours (:data:`HARAKAT_OVERDRAWN`) and kept everywhere else."""
    if requested not in HARAKAT_CHOICES:
        raise ValueError(f"unknown harakat {requested!r}; choose from {HARAKAT_CHOICES}")
    if requested != "auto":
        return requested
    return "strip" if harakat_overdrawn(terminal) else "keep"


def harakat_overdrawn(terminal: Terminal) -> bool:
    """True on a terminal that draws harakat over the neighbouring letters."""
    return terminal.kind in HARAKAT_OVERDRAWN


def decide(requested: str, terminal: Terminal, saved: Mapping[str, str] | None = None
           ) -> BidiDecision:
    """Resolve ``--bidi`` for *terminal*: a given strategy as it is; ``auto`` takes the
    choice saved for this terminal, else the table, else ``app``."""
    if requested not in BIDI_CHOICES:
        raise ValueError(f"unknown bidi mode {requested!r}; choose from {BIDI_CHOICES}")
    if requested != "auto":
        return BidiDecision(requested, requested, terminal, "flag")
    chosen = (saved or {}).get(terminal.key)
    if chosen in MODES:
        return BidiDecision(chosen, "auto", terminal, "saved")
    mode = DECISIONS.get((terminal.kind, terminal.inside_tmux), "app")
    return BidiDecision(mode, "auto", terminal, "auto")


def choose_bidi_mode(requested: str, environ: Mapping[str, str] | None = None,
                     tmux: TmuxClient | None = None,
                     saved: Mapping[str, str] | None = None) -> BidiDecision:
    """:func:`decide` for the terminal *environ* (and *tmux*) describe."""
    env = os.environ if environ is None else environ
    return decide(requested, identify(env, tmux), saved)


def needs_passthrough(decision: BidiDecision) -> bool:
    """Whether the enter sequence must reach the terminal behind tmux for the screen to
    read right: mlterm's OSC, which turns its own layout off for ``app`` and lays every
    row out left to right for the other strategies. (Every other terminal's sequence
    asks for its default, which it already has.)"""
    return decision.terminal.inside_tmux and decision.terminal.kind == "mlterm"


#: Runs one tmux command; its standard output, or None when it failed.
TmuxRunner = Callable[[Sequence[str]], "str | None"]


def run_tmux(environ: Mapping[str, str]) -> TmuxRunner:
    """A :data:`TmuxRunner` talking to the tmux server *environ* points at."""
    def run(args: Sequence[str]) -> str | None:
        try:
            answer = subprocess.run(["tmux", *args], capture_output=True, text=True,
                                    timeout=1.0, env=dict(environ))
        except (OSError, subprocess.SubprocessError):
            return None
        return answer.stdout if answer.returncode == 0 else None
    return run


PASSTHROUGH_OPTION = "allow-passthrough"


@dataclass
class TmuxPassthrough:
    """tmux's ``allow-passthrough`` for the reader's own pane, on while it runs.

    tmux 3.3 drops wrapped sequences unless the pane allows them (off by default, a
    guard against programs reaching the outer terminal). mlterm behind tmux only reads
    right when its own layout is off, and only its OSC can say so; so the reader turns
    passthrough on for its own pane (never globally) and puts the pane's own setting
    back when it leaves. ``previous`` is that setting ("" when the pane inherited it);
    None means the reader changed nothing (already allowed, or a tmux without the
    option, which passes everything).

    tmux also drops a wrapped sequence while the pane waits for a redraw (right after
    the switch to or from the alternate screen), so :meth:`deliver` sends it, waits
    until tmux has read that far (a pane title set after it shows up in
    ``#{pane_title}``), and sends it once more: the second copy arrives after the redraw.
    """

    pane: str
    previous: str | None
    run: TmuxRunner

    @classmethod
    def open(cls, environ: Mapping[str, str], run: TmuxRunner | None = None
             ) -> TmuxPassthrough | None:
        pane = environ.get("TMUX_PANE", "")
        if not environ.get("TMUX") or not pane:
            return None
        tmux = run or run_tmux(environ)
        effective = tmux(["show-options", "-A", "-p", "-t", pane, "-v", PASSTHROUGH_OPTION])
        if effective is None or effective.strip() in ("on", "all"):
            return cls(pane, None, tmux)
        own = tmux(["show-options", "-p", "-t", pane, "-v", PASSTHROUGH_OPTION]) or ""
        if tmux(["set-option", "-p", "-t", pane, PASSTHROUGH_OPTION, "on"]) is None:
            return cls(pane, None, tmux)
        return cls(pane, own.strip(), tmux)

    def deliver(self, write: Callable[[str], None], sequence: str) -> None:
        """Write *sequence* (already wrapped) so that it reaches the terminal behind tmux."""
        if sequence:
            write(sequence)
            self.wait_until_read(write)
            write(sequence)

    def wait_until_read(self, write: Callable[[str], None]) -> None:
        """Return once tmux has read what was written before (at most a second): a
        pane title set now shows in ``#{pane_title}`` then. The title is put back."""
        title = self.run(["display-message", "-p", "-t", self.pane, "#{pane_title}"])
        marker = f"rtl-reader-{os.getpid()}-{time.monotonic_ns()}"
        write(f"\x1b]2;{marker}\x07")
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            shown = self.run(["display-message", "-p", "-t", self.pane, "#{pane_title}"])
            if shown is None or shown.rstrip("\n") == marker:
                break
            time.sleep(0.01)
        if title is not None:
            self.run(["select-pane", "-t", self.pane, "-T", title.rstrip("\n")])

    def close(self, write: Callable[[str], None] | None = None) -> None:
        """Put the pane's own setting back; with *write* (how the reader writes to the
        pane), only once tmux has read everything written before."""
        if self.previous is None:
            return
        if write is not None:
            self.wait_until_read(write)
        if self.previous:
            self.run(["set-option", "-p", "-t", self.pane, PASSTHROUGH_OPTION, self.previous])
        else:
            self.run(["set-option", "-p", "-u", "-t", self.pane, PASSTHROUGH_OPTION])
        self.previous = None


def tmux_passthrough(sequence: str) -> str:
    """Wrap *sequence* so tmux hands it to the outer terminal (``allow-passthrough on``).

    The form is ``ESC P tmux; <sequence with every ESC doubled> ESC \\``.
    """
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


def frames(decision: BidiDecision) -> dict[int, str] | None:
    """What the app's output is translated through under *decision*: the ASCII frames
    of ``terminal`` on mlterm (:data:`MLTERM_SEPARATORS`), else None (as it is)."""
    if decision.terminal.kind == "mlterm" and decision.layout_mode == "terminal-mlterm":
        return mlterm_frames()
    return None


def mode_sequences(decision: BidiDecision) -> tuple[str, str]:
    """The bytes to write before the first paint and on every exit, for *decision*.

    ``app`` asks for explicit mode (``CSI 8 l``; mlterm: its OSC) so the terminal does not
    reorder again; every other strategy needs the terminal's own bidi, so it asks for
    implicit mode (mlterm: its layout on, every row left to right, see
    :data:`MLTERM_ROWS_LEFT`; for ``terminal``, each row parted at its borders, see
    :data:`MLTERM_SEPARATORS`). Leaving always restores the default: implicit mode,
    mlterm's layout on (and its rows' direction and separators back). Inside tmux they
    are wrapped for passthrough (tmux itself never reorders).
    """
    mlterm = decision.terminal.kind == "mlterm"
    explicit = decision.mode == "app"
    enter = EXPLICIT_MODE if explicit else IMPLICIT_MODE
    leave = IMPLICIT_MODE
    if mlterm and explicit:
        enter += MLTERM_CTL_OFF
        leave += MLTERM_CTL_ON
    elif mlterm and frames(decision):
        enter += MLTERM_CTL_ON + MLTERM_ROWS_NORMAL + MLTERM_STRETCHES
        leave = MLTERM_NO_STRETCHES + MLTERM_ROWS_NORMAL + leave + MLTERM_CTL_ON
    elif mlterm:
        enter += MLTERM_CTL_ON + MLTERM_ROWS_LEFT
        leave = MLTERM_ROWS_NORMAL + leave + MLTERM_CTL_ON
    if decision.terminal.inside_tmux:
        return tmux_passthrough(enter), tmux_passthrough(leave)
    return enter, leave
